package dev.sessionconfig.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.Secret;
import dev.sessionconfig.runtime.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CookieSignerTest {
  private static final Secret KEY = Secret.of(TestSettings.KEY);
  private static final Secret OLD_KEY = Secret.of(TestSettings.OLD_KEY);
  private final String id = new SessionIds(new SecureRandom(), 32).next();
  private final CookieSigner signer = new CookieSigner(KEY, List.of());

  @Test
  void signedValueIsIdDotBase64UrlHmacSha256() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestSettings.KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(id + "." + expected, signer.sign(id));
    assertEquals(Optional.of(id), signer.verify(signer.sign(id)));
  }

  @Test
  void tamperedIdOrSignatureIsRejected() {
    String value = signer.sign(id);
    String otherId = (id.charAt(0) == 'A' ? 'B' : 'A') + id.substring(1);
    assertEquals(Optional.empty(), signer.verify(otherId + value.substring(id.length())));
    char last = value.charAt(value.length() - 1);
    // Also the neighbour that base64 would decode to the same bytes: only the exact text verifies.
    for (char replacement : new char[] {(char) (last ^ 1), last == 'A' ? 'Q' : 'A'}) {
      String tampered = value.substring(0, value.length() - 1) + replacement;
      assertNotEquals(value, tampered);
      assertEquals(Optional.empty(), signer.verify(tampered), tampered);
    }
  }

  @Test
  void forgedWithAnotherKeyIsRejected() {
    CookieSigner attacker = new CookieSigner(Secret.of("an-attacker-guessed-this-key-of-32-bytes-or-more"), List.of());
    assertEquals(Optional.empty(), signer.verify(attacker.sign(id)));
  }

  @Test
  void fallbackKeysVerifyButNeverSign() {
    String oldCookie = new CookieSigner(OLD_KEY, List.of()).sign(id);
    CookieSigner rotated = new CookieSigner(KEY, List.of(OLD_KEY));
    assertEquals(Optional.of(id), rotated.verify(oldCookie));
    assertEquals(signer.sign(id), rotated.sign(id));
    assertEquals(Optional.empty(), signer.verify(oldCookie), "without the fallback the old cookie is refused");
  }

  @Test
  void malformedValuesAreNoSession() {
    String value = signer.sign(id);
    for (String bad : new String[] {null, "", ".", id, id + ".", "." + value.substring(id.length() + 1),
        value + ".extra", "../../etc/passwd." + value.substring(id.length() + 1), "é" + value,
        value.replace('.', ':'), "x".repeat(10_000)}) {
      assertEquals(Optional.empty(), signer.verify(bad), bad);
    }
  }

  @Test
  void idsArePrintableCookieValues() {
    assertTrue(signer.sign(id).matches("[A-Za-z0-9_.-]+"));
  }
}
