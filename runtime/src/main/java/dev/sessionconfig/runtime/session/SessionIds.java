package dev.sessionconfig.runtime.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * New session ids: {@code length} bytes from a CSPRNG (32 by default, 256 bits, twice OWASP's minimum),
 * base64url without padding so they are safe in cookies, URLs, Redis keys and file names alike.
 */
final class SessionIds {
  /** What any id of ours looks like: 16 to 512 random bytes in base64url. Anything else is not looked up. */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,683}");

  private final SecureRandom random;
  private final int length;

  SessionIds(SecureRandom random, int length) {
    if (length < 16) {
      throw new IllegalArgumentException("a session id needs at least 16 random bytes, not " + length);
    }
    this.random = random;
    this.length = length;
  }

  String next() {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code id} could have been made by {@link #next()} (of any configured length). */
  static boolean wellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }
}
