package dev.sessionconfig.runtime;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret value (a signing key, a password) that never shows itself: {@link #toString()} is masked, and
 * only {@link #bytes()} or {@link #reveal()} give the value to code that needs it.
 */
public final class Secret {
  private final byte[] value;

  private Secret(byte[] value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  public static Secret of(char[] value) {
    var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return new Secret(bytes);
  }

  public static Secret of(byte[] value) {
    return new Secret(value.clone());
  }

  /** A copy of the secret's bytes (UTF-8 for a text secret). */
  public byte[] bytes() {
    return value.clone();
  }

  /** The secret as text, for clients that take a password string. */
  public String reveal() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** The secret's length in bytes. */
  public int length() {
    return value.length;
  }

  /** Compares in constant time, so a comparison does not tell how much of a guess was right. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret && MessageDigest.isEqual(value, ((Secret) other).value);
  }

  /** Depends on the length only: a hash of the value would leak information about it. */
  @Override
  public int hashCode() {
    return value.length;
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }

  /** Overwrites this secret's bytes; for keys that must not outlive their use. */
  void destroy() {
    Arrays.fill(value, (byte) 0);
  }
}
