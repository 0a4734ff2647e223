package dev.sessionconfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a setting's value must follow, applied by the processor to compile-time constants and by the
 * loader to the values it finds at startup. No message ever contains a secret's value.
 */
public final class SettingRules {
  private SettingRules() {}

  /** Placeholders copied from tutorials (Flask-Session's own examples among them) that must never sign real sessions. */
  private static final Set<String> PLACEHOLDER_SECRETS = Set.of(
      "secret", "secret-key", "secret_key", "secretkey", "mysecret", "my-secret", "my secret key",
      "super secret key", "supersecret", "super-secret", "simple key", "changeme", "change-me", "change_me",
      "changeit", "dev", "development", "dev-key", "development-key", "development-secret-key",
      "dev-key-change-in-production", "your-secret-key", "your_secret_key", "your secret key",
      "your-secret-key-here", "replace-me", "password", "test", "default", "insecure");

  /** The words the placeholders are made of, which a key made only of them repeats. */
  private static final Set<String> PLACEHOLDER_WORDS = Set.of(
      "secret", "key", "secretkey", "my", "mysecret", "super", "supersecret", "simple", "change", "me", "changeme",
      "changeit", "dev", "development", "your", "here", "replace", "password", "test", "default", "insecure",
      "in", "production", "prod", "example", "sample", "dummy", "placeholder", "todo", "fixme", "session",
      "sessions", "flask", "app", "0123456789", "1234567890", "123456", "12345678", "abc", "xxx", "xxxx");

  /** How serious a violation is, and which compile-time check reports it. */
  public enum Severity {
    /** The value cannot work: {@code [InvalidSettingValue]}. */
    INVALID,
    /** The cookie would be rejected or leak: {@code [InsecureCookie]} as an error. */
    INSECURE,
    /** The cookie works but is weaker than it should be: {@code [InsecureCookie]} as a warning. */
    WEAK,
    /** A serialization pattern that is malformed or lets gadgets in: {@code [UnsafeSerializationAllow]}. */
    UNSAFE
  }

  /**
   * A broken rule.
   *
   * @param setting the setting to fix
   * @param severity how serious it is
   * @param reason what is wrong, without any secret
   * @param fix how to fix it
   */
  public record Violation(Setting setting, Severity severity, String reason, String fix) {
    /** {@code reason; fix} as one sentence, for run-time messages. */
    public String text() {
      return reason + "; " + fix;
    }
  }

  /**
   * Checks one normalized value ({@link Setting#normalize}) on its own.
   *
   * @return the violation, or empty when the value is acceptable
   */
  public static Optional<Violation> check(Setting setting, Object value) {
    switch (setting) {
      case SESSION_ID_LENGTH: {
        int bytes = (Integer) value;
        if (bytes < 16) {
          return invalid(setting, bytes + " bytes (" + bytes * 8 + " bits) is too short to resist guessing",
              "use at least 16 bytes (128 bits, the OWASP minimum); the default is 32");
        }
        if (bytes > 128) {
          return invalid(setting, bytes + " bytes makes the cookie needlessly long", "use 16 to 128 bytes; the default is 32");
        }
        return Optional.empty();
      }
      case PERMANENT_SESSION_LIFETIME:
      case SESSION_ABSOLUTE_LIFETIME: {
        Duration lifetime = (Duration) value;
        if (lifetime.isNegative() || lifetime.isZero()) {
          return invalid(setting, "a lifetime of " + lifetime.getSeconds() + " seconds would expire every session at once",
              "use a positive duration, e.g. Duration.ofDays(7)");
        }
        return Optional.empty();
      }
      case SESSION_CLEANUP_INTERVAL: {
        Duration interval = (Duration) value;
        return interval.compareTo(Duration.ofSeconds(1)) >= 0 ? Optional.empty()
            : invalid(setting, "an interval of " + interval.toMillis() + " ms would keep a thread busy deleting",
                "use at least one second, e.g. Duration.ofMinutes(1), or leave it out for the store's own");
      }
      case SESSION_STORE_TIMEOUT: {
        Duration timeout = (Duration) value;
        if (timeout.compareTo(Duration.ofMillis(100)) < 0) {
          return invalid(setting, "a timeout of " + timeout.toMillis() + " ms would fail requests that the store"
              + " answers in time", "use at least 100 ms; the default is 2 seconds");
        }
        return timeout.compareTo(Duration.ofMinutes(1)) <= 0 ? Optional.empty()
            : invalid(setting, "a timeout of " + timeout.toSeconds() + " seconds would hold every request a minute"
                + " or more while the store is down", "use at most one minute; the default is 2 seconds");
      }
      case SESSION_STORE_POOL_SIZE: {
        int connections = (Integer) value;
        if (connections < 1) {
          return invalid(setting, "a pool of " + connections + " connections could serve no request",
              "use at least 1, or leave the setting out for the store's own");
        }
        return connections <= 1000 ? Optional.empty()
            : invalid(setting, connections + " connections per instance would exhaust the store's connection limit",
                "use at most 1000, or leave the setting out for the store's own");
      }
      case SESSION_MAX_SIZE: {
        int bytes = (Integer) value;
        if (bytes < 1024) {
          return invalid(setting, bytes + " bytes would not hold a logged-in user's session",
              "use at least 1024 bytes; the default is 524288 (512 KiB)");
        }
        return bytes <= 64 * 1024 * 1024 ? Optional.empty()
            : invalid(setting, bytes + " bytes is more than a request should read for one session",
                "use at most 67108864 (64 MiB); the default is 524288 (512 KiB)");
      }
      case SESSION_FILE_DIR:
        return checkDirectory((String) value);
      case SESSION_FILE_THRESHOLD:
        return (Integer) value > 0 ? Optional.empty()
            : invalid(setting, "the threshold must allow at least one session", "use a positive number; the default is 500");
      case SESSION_FILE_MODE:
        return checkFileMode((Integer) value);
      case SESSION_COOKIE_SAMESITE:
        return sameSite((String) value).isPresent() ? Optional.empty()
            : invalid(setting, "'" + value + "' is not a SameSite value",
                Names.closest((String) value, List.of("Strict", "Lax", "None"))
                    .map(s -> "did you mean '" + s + "'? ").orElse("") + "use Strict, Lax or None");
      case SESSION_COOKIE_NAME:
        return ValueShapes.isCookieToken((String) value) ? Optional.empty()
            : invalid(setting, "'" + value + "' is not a valid cookie name (RFC 6265 token)",
                "use letters, digits and !#$%&'*+-.^_`|~ only, e.g. 'session'");
      case SESSION_COOKIE_PATH:
        return ((String) value).startsWith("/") && !containsAny((String) value, ";, \t\r\n")
            ? Optional.empty()
            : invalid(setting, "'" + value + "' is not a cookie path", "start it with '/' and leave out ';', ',' and spaces");
      case SESSION_COOKIE_DOMAIN:
        return ValueShapes.isDomainName((String) value) ? Optional.empty()
            : invalid(setting, "'" + value + "' is not a domain name", "use a host name such as 'example.com', or leave the setting out for a host-only cookie");
      case SESSION_KEY_PREFIX: {
        String prefix = (String) value;
        return prefix.length() <= 200 && !containsControlOrSpace(prefix) ? Optional.empty()
            : invalid(setting, "a key prefix with spaces or control characters, or over 200 characters, is not a valid memcached or Redis key part",
                "use a short printable prefix such as 'session:'");
      }
      case SESSION_SERIALIZATION_FORMAT:
        return "binary".equals(value) ? Optional.empty()
            : invalid(setting, "'" + value + "' is not a supported serialization format: sessions are stored in"
                + " sessionconfig's typed binary format, which reads records, enums and java.time values back"
                + " exactly and signs every record", "use 'binary', or leave the setting out");
      case SESSION_SERIALIZATION_ALLOW:
        for (Object pattern : (List<?>) value) {
          Optional<String> problem = SerializationPatterns.problem((String) pattern);
          if (problem.isPresent()) {
            return Optional.of(new Violation(setting, Severity.UNSAFE, problem.get(), SerializationPatterns.FIX));
          }
        }
        return Optional.empty();
      case SESSION_REDIS:
        return checkRedisUrl((String) value);
      case SESSION_MONGODB:
        return checkUri(setting, (String) value, Set.of("mongodb", "mongodb+srv"), "use a URL such as mongodb://host:27017");
      case SESSION_MEMCACHED:
        for (Object server : (List<?>) value) {
          if (!ValueShapes.isHostAndPort(((String) server).trim())) {
            return invalid(setting, "'" + server + "' is not host:port", "list servers as 'host:11211,host2:11211'");
          }
        }
        return ((List<?>) value).isEmpty()
            ? invalid(setting, "no memcached server is listed", "list servers as 'host:11211,host2:11211'")
            : Optional.empty();
      case SESSION_JDBC_URL:
        return ((String) value).startsWith("jdbc:") ? Optional.empty()
            : invalid(setting, "'" + maskCredentials((String) value) + "' is not a JDBC URL", "use a URL such as jdbc:postgresql://host:5432/app");
      case SESSION_JDBC_TABLE:
        return ValueShapes.isSqlTableName((String) value) ? Optional.empty()
            : invalid(setting, "'" + value + "' is not a plain SQL table name", "use letters, digits and underscores, optionally schema.table");
      case SESSION_COOKIE_HTTPONLY:
        return Boolean.TRUE.equals(value) ? Optional.empty()
            : Optional.of(new Violation(setting, Severity.WEAK,
                "HttpOnly=false lets any script on the page read the session cookie, so one XSS steals the session",
                "leave SESSION_COOKIE_HTTPONLY at its default, true"));
      default:
        return Optional.empty();
    }
  }

  /**
   * Checks the rules that tie settings together. {@code known} holds the normalized values that are known
   * (a default counts as known when the class does not declare the setting); a setting missing from it is
   * only known at run time, and a rule whose settings are not all known is skipped.
   */
  public static List<Violation> checkCombination(Map<Setting, ?> known) {
    List<Violation> violations = new ArrayList<>();
    Optional<Object> secure = Optional.ofNullable(known.get(Setting.SESSION_COOKIE_SECURE));
    Optional<String> name = Optional.ofNullable((String) known.get(Setting.SESSION_COOKIE_NAME));
    String sameSiteValue = (String) known.get(Setting.SESSION_COOKIE_SAMESITE);
    Optional<String> sameSite = sameSiteValue == null ? Optional.empty() : sameSite(sameSiteValue);
    if (sameSite.equals(Optional.of("None")) && secure.equals(Optional.of(false))) {
      violations.add(new Violation(Setting.SESSION_COOKIE_SAMESITE, Severity.INSECURE,
          "SameSite=None without Secure is rejected by browsers and would send the cookie over plain HTTP",
          "set SESSION_COOKIE_SECURE = true, or use SameSite 'Lax'"));
    }
    if (name.isPresent() && name.get().startsWith("__Host-")) {
      Optional<Object> domain = Optional.ofNullable(known.get(Setting.SESSION_COOKIE_DOMAIN));
      Optional<Object> path = Optional.ofNullable(known.get(Setting.SESSION_COOKIE_PATH));
      List<String> broken = new ArrayList<>();
      if (secure.equals(Optional.of(false))) {
        broken.add("SESSION_COOKIE_SECURE = true");
      }
      if (path.isPresent() && !"/".equals(path.get())) {
        broken.add("SESSION_COOKIE_PATH = \"/\"");
      }
      if (domain.isPresent()) {
        broken.add("no SESSION_COOKIE_DOMAIN");
      }
      if (!broken.isEmpty()) {
        violations.add(new Violation(Setting.SESSION_COOKIE_NAME, Severity.INVALID,
            "a cookie named '" + name.get() + "' is dropped by browsers unless it is Secure, has Path=/ and no Domain",
            "set " + String.join(", ", broken) + ", or drop the __Host- prefix"));
      }
    } else if (name.isPresent() && name.get().startsWith("__Secure-") && secure.equals(Optional.of(false))) {
      violations.add(new Violation(Setting.SESSION_COOKIE_NAME, Severity.INVALID,
          "a cookie named '" + name.get() + "' is dropped by browsers unless it is Secure",
          "set SESSION_COOKIE_SECURE = true, or drop the __Secure- prefix"));
    }
    if (Boolean.TRUE.equals(known.get(Setting.SESSION_COOKIE_PARTITIONED)) && secure.equals(Optional.of(false))) {
      violations.add(new Violation(Setting.SESSION_COOKIE_PARTITIONED, Severity.INSECURE,
          "a Partitioned cookie without Secure is rejected by browsers",
          "set SESSION_COOKIE_SECURE = true, or SESSION_COOKIE_PARTITIONED = false"));
    }
    return violations;
  }

  /**
   * Checks a secret's value at startup: long enough, not a known placeholder, and not a placeholder or a short
   * piece repeated to reach the length ({@code changeme-changeme-changeme-changeme}).
   *
   * @return the reason it is unusable; never contains the secret
   */
  public static Optional<String> checkSecret(byte[] secret) {
    if (secret.length == 0) {
      return Optional.of("is empty");
    }
    String text = new String(secret, java.nio.charset.StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
    if (PLACEHOLDER_SECRETS.contains(text) || isMadeOfPlaceholders(text)) {
      return Optional.of("is a well-known placeholder; generate one with: openssl rand -base64 48");
    }
    if (secret.length < 32) {
      return Optional.of("is " + secret.length + " bytes; use at least 32 random bytes (openssl rand -base64 48)");
    }
    if (repeatsAShortPiece(text)) {
      return Optional.of("is a short piece repeated, which is far easier to guess than its length suggests;"
          + " generate one with: openssl rand -base64 48");
    }
    return Optional.empty();
  }

  /**
   * Whether every word of the text (runs of letters and digits) is a placeholder or a word of one, such as
   * {@code changeme-changeme-changeme} or {@code my-secret-key-secret-key}.
   */
  private static boolean isMadeOfPlaceholders(String text) {
    boolean anyWord = false;
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        if (!PLACEHOLDER_WORDS.contains(text.substring(start, i))) {
          return false;
        }
        anyWord = true;
        start = -1;
      }
    }
    return anyWord;
  }

  /** Whether the text is one piece of at most a quarter of its length written again and again. */
  private static boolean repeatsAShortPiece(String text) {
    for (int period = 1; period <= text.length() / 4; period++) {
      boolean periodic = true;
      for (int i = period; i < text.length() && periodic; i++) {
        periodic = text.charAt(i) == text.charAt(i - period);
      }
      if (periodic) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a weaker value than {@code baseline} of a setting that protects the session cookie; the consequence,
   * as a sentence fragment, when it is: Secure or HttpOnly turned off, SameSite made laxer.
   */
  public static Optional<String> weakening(Setting setting, Object value, Object baseline) {
    switch (setting) {
      case SESSION_COOKIE_SECURE:
        return Boolean.FALSE.equals(value) && Boolean.TRUE.equals(baseline)
            ? Optional.of("browsers then also send the session cookie over plain HTTP, where anyone on the network"
                + " can read it")
            : Optional.empty();
      case SESSION_COOKIE_HTTPONLY:
        return Boolean.FALSE.equals(value) && Boolean.TRUE.equals(baseline)
            ? Optional.of("any script on the page can then read the session cookie, so one XSS steals the session")
            : Optional.empty();
      case SESSION_COOKIE_SAMESITE:
        int strength = sameSiteStrength(value);
        return strength >= 0 && strength < sameSiteStrength(baseline)
            ? Optional.of("browsers then send the session cookie with more cross-site requests, which opens the"
                + " door to cross-site request forgery")
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** Strict 2, Lax 1, None 0; -1 for anything else. */
  private static int sameSiteStrength(Object value) {
    return value instanceof String ? sameSite((String) value).map(List.of("None", "Lax", "Strict")::indexOf).orElse(-1)
        : -1;
  }

  /** Whether a connection URL has a password in it (user info or a {@code password=} parameter). */
  public static boolean hasCredentials(String url) {
    return !maskCredentials(url).equals(url);
  }

  /** The URL with any password replaced by {@code ****}, so it can be printed. */
  public static String maskCredentials(String url) {
    String masked = url.replaceAll("(?i)((?:password|pwd|pass)=)[^&;]*", "$1****");
    // The scheme may itself hold colons: jdbc:mysql://user:password@host.
    return masked.replaceAll("^([A-Za-z][A-Za-z0-9+.:-]*?://)([^@/]*?):([^@/]*)@", "$1$2:****@");
  }

  /** The canonical SameSite spelling ({@code Strict}, {@code Lax}, {@code None}) of a value, if it is one. */
  public static Optional<String> sameSite(String value) {
    for (String option : List.of("Strict", "Lax", "None")) {
      if (option.equalsIgnoreCase(value.trim())) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> checkDirectory(String directory) {
    if (directory.isBlank()) {
      return invalid(Setting.SESSION_FILE_DIR, "an empty directory name would put session files in the working"
          + " directory, wherever the application happens to start", "name a directory, e.g. /var/lib/app/sessions");
    }
    try {
      java.nio.file.Path.of(directory);
      return Optional.empty();
    } catch (java.nio.file.InvalidPathException e) {
      return invalid(Setting.SESSION_FILE_DIR, "'" + directory + "' is not a valid path (" + e.getReason() + ")",
          "name a directory, e.g. /var/lib/app/sessions");
    }
  }

  private static Optional<Violation> checkFileMode(int mode) {
    if (mode < 0 || mode > 0777) {
      return invalid(Setting.SESSION_FILE_MODE, mode + " is not a permission mode (did you write it in decimal?)",
          "write it in octal with a leading zero, e.g. 0600");
    }
    if ((mode & 0007) != 0) {
      return invalid(Setting.SESSION_FILE_MODE,
          "mode 0" + Integer.toOctalString(mode) + " lets every user of the machine read or change session files",
          "use 0600 (owner only) or 0640");
    }
    if ((mode & 0600) != 0600) {
      return invalid(Setting.SESSION_FILE_MODE,
          "mode 0" + Integer.toOctalString(mode) + " does not let the application read and write its own session files",
          "use 0600");
    }
    return Optional.empty();
  }

  /** The rules of {@link RedisUrl}, which the Redis store parses with at startup. */
  private static Optional<Violation> checkRedisUrl(String value) {
    try {
      RedisUrl.parse(value);
      return Optional.empty();
    } catch (RedisUrl.InvalidRedisUrlException e) {
      return Optional.of(e.violation());
    }
  }

  private static Optional<Violation> checkUri(Setting setting, String value, Set<String> schemes, String fix) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        return invalid(setting, "'" + maskCredentials(value) + "' is not a " + String.join(" or ", new java.util.TreeSet<>(schemes)) + " URL",
            fix);
      }
      if (uri.getHost() == null) {
        return invalid(setting, "'" + maskCredentials(value) + "' names no host", "write a host name after '//',"
            + " and percent-encode special characters of a password, e.g. '@' as %40");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return invalid(setting, "'" + maskCredentials(value) + "' is not a valid URL (" + e.getReason() + ")", fix);
    }
  }

  // Plain loops rather than streams here and below: these rules run in the loader, where each lambda costs start-up time.
  private static boolean containsAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  static boolean containsControlOrSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 127) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Violation> invalid(Setting setting, String reason, String fix) {
    return Optional.of(new Violation(setting, Severity.INVALID, reason, fix));
  }
}
