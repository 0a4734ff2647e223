package dev.sessionconfig.processor;

import static dev.sessionconfig.processor.Compiler.compile;
import static dev.sessionconfig.processor.Compiler.diagnostics;
import static dev.sessionconfig.processor.Compiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.SessionSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated loader replays a setting's JDK parse functions against its {@code ConfigSource}, strictly: each
 * conversion with good, bad and edge values, every bad one a startup problem naming the setting and the variable.
 */
class ConversionReplayTest {
  private static final String KEY = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-not-a-placeholder";

  /** One setting for each way of converting a looked-up value that the loader replays. */
  private static final String[] CONFIG = {
      "@SessionConfig",
      "public class Config {",
      "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
      "  static final SessionType SESSION_TYPE =",
      "      SessionType.valueOf(System.getenv().getOrDefault(\"SESSION_TYPE\", \"filesystem\").toUpperCase());",
      "  static final boolean SESSION_COOKIE_SECURE =",
      "      Boolean.parseBoolean(System.getenv().getOrDefault(\"COOKIE_SECURE\", \"true\"));",
      "  static final Boolean SESSION_COOKIE_HTTPONLY =",
      "      Optional.ofNullable(System.getenv(\"HTTPONLY\")).map(Boolean::valueOf).orElse(true);",
      "  static final boolean SESSION_PERMANENT = System.getenv(\"PERMANENT\") != null",
      "      ? Boolean.parseBoolean(System.getenv(\"PERMANENT\").trim()) : true;",
      "  static final boolean SESSION_REFRESH_EACH_REQUEST = \"true\".equalsIgnoreCase(System.getenv(\"REFRESH\"));",
      "  static final int SESSION_ID_LENGTH = Integer.parseInt(System.getenv().getOrDefault(\"ID_BYTES\", \"32\"));",
      "  static final int SESSION_FILE_MODE = Integer.parseInt(System.getenv().getOrDefault(\"FILE_MODE\", \"600\"), 8);",
      "  static final int SESSION_FILE_THRESHOLD = Integer.getInteger(\"sessions.threshold\", 500);",
      "  static final Duration PERMANENT_SESSION_LIFETIME =",
      "      Duration.ofDays(Long.parseLong(System.getenv().getOrDefault(\"LIFETIME_DAYS\", \"7\")));",
      "  static final long SESSION_ABSOLUTE_LIFETIME = Long.parseLong(System.getenv().getOrDefault(\"ABSOLUTE_SECONDS\", \"43200\"));",
      "  static final String SESSION_COOKIE_SAMESITE = System.getenv().getOrDefault(\"SAMESITE\", \"Lax\");",
      "  static final java.nio.file.Path SESSION_FILE_DIR =",
      "      java.nio.file.Path.of(System.getenv().getOrDefault(\"SESSION_DIR\", \"/var/lib/app/sessions\"));",
      "}"};

  /** A second config for what the first cannot hold twice: an ISO-8601 lifetime, and conversions without default. */
  private static final String[] ISO_CONFIG = {
      "@SessionConfig",
      "public class IsoConfig {",
      "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
      "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;",
      "  static final Duration PERMANENT_SESSION_LIFETIME = Duration.parse(System.getenv(\"LIFETIME\"));",
      "  static final int SESSION_ID_LENGTH = Integer.parseInt(System.getenv(\"ID_BYTES\"));",
      "  static final boolean SESSION_COOKIE_HTTPONLY = Boolean.parseBoolean(System.getenv(\"HTTPONLY\"));",
      "  static final Duration SESSION_ABSOLUTE_LIFETIME = Duration.ofMinutes(Integer.valueOf(System.getenv(\"ABSOLUTE_MINUTES\")));",
      "}"};

  private static GeneratedClasses classes;

  @BeforeAll
  static void compileConfigs() {
    Compilation compilation = compile(source("com.acme.Config", CONFIG), source("com.acme.IsoConfig", ISO_CONFIG));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    assertTrue(compilation.warnings().isEmpty(), "every conversion is replayed:\n" + diagnostics(compilation));
    classes = new GeneratedClasses(compilation);
  }

  private static SessionSettings load(String loader, Map<String, String> env, Map<String, String> properties)
      throws Throwable {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("SECRET_KEY", KEY);
    return (SessionSettings) classes.call("com.acme." + loader, "load", new Class<?>[] {ConfigSource.class},
        ConfigSource.of(all, properties));
  }

  private static SessionSettings load(Map<String, String> env) throws Throwable {
    return load("ConfigLoader", env, Map.of());
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("COOKIE_SECURE", "false", Setting.SESSION_COOKIE_SECURE, false),
        Arguments.of("COOKIE_SECURE", " TRUE ", Setting.SESSION_COOKIE_SECURE, true),
        Arguments.of("COOKIE_SECURE", "False", Setting.SESSION_COOKIE_SECURE, false),
        Arguments.of("HTTPONLY", "true", Setting.SESSION_COOKIE_HTTPONLY, true),
        Arguments.of("PERMANENT", " false ", Setting.SESSION_PERMANENT, false),
        Arguments.of("REFRESH", "TRUE", Setting.SESSION_REFRESH_EACH_REQUEST, true),
        Arguments.of("ID_BYTES", "16", Setting.SESSION_ID_LENGTH, 16),
        Arguments.of("ID_BYTES", " 64 ", Setting.SESSION_ID_LENGTH, 64),
        Arguments.of("FILE_MODE", "640", Setting.SESSION_FILE_MODE, 0640),
        Arguments.of("LIFETIME_DAYS", "30", Setting.PERMANENT_SESSION_LIFETIME, Duration.ofDays(30)),
        Arguments.of("ABSOLUTE_SECONDS", "3600", Setting.SESSION_ABSOLUTE_LIFETIME, Duration.ofHours(1)),
        Arguments.of("SESSION_TYPE", "redis", Setting.SESSION_TYPE, SessionType.REDIS),
        Arguments.of("SAMESITE", "Strict", Setting.SESSION_COOKIE_SAMESITE, "Strict"),
        Arguments.of("SESSION_DIR", "/srv/sessions", Setting.SESSION_FILE_DIR, "/srv/sessions"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("accepted")
  void aGoodValueIsReadAsTheSettingsOwnRulesReadIt(String variable, String value, Setting setting, Object expected)
      throws Throwable {
    Map<String, String> env = new HashMap<>(Map.of(variable, value));
    if (setting == Setting.SESSION_TYPE) {
      env.put("SESSION_REDIS", "redis://cache:6379");
    }
    assertEquals(expected, load(env).value(setting).orElseThrow());
  }

  @Test
  void theCodesDefaultsApplyWhenNothingIsSet() throws Throwable {
    SessionSettings settings = load(Map.of());
    assertEquals(true, settings.value(Setting.SESSION_COOKIE_SECURE).orElseThrow());
    assertEquals(true, settings.value(Setting.SESSION_COOKIE_HTTPONLY).orElseThrow());
    assertEquals(true, settings.value(Setting.SESSION_PERMANENT).orElseThrow());
    assertEquals(false, settings.value(Setting.SESSION_REFRESH_EACH_REQUEST).orElseThrow(), "\"true\".equals(null)");
    assertEquals(32, settings.value(Setting.SESSION_ID_LENGTH).orElseThrow());
    assertEquals(0600, settings.value(Setting.SESSION_FILE_MODE).orElseThrow());
    assertEquals(500, settings.value(Setting.SESSION_FILE_THRESHOLD).orElseThrow());
    assertEquals(Duration.ofDays(7), settings.value(Setting.PERMANENT_SESSION_LIFETIME).orElseThrow());
    assertEquals(Duration.ofHours(12), settings.value(Setting.SESSION_ABSOLUTE_LIFETIME).orElseThrow());
    assertEquals(SessionType.FILESYSTEM, settings.sessionType());
  }

  @Test
  void aPropertyReadByIntegerGetIntegerIsDecodedAndChecked() throws Throwable {
    assertEquals(0x40, load("ConfigLoader", Map.of(), Map.of("sessions.threshold", "0x40"))
        .value(Setting.SESSION_FILE_THRESHOLD).orElseThrow());
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> load("ConfigLoader", Map.of(), Map.of("sessions.threshold", "many")));
    assertEquals(List.of("SESSION_FILE_THRESHOLD: 'many' is not a whole number (Integer.getInteger reads decimal, 0x"
        + " hexadecimal or 0-prefixed octal); use digits such as 0600 (from system property sessions.threshold, else"
        + " the fallback in the code)"), e.problems());
  }

  static Stream<Arguments> rejected() {
    String secureFrom = " (from environment variable COOKIE_SECURE, else the fallback in the code)";
    String idFrom = " (from environment variable ID_BYTES, else the fallback in the code)";
    String daysFrom = " (from environment variable LIFETIME_DAYS, else the fallback in the code)";
    return Stream.of(
        Arguments.of("COOKIE_SECURE", "yes", "SESSION_COOKIE_SECURE: 'yes' is not a boolean (Boolean.parseBoolean"
            + " would read it as false); use true or false" + secureFrom),
        Arguments.of("COOKIE_SECURE", "1", "SESSION_COOKIE_SECURE: '1' is not a boolean (Boolean.parseBoolean"
            + " would read it as false); use true or false" + secureFrom),
        Arguments.of("COOKIE_SECURE", "on", "SESSION_COOKIE_SECURE: 'on' is not a boolean (Boolean.parseBoolean"
            + " would read it as false); use true or false" + secureFrom),
        Arguments.of("COOKIE_SECURE", "", "SESSION_COOKIE_SECURE: '' is not a boolean (Boolean.parseBoolean"
            + " would read it as false); use true or false" + secureFrom),
        Arguments.of("HTTPONLY", "ture", "SESSION_COOKIE_HTTPONLY: 'ture' is not a boolean (Boolean.valueOf would"
            + " read it as false); use true or false (from environment variable HTTPONLY, else the fallback in the code)"),
        Arguments.of("PERMANENT", "no", "SESSION_PERMANENT: 'no' is not a boolean (Boolean.parseBoolean would read"
            + " it as false); use true or false (from environment variable PERMANENT, else the fallback in the code)"),
        Arguments.of("REFRESH", "yes", "SESSION_REFRESH_EACH_REQUEST: 'yes' is not a boolean (\"true\".equalsIgnoreCase"
            + " would read it as false); use true or false (from environment variable REFRESH, else false as"
            + " \"true\".equalsIgnoreCase reads a missing value)"),
        Arguments.of("ID_BYTES", "abc", "SESSION_ID_LENGTH: 'abc' is not a whole number; use digits only, such as 32"
            + idFrom),
        Arguments.of("ID_BYTES", "32.5", "SESSION_ID_LENGTH: '32.5' is not a whole number; use digits only, such as 32"
            + idFrom),
        Arguments.of("ID_BYTES", "99999999999", "SESSION_ID_LENGTH: '99999999999' is out of range (Integer.parseInt"
            + " reads an int, -2147483648 to 2147483647); use a smaller number" + idFrom),
        Arguments.of("ID_BYTES", "-32", "SESSION_ID_LENGTH: -32 bytes (-256 bits) is too short to resist guessing;"
            + " use at least 16 bytes (128 bits, the OWASP minimum); the default is 32" + idFrom),
        Arguments.of("ID_BYTES", "8", "SESSION_ID_LENGTH: 8 bytes (64 bits) is too short to resist guessing;"
            + " use at least 16 bytes (128 bits, the OWASP minimum); the default is 32" + idFrom),
        Arguments.of("FILE_MODE", "0644", "SESSION_FILE_MODE: mode 0644 lets every user of the machine read or change"
            + " session files; use 0600 (owner only) or 0640 (from environment variable FILE_MODE, else the fallback in"
            + " the code)"),
        Arguments.of("FILE_MODE", "0680", "SESSION_FILE_MODE: '0680' is not an octal number (Integer.parseInt in"
            + " radix 8); use digits such as 0600 (from environment variable FILE_MODE, else the fallback in the code)"),
        Arguments.of("LIFETIME_DAYS", "-5", "PERMANENT_SESSION_LIFETIME: a lifetime of -432000 seconds would expire"
            + " every session at once; use a positive duration, e.g. Duration.ofDays(7)" + daysFrom),
        Arguments.of("LIFETIME_DAYS", "7d", "PERMANENT_SESSION_LIFETIME: '7d' is not a whole number; use digits"
            + " only, such as 32" + daysFrom),
        Arguments.of("LIFETIME_DAYS", "999999999999999", "PERMANENT_SESSION_LIFETIME: 999999999999999 days is more"
            + " than a Duration holds (Duration.ofDays); use a smaller number" + daysFrom),
        Arguments.of("ABSOLUTE_SECONDS", "0", "SESSION_ABSOLUTE_LIFETIME: a lifetime of 0 seconds would expire every"
            + " session at once; use a positive duration, e.g. Duration.ofDays(7) (from environment variable"
            + " ABSOLUTE_SECONDS, else the fallback in the code)"),
        Arguments.of("SESSION_TYPE", "memcache", "SESSION_TYPE: 'MEMCACHE' is not the name of a SessionType constant"
            + " (SessionType.valueOf is case-sensitive); did you mean 'MEMCACHED'? use one of FILESYSTEM, REDIS,"
            + " MEMCACHED, JDBC (from environment variable SESSION_TYPE, else the fallback in the code)"),
        Arguments.of("SESSION_DIR", "/srv/ses\u0000sions", "SESSION_FILE_DIR: '/srv/ses\u0000sions' is not a valid"
            + " path (Nul character not allowed); use a directory path such as /var/lib/app/sessions (from environment"
            + " variable SESSION_DIR, else the fallback in the code)"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("rejected")
  void aBadValueIsOneProblemNamingTheSettingTheVariableAndTheAcceptedForms(String variable, String value,
      String problem) {
    SessionConfigException e = assertThrows(SessionConfigException.class, () -> load(Map.of(variable, value)));
    assertEquals(List.of(problem), e.problems());
  }

  @Test
  void anIsoDurationIsParsedStrictlyAndANegativeOneIsRejected() throws Throwable {
    Map<String, String> env = new HashMap<>(Map.of("LIFETIME", "PT30M", "ID_BYTES", "32", "HTTPONLY", "true",
        "ABSOLUTE_MINUTES", "90"));
    SessionSettings settings = load("IsoConfigLoader", env, Map.of());
    assertEquals(Duration.ofMinutes(30), settings.permanentSessionLifetime());
    assertEquals(Duration.ofMinutes(90), settings.value(Setting.SESSION_ABSOLUTE_LIFETIME).orElseThrow());

    env.put("LIFETIME", "PT-5S");
    SessionConfigException negative = assertThrows(SessionConfigException.class,
        () -> load("IsoConfigLoader", env, Map.of()));
    assertEquals(List.of("PERMANENT_SESSION_LIFETIME: a lifetime of -5 seconds would expire every session at once;"
        + " use a positive duration, e.g. Duration.ofDays(7) (from environment variable LIFETIME)"), negative.problems());

    env.put("LIFETIME", "30 minutes");
    SessionConfigException words = assertThrows(SessionConfigException.class,
        () -> load("IsoConfigLoader", env, Map.of()));
    assertEquals(List.of("PERMANENT_SESSION_LIFETIME: '30 minutes' is not an ISO-8601 duration (Duration.parse);"
        + " use a form such as PT30M, PT12H or P7D (from environment variable LIFETIME)"), words.problems());
  }

  @Test
  void aConversionThatFailsOnAMissingValueIsAProblemNamingTheVariableNotAnotherSetting() {
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> load("IsoConfigLoader", Map.of("LIFETIME", "PT1H", "ABSOLUTE_MINUTES", "abc"), Map.of()));
    assertEquals(List.of(
        "SESSION_ID_LENGTH: environment variable ID_BYTES is not set, and Integer.parseInt cannot read a missing value"
            + " (the config class itself would fail to initialize); set it, or give the lookup a default in the code",
        "SESSION_ABSOLUTE_LIFETIME: 'abc' is not a whole number; use digits only, such as 32 (from environment"
            + " variable ABSOLUTE_MINUTES)"), e.problems());
  }

  @Test
  void parseBooleanReadsAMissingValueAsFalseAndSaysSo() throws Throwable {
    SessionSettings settings = load("IsoConfigLoader", Map.of("LIFETIME", "PT1H", "ID_BYTES", "32",
        "ABSOLUTE_MINUTES", "90"), Map.of());
    assertEquals(false, settings.value(Setting.SESSION_COOKIE_HTTPONLY).orElseThrow());
    String description = (String) classes.call("com.acme.IsoConfigLoader", "describe",
        new Class<?>[] {ConfigSource.class}, ConfigSource.of(Map.of("SECRET_KEY", KEY, "LIFETIME", "PT1H",
            "ID_BYTES", "32", "ABSOLUTE_MINUTES", "90")));
    assertTrue(description.contains("(environment variable HTTPONLY, else false as Boolean.parseBoolean reads a"
        + " missing value)"), description);
    assertTrue(description.contains("warning: SESSION_COOKIE_HTTPONLY: HttpOnly=false"), description);
  }

  @Test
  void anEnvironmentValueThatWeakensACookieSettingIsOneWarningThatDescribeShows() throws Throwable {
    List<String> logged = new java.util.ArrayList<>();
    Logger logger = Logger.getLogger("dev.sessionconfig");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      SessionSettings settings = load(Map.of("COOKIE_SECURE", "false", "HTTPONLY", "false", "SAMESITE", "Strict"));
      assertEquals(false, settings.value(Setting.SESSION_COOKIE_SECURE).orElseThrow());
    } finally {
      logger.removeHandler(capture);
    }
    String secure = "com.acme.Config: SESSION_COOKIE_SECURE: false (from environment variable COOKIE_SECURE, else"
        + " the fallback in the code) is weaker than the default, true: browsers then also send the session cookie"
        + " over plain HTTP, where anyone on the network can read it. Unless that is meant, unset environment"
        + " variable COOKIE_SECURE or set it to true.";
    String httpOnly = "com.acme.Config: SESSION_COOKIE_HTTPONLY: false (from environment variable HTTPONLY, else the"
        + " fallback in the code) is weaker than the default, true: any script on the page can then read the"
        + " session cookie, so one XSS steals the session. Unless that is meant, unset environment variable"
        + " HTTPONLY or set it to true.";
    assertEquals(List.of(httpOnly, secure), logged, "one warning per weakened setting, none for a stronger one");

    String description = (String) classes.call("com.acme.ConfigLoader", "describe",
        new Class<?>[] {ConfigSource.class}, ConfigSource.of(Map.of("SECRET_KEY", KEY, "COOKIE_SECURE", "false")));
    assertTrue(description.contains("warning: " + secure.substring("com.acme.Config: ".length())), description);
  }

  @Test
  void aWeakerSameSiteFromTheEnvironmentIsAWarning() throws Throwable {
    String description = (String) classes.call("com.acme.ConfigLoader", "describe",
        new Class<?>[] {ConfigSource.class}, ConfigSource.of(Map.of("SECRET_KEY", KEY, "SAMESITE", "None")));
    assertTrue(description.contains("warning: SESSION_COOKIE_SAMESITE: None (from environment variable SAMESITE,"
        + " else the fallback in the code) is weaker than the default, Lax"), description);
  }
}
