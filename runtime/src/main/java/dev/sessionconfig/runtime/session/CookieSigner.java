package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signs session ids for the cookie: {@code id + "." + base64url(HMAC-SHA256(key, id))}. A cookie is accepted
 * when it verifies under SECRET_KEY or one of SECRET_KEY_FALLBACKS (so keys can be rotated without logging
 * everybody out); new cookies are always signed with SECRET_KEY. The signature means a client can never make
 * the server look up, let alone adopt, an id it chose.
 */
final class CookieSigner {
  private final SigningKeys keys;

  CookieSigner(SigningKeys keys) {
    this.keys = keys;
  }

  CookieSigner(Secret key, List<Secret> fallbacks) {
    this(new SigningKeys(key, fallbacks));
  }

  /** The cookie value for {@code id}, signed with SECRET_KEY. */
  String sign(String id) {
    return id + "." + new String(encode(mac(0, id)), StandardCharsets.US_ASCII);
  }

  /**
   * The id inside {@code cookieValue} when its signature verifies under any accepted key; empty for anything
   * malformed, tampered with or signed by an unknown key.
   */
  Optional<String> verify(String cookieValue) {
    if (cookieValue == null) {
      return Optional.empty();
    }
    int dot = cookieValue.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String id = cookieValue.substring(0, dot);
    if (!SessionIds.wellFormed(id)) {
      return Optional.empty();
    }
    // Compared as text, not as decoded bytes: base64 decoding ignores the unused low bits of the last
    // character, so two different strings would decode to one signature and a tampered cookie could pass.
    byte[] signature = cookieValue.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    for (int key = 0; key < keys.count(); key++) {
      // MessageDigest.isEqual takes the same time wherever the first differing byte is.
      if (MessageDigest.isEqual(encode(mac(key, id)), signature)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  private static byte[] encode(byte[] signature) {
    return Base64.getUrlEncoder().withoutPadding().encode(signature);
  }

  private byte[] mac(int key, String id) {
    return keys.plainMac(key, id.getBytes(StandardCharsets.US_ASCII));
  }
}
