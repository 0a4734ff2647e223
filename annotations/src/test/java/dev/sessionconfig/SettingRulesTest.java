package dev.sessionconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
}
