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

  /** Placeholders copied from tutorials (the seed's own among them) that must never sign real sessions. */
  private static final Set<String> PLACEHOLDER_SECRETS = Set.of(
      "secret", "secret-key", "secret_key", "secretkey", "mysecret", "my-secret", "my secret key",
      "super secret key", "supersecret", "super-secret", "simple key", "changeme", "change-me", "change_me",
      "changeit", "dev", "development", "dev-key", "development-key", "development-secret-key",
      "dev-key-change-in-production", "your-secret-key", "your_secret_key", "your secret key",
      "your-secret-key-here", "replace-me", "password", "test", "default", "insecure");

  /** How serious a violation is, and which compile-time check reports it. */
  public enum Severity {
    /** The value cannot work: {@code [InvalidSettingValue]}. */
    INVALID,
    /** The cookie would be rejected or leak: {@code [InsecureCookie]} as an error. */
    INSECURE,
    /** The cookie works but is weaker than it should be: {@code [InsecureCookie]} as a warning. */
    WEAK
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
        return "json".equals(value) ? Optional.empty()
            : invalid(setting, "'" + value + "' is not a supported serialization format", "use 'json'");
      case SESSION_REDIS:
        return checkUri(setting, (String) value, Set.of("redis", "rediss"), "redis://host:6379/0 or rediss://host:6380");
      case SESSION_MONGODB:
        return checkUri(setting, (String) value, Set.of("mongodb", "mongodb+srv"), "mongodb://host:27017");
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
   * Checks a secret's value at startup: long enough and not a known placeholder.
   *
   * @return the reason it is unusable; never contains the secret
   */
  public static Optional<String> checkSecret(byte[] secret) {
    if (secret.length == 0) {
      return Optional.of("is empty");
    }
    String text = new String(secret, java.nio.charset.StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
    if (PLACEHOLDER_SECRETS.contains(text)) {
      return Optional.of("is a well-known placeholder; generate one with: openssl rand -base64 48");
    }
    if (secret.length < 32) {
      return Optional.of("is " + secret.length + " bytes; use at least 32 random bytes (openssl rand -base64 48)");
    }
    return Optional.empty();
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

  private static Optional<Violation> checkUri(Setting setting, String value, Set<String> schemes, String example) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
        return invalid(setting, "'" + maskCredentials(value) + "' is not a " + String.join(" or ", new java.util.TreeSet<>(schemes)) + " URL",
            "use a URL such as " + example);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return invalid(setting, "'" + maskCredentials(value) + "' is not a valid URL", "use a URL such as " + example);
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

  private static boolean containsControlOrSpace(String text) {
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
