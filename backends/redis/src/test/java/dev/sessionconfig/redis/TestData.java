package dev.sessionconfig.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Session data and expiries for store tests. */
final class TestData {
  private TestData() {}

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** What {@code read} returned, as text; fails when it returned nothing. */
  static String text(Optional<byte[]> data) {
    return new String(data.orElseThrow(), StandardCharsets.UTF_8);
  }

  static Instant inAMinute() {
    return Instant.now().plusSeconds(60);
  }
}
