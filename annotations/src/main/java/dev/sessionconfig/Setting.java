package dev.sessionconfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings a {@link SessionConfig} class may declare, with the Java types each accepts, its default and
 * the store that reads it. The annotation processor checks compile-time constants against this catalogue and
 * the loader checks startup values against it, so both apply the same rules.
 */
public enum Setting {
  SECRET_KEY(ValueKind.SECRET, null, null),
  SECRET_KEY_FALLBACKS(ValueKind.SECRET_LIST, null, List.of()),
  SESSION_TYPE(ValueKind.SESSION_TYPE, null, null),
  SESSION_PERMANENT(ValueKind.BOOLEAN, null, true),
  SESSION_KEY_PREFIX(ValueKind.STRING, null, "session:"),
  SESSION_ID_LENGTH(ValueKind.INT, null, 32),
  SESSION_SERIALIZATION_FORMAT(ValueKind.STRING, null, "binary"),
  SESSION_ATTRIBUTE_TYPES(ValueKind.TYPE_LIST, null, null),
  SESSION_SERIALIZATION_ALLOW(ValueKind.STRING_LIST, null, List.of()),
  PERMANENT_SESSION_LIFETIME(ValueKind.DURATION, null, Duration.ofDays(31)),
  SESSION_ABSOLUTE_LIFETIME(ValueKind.DURATION, null, null),
  SESSION_REFRESH_EACH_REQUEST(ValueKind.BOOLEAN, null, true),
  /**
   * The largest a session may grow, in bytes of its stored attributes: a value that would pass it is refused at
   * {@code setAttribute}, so that no store is asked to hold more than it can (memcached's 1 MB items, a database's
   * packet limit) and no request reads a session that fills its memory.
   */
  SESSION_MAX_SIZE(ValueKind.INT, null, 512 * 1024),
  /** How often the filesystem and JDBC stores delete expired sessions (and report them); unset: the store's own. */
  SESSION_CLEANUP_INTERVAL(ValueKind.DURATION, null, null),
  /**
   * How long a request waits for a networked store (Redis, memcached, a database server): for a connection, then
   * for each answer. A store that does not answer in time fails the request with 503.
   */
  SESSION_STORE_TIMEOUT(ValueKind.DURATION, null, Duration.ofSeconds(2)),
  /**
   * The most connections a networked store keeps: Redis and database servers, per application instance (unset:
   * 32 and 10); memcached, per server (unset: 1, which pipelines every request).
   */
  SESSION_STORE_POOL_SIZE(ValueKind.INT, null, null),
  SESSION_COOKIE_NAME(ValueKind.STRING, null, "session"),
  SESSION_COOKIE_DOMAIN(ValueKind.STRING, null, null),
  SESSION_COOKIE_PATH(ValueKind.STRING, null, "/"),
  SESSION_COOKIE_HTTPONLY(ValueKind.BOOLEAN, null, true),
  SESSION_COOKIE_SECURE(ValueKind.BOOLEAN, null, false),
  SESSION_COOKIE_PARTITIONED(ValueKind.BOOLEAN, null, false),
  SESSION_COOKIE_SAMESITE(ValueKind.STRING, null, "Lax"),
  SESSION_FILE_DIR(ValueKind.PATH, SessionType.FILESYSTEM, null),
  SESSION_FILE_THRESHOLD(ValueKind.INT, SessionType.FILESYSTEM, 500),
  SESSION_FILE_MODE(ValueKind.FILE_MODE, SessionType.FILESYSTEM, 0600),
  SESSION_REDIS(ValueKind.URI, SessionType.REDIS, "redis://localhost:6379"),
  SESSION_MEMCACHED(ValueKind.STRING_LIST, SessionType.MEMCACHED, List.of("localhost:11211")),
  SESSION_JDBC_URL(ValueKind.STRING, SessionType.JDBC, null),
  SESSION_JDBC_USER(ValueKind.STRING, SessionType.JDBC, null),
  SESSION_JDBC_PASSWORD(ValueKind.SECRET, SessionType.JDBC, null),
  SESSION_JDBC_TABLE(ValueKind.STRING, SessionType.JDBC, "sessions"),
  SESSION_MONGODB(ValueKind.URI, SessionType.MONGODB, null),
  SESSION_MONGODB_DB(ValueKind.STRING, SessionType.MONGODB, null),
  SESSION_MONGODB_COLLECT(ValueKind.STRING, SessionType.MONGODB, null),
  SESSION_DYNAMODB_TABLE(ValueKind.STRING, SessionType.DYNAMODB, null);

  private final ValueKind kind;
  private final SessionType store;
  private final Object defaultValue;

  Setting(ValueKind kind, SessionType store, Object defaultValue) {
    this.kind = kind;
    this.store = store;
    this.defaultValue = defaultValue;
  }

  /** What kind of value the setting holds, which fixes the Java types it may be declared with. */
  public ValueKind kind() {
    return kind;
  }

  /** The only store that reads this setting; empty when every store does. */
  public Optional<SessionType> store() {
    return Optional.ofNullable(store);
  }

  /** The value used when the config class does not declare the setting; empty when there is none. */
  public Optional<Object> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Whether the value is a secret: it must not be a literal and is never printed. */
  public boolean isSecret() {
    return kind == ValueKind.SECRET || kind == ValueKind.SECRET_LIST;
  }

  /** Whether the value is a connection URL that may carry a password, which then follows the secret rule. */
  public boolean mayCarryCredentials() {
    return this == SESSION_REDIS || this == SESSION_JDBC_URL || this == SESSION_MONGODB;
  }

  /** The store's connection setting, which falls back to localhost (or to nothing) when absent. */
  public static Optional<Setting> connectionSettingOf(SessionType type) {
    switch (type) {
      case REDIS:
        return Optional.of(SESSION_REDIS);
      case MEMCACHED:
        return Optional.of(SESSION_MEMCACHED);
      case JDBC:
        return Optional.of(SESSION_JDBC_URL);
      case MONGODB:
        return Optional.of(SESSION_MONGODB);
      case DYNAMODB:
        return Optional.of(SESSION_DYNAMODB_TABLE);
      default:
        return Optional.empty();
    }
  }

  /** The setting with this exact name. */
  public static Optional<Setting> named(String name) {
    for (Setting setting : values()) {
      if (setting.name().equals(name)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }

  /** All setting names, for "did you mean" suggestions. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Setting setting : values()) {
      names.add(setting.name());
    }
    return names;
  }

  /**
   * Whether an upper-case field name looks like a session setting: unknown names in this family are
   * probably typos, since nothing else reads them.
   */
  public static boolean isSettingFamily(String name) {
    return name.startsWith("SESSION_") || name.startsWith("SECRET_") || name.startsWith("PERMANENT_")
        || name.equals("SECRET_KEY");
  }

  /**
   * Converts text (an environment variable, a property, a file's content, a string constant) into this
   * setting's normalized value: {@code Boolean}, {@code Integer}, {@link Duration}, {@link SessionType},
   * {@code String}, or {@code List<String>}.
   *
   * @throws IllegalArgumentException with a message that says what was expected; never echoes a secret
   */
  public Object parse(String text) {
    switch (kind) {
      case BOOLEAN:
        // Strict, like every boolean the loader reads: a "yes" that one reader takes as true and Java's
        // Boolean.parseBoolean as false must not decide whether cookies are Secure.
        String flag = text.trim();
        if (flag.equalsIgnoreCase("true")) {
          return true;
        }
        if (flag.equalsIgnoreCase("false")) {
          return false;
        }
        throw new IllegalArgumentException("'" + text + "' is not a boolean; use true or false");
      case INT:
        try {
          return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not a whole number that fits an int; use digits"
              + " only, such as 32", e);
        }
      case FILE_MODE:
        try {
          return Integer.valueOf(text.trim(), 8);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not an octal file mode; use octal digits such as 0600", e);
        }
      case DURATION:
        return parseDuration(text.trim());
      case SESSION_TYPE:
        SessionType.Lookup lookup = SessionType.lookup(text);
        if (!lookup.usable()) {
          throw new IllegalArgumentException(lookup.problem());
        }
        return lookup.type();
      case TYPE_LIST:
        throw new IllegalArgumentException("the types that may live in a session cannot come from text; list their"
            + " classes in the @SessionConfig class, e.g. List.of(Cart.class, Role.class)");
      case STRING_LIST:
      case SECRET_LIST:
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
        return List.copyOf(items);
      default:
        return text;
    }
  }

  private static Duration parseDuration(String text) {
    try {
      if (text.startsWith("P") || text.startsWith("p")) {
        return Duration.parse(text);
      }
      return Duration.ofSeconds(Long.parseLong(text));
    } catch (ArithmeticException | java.time.format.DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; use seconds (604800) or ISO-8601 (P7D, PT12H)", e);
    }
  }

  /** Normalizes a typed value (as a field holds it) the way {@link #parse} normalizes text. */
  public Object normalize(Object value) {
    if (value instanceof String && kind != ValueKind.SECRET) {
      return parse((String) value);
    }
    if (kind == ValueKind.DURATION && value instanceof Number) {
      return Duration.ofSeconds(((Number) value).longValue());
    }
    if (value instanceof Long && (kind == ValueKind.INT || kind == ValueKind.FILE_MODE)) {
      long number = (Long) value;
      if (number != (int) number) {
        throw new IllegalArgumentException(number + " is out of range for an int; use a number from "
            + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
      }
      return (int) number;
    }
    if (value instanceof String[]) {
      return Arrays.asList((String[]) value); // may hold nulls: an old key whose variable is unset
    }
    if (value instanceof java.net.URI || value instanceof java.nio.file.Path) {
      return value.toString();
    }
    return value;
  }

  /** The Java types a field of this kind may be declared with, as canonical type names. */
  public enum ValueKind {
    SECRET("java.lang.String", "char[]", "byte[]"),
    SECRET_LIST("java.util.List<java.lang.String>", "java.lang.String[]"),
    SESSION_TYPE("dev.sessionconfig.SessionType", "java.lang.String"),
    BOOLEAN("boolean", "java.lang.Boolean"),
    INT("int", "java.lang.Integer"),
    FILE_MODE("int", "java.lang.Integer"),
    DURATION("java.time.Duration", "int", "long", "java.lang.Integer", "java.lang.Long"),
    STRING("java.lang.String"),
    PATH("java.lang.String", "java.nio.file.Path"),
    URI("java.lang.String", "java.net.URI"),
    STRING_LIST("java.lang.String", "java.util.List<java.lang.String>", "java.lang.String[]"),
    /** Class literals of the application's own types, read at compile time. */
    TYPE_LIST("java.util.List<java.lang.Class<?>>", "java.util.Set<java.lang.Class<?>>", "java.lang.Class<?>[]");

    private final List<String> javaTypes;

    ValueKind(String... javaTypes) {
      this.javaTypes = Arrays.asList(javaTypes);
    }

    public List<String> javaTypes() {
      return javaTypes;
    }
  }
}
