package dev.sessionconfig.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

  @Test
  void defaultIdsCarry256RandomBitsInBase64UrlWithoutPadding() {
    String id = new SessionIds(new SecureRandom(), 32).next();
    assertEquals(43, id.length(), id);
    assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
    assertEquals(32, Base64.getUrlDecoder().decode(id).length);
  }

  @Test
  void lengthFollowsTheSetting() {
    assertEquals(22, new SessionIds(new SecureRandom(), 16).next().length());
    assertEquals(86, new SessionIds(new SecureRandom(), 64).next().length());
  }

  @Test
  void fewerThan128BitsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SessionIds(new SecureRandom(), 15));
  }

  @Test
  void idsDoNotRepeat() {
    SessionIds ids = new SessionIds(new SecureRandom(), 32);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(ids.next()));
    }
  }

  @Test
  void everyCharacterOfTheAlphabetShowsUpAndNothingElse() {
    SessionIds ids = new SessionIds(new SecureRandom(), 32);
    Set<Character> chars = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      ids.next().chars().forEach(c -> chars.add((char) c));
    }
    assertEquals(64, chars.size(), chars.toString()); // 62 alphanumerics, '-' and '_', never '+', '/' or '='
  }

  @Test
  void wellFormedAcceptsOnlyWhatNextCanProduce() {
    assertTrue(SessionIds.wellFormed(new SessionIds(new SecureRandom(), 32).next()));
    for (String bad : new String[] {null, "", "short", "../../../../etc/passwd-aaaaaaaaaaaa",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=", "aaaaaaaaaaaaaaaaaaaaa/aaaaaaaaaaaaaaaaaaaaa",
        "aaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaa", "a".repeat(684)}) {
      assertFalse(SessionIds.wellFormed(bad), bad);
    }
  }
}
