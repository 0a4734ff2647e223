package dev.sessionconfig.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Session data and expiries for the tests of every session store. */
public final class StoreData {
  private StoreData() {}

  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** What a store's {@code read} returned, as text; fails when it returned nothing. */
  public static String text(Optional<byte[]> data) {
    return new String(data.orElseThrow(), StandardCharsets.UTF_8);
  }

  public static Instant inAMinute() {
    return Instant.now().plusSeconds(60);
  }
}
