package dev.sessionconfig.it.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the tests know about session cookies, to forge and tamper with them: the value is
 * {@code id + "." + base64url(HMAC-SHA256(SECRET_KEY, id))} (the runtime's CookieSigner; the id is base64url).
 */
public final class Cookies {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Cookies() {}

  /** The id part of a cookie value: everything before the last dot. */
  public static String id(String cookieValue) {
    int dot = cookieValue.lastIndexOf('.');
    if (dot <= 0) {
      throw new AssertionError("a session cookie is <id>.<signature>, not " + cookieValue);
    }
    return cookieValue.substring(0, dot);
  }

  /** {@code bytes} random bytes as base64url without padding: what a session id looks like. */
  public static String randomId(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** {@code id} signed with {@code key}, as the application would sign it if {@code key} were its SECRET_KEY. */
  public static String sign(String id, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
      return id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code value} with the character at {@code index} replaced by another base64url character. */
  public static String flip(String value, int index) {
    char c = value.charAt(index);
    char other = c == 'A' ? 'B' : 'A';
    return value.substring(0, index) + other + value.substring(index + 1);
  }
}
