package dev.sessionconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SettingRulesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis://:hunter2@cache:6379/0 | redis://:****@cache:6379/0",
      "rediss://app:hunter2@cache:6380 | rediss://app:****@cache:6380",
      "jdbc:mysql://app:hunter2@db:3306/shop | jdbc:mysql://app:****@db:3306/shop",
      "jdbc:postgresql://db/shop?user=app&password=hunter2&ssl=true | jdbc:postgresql://db/shop?user=app&password=****&ssl=true",
      "jdbc:sqlserver://db;user=app;password=hunter2 | jdbc:sqlserver://db;user=app;password=****",
      "mongodb+srv://app:hunter2@cluster/db | mongodb+srv://app:****@cluster/db"})
  void passwordsInUrlsAreMasked(String url, String masked) {
    assertEquals(masked, SettingRules.maskCredentials(url));
    assertTrue(SettingRules.hasCredentials(url));
  }

  @ParameterizedTest
  @CsvSource({"redis://cache:6379/0", "jdbc:postgresql://db:5432/shop", "redis://app@cache:6379", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"})
  void urlsWithoutPasswordsAreLeftAlone(String url) {
    assertEquals(url, SettingRules.maskCredentials(url));
    assertFalse(SettingRules.hasCredentials(url));
  }

  @Test
  void placeholderAndShortSecretsAreRefusedWithoutQuotingThem() {
    Optional<String> placeholder = SettingRules.checkSecret("super secret key".getBytes());
    assertTrue(placeholder.orElseThrow().contains("placeholder") && !placeholder.get().contains("super"));
    assertTrue(SettingRules.checkSecret("short".getBytes()).orElseThrow().contains("5 bytes"));
    assertTrue(SettingRules.checkSecret("k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-random".getBytes()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"changeme-changeme-changeme-changeme", "CHANGEME_CHANGEME_CHANGEME_CHANGEME_",
      "secret secret secret secret secret", "super-secret-key-super-secret-key-super-secret",
      "dev-key-change-in-production-dev-key-change-in-production", "your-secret-key-here-your-secret-key-here"})
  void aPlaceholderRepeatedToReachTheLengthIsStillAPlaceholder(String key) {
    assertTrue(key.length() >= 32);
    Optional<String> problem = SettingRules.checkSecret(key.getBytes(StandardCharsets.UTF_8));
    assertTrue(problem.orElseThrow().contains("well-known placeholder"), problem.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdabcdabcdabcdabcdabcdabcdabcdabcd", "x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9",
      "0000000000000000000000000000000000000000"})
  void aShortPieceRepeatedToReachTheLengthIsRefused(String key) {
    Optional<String> problem = SettingRules.checkSecret(key.getBytes(StandardCharsets.UTF_8));
    assertTrue(problem.orElseThrow().contains("a short piece repeated"), problem.toString());
    assertFalse(problem.get().contains(key.substring(0, 4)), "the key is not quoted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-random", "q2W7e9R4t1Y6u3I8o5P0a2S7d9F4g1H6j3K8l5Z0",
      "correct-horse-battery-staple-mountain-river", "8f14e45fceea167a5a36dedd4bea2543aabbccddeeff0011"})
  void aRandomOrPassphraseKeyIsAccepted(String key) {
    assertEquals(Optional.empty(), SettingRules.checkSecret(key.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void redisUrlsAreCheckedWhollyAndWithoutShowingTheUserInfo() {
    assertTrue(SettingRules.check(Setting.SESSION_REDIS, "rediss://app:pw@cache:6380/3").isEmpty());
    assertTrue(SettingRules.check(Setting.SESSION_REDIS, "redis://[::1]:7000/").isEmpty());
    for (String bad : new String[] {"redis://host:6379/abc", "redis://host:6379/0?timeout=1", "redis://hunter2@host",
        "http://host:6379", "redis://:hunter2@", "redis://host:99999", "redis://:hunter2@ho st"}) {
      Optional<SettingRules.Violation> violation = SettingRules.check(Setting.SESSION_REDIS, bad);
      assertTrue(violation.isPresent(), bad);
      assertFalse(violation.get().text().contains("hunter2"), violation.get().text());
      assertTrue(violation.get().text().contains("redis://[[user]:password@]host[:port][/db]"), violation.get().text());
    }
  }

  @Test
  void onlyAWeakerCookieSettingIsAWeakening() {
    assertTrue(SettingRules.weakening(Setting.SESSION_COOKIE_SECURE, false, true).isPresent());
    assertTrue(SettingRules.weakening(Setting.SESSION_COOKIE_SECURE, true, false).isEmpty());
    assertTrue(SettingRules.weakening(Setting.SESSION_COOKIE_HTTPONLY, false, true).isPresent());
    assertTrue(SettingRules.weakening(Setting.SESSION_COOKIE_SAMESITE, "none", "Lax").isPresent());
    assertTrue(SettingRules.weakening(Setting.SESSION_COOKIE_SAMESITE, "Lax", "Strict").isPresent());
    assertTrue(SettingRules.weakening(Setting.SESSION_COOKIE_SAMESITE, "Strict", "Lax").isEmpty());
    assertTrue(SettingRules.weakening(Setting.SESSION_PERMANENT, false, true).isEmpty());
  }

  @Test
  void booleansAreStrict() {
    assertEquals(true, Setting.SESSION_COOKIE_SECURE.parse(" TRUE "));
    assertEquals(false, Setting.SESSION_COOKIE_SECURE.parse("false"));
    for (String lenient : new String[] {"yes", "1", "on", "no", "0", "off", ""}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> Setting.SESSION_COOKIE_SECURE.parse(lenient));
      assertEquals("'" + lenient + "' is not a boolean; use true or false", e.getMessage());
    }
  }

  @Test
  void combinationRulesNeedEveryValueKnown() {
    Map<Setting, Object> known = Map.of(Setting.SESSION_COOKIE_SAMESITE, "none", Setting.SESSION_COOKIE_SECURE, false);
    assertEquals(1, SettingRules.checkCombination(known).size());
    Map<Setting, Object> secureUnknown = Map.of(Setting.SESSION_COOKIE_SAMESITE, "None");
    assertTrue(SettingRules.checkCombination(secureUnknown).isEmpty());
  }

  @Test
  void valuesAreCheckedAfterNormalizing() {
    assertTrue(SettingRules.check(Setting.PERMANENT_SESSION_LIFETIME, Setting.PERMANENT_SESSION_LIFETIME.normalize(0L)).isPresent());
    assertEquals(Duration.ofDays(7), Setting.PERMANENT_SESSION_LIFETIME.parse("P7D"));
    assertEquals(0600, Setting.SESSION_FILE_MODE.parse("0600"));
    assertTrue(SettingRules.check(Setting.SESSION_FILE_MODE, 0644).isPresent());
  }

  @Test
  void aStoreTimeoutIsBetweenATenthOfASecondAndAMinute() {
    assertTrue(SettingRules.check(Setting.SESSION_STORE_TIMEOUT, Duration.ofMillis(100)).isEmpty());
    assertTrue(SettingRules.check(Setting.SESSION_STORE_TIMEOUT, Duration.ofMinutes(1)).isEmpty());
    assertEquals("a timeout of 50 ms would fail requests that the store answers in time; use at least 100 ms; the"
        + " default is 2 seconds",
        SettingRules.check(Setting.SESSION_STORE_TIMEOUT, Duration.ofMillis(50)).orElseThrow().text());
    assertEquals("a timeout of 120 seconds would hold every request a minute or more while the store is down; use"
        + " at most one minute; the default is 2 seconds",
        SettingRules.check(Setting.SESSION_STORE_TIMEOUT, Duration.ofMinutes(2)).orElseThrow().text());
  }

  @Test
  void aPoolSizeIsBetweenOneAndAThousand() {
    assertTrue(SettingRules.check(Setting.SESSION_STORE_POOL_SIZE, 1).isEmpty());
    assertTrue(SettingRules.check(Setting.SESSION_STORE_POOL_SIZE, 1000).isEmpty());
    assertEquals("a pool of 0 connections could serve no request; use at least 1, or leave the setting out for the"
        + " store's own", SettingRules.check(Setting.SESSION_STORE_POOL_SIZE, 0).orElseThrow().text());
    assertTrue(SettingRules.check(Setting.SESSION_STORE_POOL_SIZE, 5000).orElseThrow().text()
        .startsWith("5000 connections per instance would exhaust"));
  }
}
