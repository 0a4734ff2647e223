package dev.sessionconfig.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Session data, expiries and a clock for store tests. */
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

  /** A clock that starts at the real time and moves only when told, so expiry needs no sleeping. */
  static final class SettableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
