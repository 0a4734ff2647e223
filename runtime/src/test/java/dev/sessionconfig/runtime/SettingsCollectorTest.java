package dev.sessionconfig.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a generated loader does at startup, driven the way generated code drives it. */
class SettingsCollectorTest {
  private static final String GOOD_KEY = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-not-a-placeholder";

  private static SettingsCollector collector(Map<String, String> env) {
    return SettingsCollector.forConfig("com.acme.Config", false, ConfigSource.of(env))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
        .constant(Setting.SESSION_TYPE, "com.acme.Config.SESSION_TYPE", SessionType.FILESYSTEM);
  }

  @Test
  void loadsTypedSettingsWithDefaults() {
    SessionSettings settings = collector(Map.of("SECRET_KEY", GOOD_KEY)).settings();
    assertEquals(SessionType.FILESYSTEM, settings.sessionType());
    assertEquals(GOOD_KEY, settings.secretKey().reveal());
    assertEquals(Duration.ofDays(31), settings.permanentSessionLifetime());
    assertEquals("session", settings.cookieName());
    assertEquals("Lax", settings.cookieSameSite());
    assertTrue(settings.cookieHttpOnly());
    assertEquals(32, settings.idLength());
    assertEquals(0600, settings.fileMode());
    assertTrue(settings.absoluteLifetime().isEmpty());
  }

  @Test
  void reportsEveryProblemAtOnceNamingSettingAndSource() {
    SessionConfigException e = assertThrows(SessionConfigException.class, () ->
        SettingsCollector.forConfig("com.acme.Config", false, ConfigSource.of(Map.of("SESSION_TYPE", "memcache",
                "LIFETIME", "soon")))
            .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
            .lookup(Setting.SESSION_TYPE, Lookup.env("SESSION_TYPE"))
            .lookup(Setting.PERMANENT_SESSION_LIFETIME, Lookup.env("LIFETIME"))
            .constant(Setting.SESSION_ID_LENGTH, "com.acme.Config.SESSION_ID_LENGTH", 8)
            .settings());
    assertEquals(List.of(
        "SECRET_KEY: environment variable SECRET_KEY is not set",
        "SESSION_TYPE: 'memcache' is not a session type; did you mean 'memcached'? use one of 'filesystem',"
            + " 'redis', 'memcached', 'jdbc' (from environment variable SESSION_TYPE)",
        "SESSION_ID_LENGTH: 8 bytes (64 bits) is too short to resist guessing; use at least 16 bytes (128 bits,"
            + " the OWASP minimum); the default is 32 (from constant com.acme.Config.SESSION_ID_LENGTH)",
        "PERMANENT_SESSION_LIFETIME: 'soon' is not a duration; use seconds (604800) or ISO-8601 (P7D, PT12H)"
            + " (from environment variable LIFETIME)"), e.problems());
    assertTrue(e.getMessage().startsWith("Invalid session configuration com.acme.Config (4 problems):"));
  }

  @Test
  void secretsNeverAppearInMessagesOrDescriptions() {
    String shortSecret = "hunter2";
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> collector(Map.of("SECRET_KEY", shortSecret)).settings());
    assertTrue(e.getMessage().contains("SECRET_KEY: the key is 7 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains(shortSecret));
    SettingsCollector collector = collector(Map.of("SECRET_KEY", GOOD_KEY, "REDIS", "redis://u:pa55word@cache:6379"))
        .lookup(Setting.SESSION_REDIS, Lookup.env("REDIS"));
    String description = collector.describe();
    SessionSettings settings = collector.settings();
    for (String text : List.of(description, settings.toString(), settings.secretKey().toString())) {
      assertFalse(text.contains(GOOD_KEY) || text.contains("pa55word"), text);
    }
    assertTrue(description.contains("SECRET_KEY"));
    assertTrue(description.contains("(environment variable SECRET_KEY)"), description);
    assertTrue(description.contains("redis://u:****@cache:6379"), description);
  }

  @Test
  void placeholderSecretsAreRejected() {
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> collector(Map.of("SECRET_KEY", "dev-key-change-in-production")).settings());
    assertTrue(e.getMessage().contains("well-known placeholder"), e.getMessage());
  }

  @Test
  void developmentConfigGetsAnEphemeralKey() {
    SessionSettings settings = SettingsCollector.forConfig("com.acme.Dev", true, ConfigSource.of(Map.of()))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
        .constant(Setting.SESSION_TYPE, "com.acme.Dev.SESSION_TYPE", "filesystem")
        .settings();
    assertEquals(64, settings.secretKey().length());
    assertTrue(settings.development());
  }

  @Test
  void combinationRulesApplyToStartupValues() {
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> collector(Map.of("SECRET_KEY", GOOD_KEY, "SAMESITE", "none"))
            .lookup(Setting.SESSION_COOKIE_SAMESITE, Lookup.env("SAMESITE")).settings());
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith("SESSION_COOKIE_SAMESITE: SameSite=None without Secure"));
  }

  @Test
  void lookupsFallBackAndReadFiles(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("key");
    Files.writeString(keyFile, GOOD_KEY + "\n");
    SessionSettings settings = SettingsCollector.forConfig("com.acme.Config", false, ConfigSource.of(Map.of()))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY").or(Lookup.file(keyFile.toString()).stripped()))
        .lookup(Setting.SESSION_TYPE, Lookup.env("SESSION_TYPE").orElse("filesystem"))
        .settings();
    assertEquals(GOOD_KEY, settings.secretKey().reveal());
    assertEquals(SessionType.FILESYSTEM, settings.sessionType());
    SessionConfigException missing = assertThrows(SessionConfigException.class, () ->
        SettingsCollector.forConfig("com.acme.Config", false, ConfigSource.of(Map.of()))
            .lookup(Setting.SECRET_KEY, Lookup.file(dir.resolve("absent").toString()))
            .constant(Setting.SESSION_TYPE, "c", "filesystem").settings());
    assertEquals(List.of("SECRET_KEY: file " + dir.resolve("absent") + " is not set"), missing.problems());
  }

  @Test
  void aFailingStaticInitializerIsOneProblemOfTheClassNotOneBlamedOnEachSetting() {
    SessionConfigException e = assertThrows(SessionConfigException.class, () -> collector(Map.of("SECRET_KEY", GOOD_KEY))
        .field(Setting.PERMANENT_SESSION_LIFETIME, "com.acme.Config.LIFETIME",
            () -> { throw new ExceptionInInitializerError(new NumberFormatException("secret text")); },
            Lookup.env("LIFETIME"))
        .field(Setting.SESSION_ID_LENGTH, "com.acme.Config.SESSION_ID_LENGTH",
            () -> { throw new NoClassDefFoundError("com/acme/Config"); })
        .settings());
    assertEquals(List.of("com.acme.Config: initializing it failed (java.lang.NumberFormatException), so the loader"
        + " cannot read the fields com.acme.Config.SESSION_ID_LENGTH (SESSION_ID_LENGTH), com.acme.Config.LIFETIME"
        + " (PERMANENT_SESSION_LIFETIME; environment variable LIFETIME is not set)"), e.problems());
    assertFalse(e.getMessage().contains("secret text"), e.getMessage());
  }

  @Test
  void storeConnectionSettingsFallBackWithAWarningOrFail() {
    SessionSettings redis = SettingsCollector.forConfig("c", false, ConfigSource.of(Map.of("SECRET_KEY", GOOD_KEY)))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY")).constant(Setting.SESSION_TYPE, "c.T", "redis").settings();
    assertEquals("redis://localhost:6379", redis.redisUrl().orElseThrow());
    SessionConfigException jdbc = assertThrows(SessionConfigException.class, () ->
        SettingsCollector.forConfig("c", false, ConfigSource.of(Map.of("SECRET_KEY", GOOD_KEY)))
            .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY")).constant(Setting.SESSION_TYPE, "c.T", "jdbc")
            .lookup(Setting.SESSION_JDBC_URL, Lookup.env("DATABASE_URL")).settings());
    assertEquals(List.of("SESSION_JDBC_URL: environment variable DATABASE_URL is not set; the jdbc store needs it"),
        jdbc.problems());
  }
}
