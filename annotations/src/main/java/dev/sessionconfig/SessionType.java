package dev.sessionconfig;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where sessions are stored. A {@code String} SESSION_TYPE is matched against these names, ignoring case.
 *
 * <p>Each store lives in its own artifact so that applications pull only the client they use. The processor
 * decides whether a store's artifact is on the compile class path by looking for its {@link #storeClassName()}:
 * those class names are a contract with the store modules.
 */
public enum SessionType {
  FILESYSTEM("sessionconfig-runtime", "dev.sessionconfig.runtime.store.FileSessionStoreProvider"),
  REDIS("sessionconfig-redis", "dev.sessionconfig.redis.RedisSessionStoreProvider"),
  MEMCACHED("sessionconfig-memcached", "dev.sessionconfig.memcached.MemcachedSessionStoreProvider"),
  JDBC("sessionconfig-jdbc", "dev.sessionconfig.jdbc.JdbcSessionStoreProvider"),
  /** Recognised (Flask-Session has it) but without a store: one exists only once it is tested on a real server. */
  MONGODB(null, null),
  /** Recognised (Flask-Session has it) but without a store: one exists only once it is tested on a real server. */
  DYNAMODB(null, null);

  /** Flask-Session names that mean one of our types under another name. */
  private static final Map<String, SessionType> ALIASES =
      Map.of("sqlalchemy", JDBC, "postgresql", JDBC, "mongo", MONGODB);

  /** Flask-Session names that exist there but have no store here. */
  private static final Map<String, String> FOREIGN_TYPES =
      Map.of("cachelib", "Flask's CacheLib wrapper has no Java counterpart");

  private final String artifactId;
  private final String storeClassName;

  SessionType(String artifactId, String storeClassName) {
    this.artifactId = artifactId;
    this.storeClassName = storeClassName;
  }

  /** The lower-case name used in configuration strings, e.g. {@code "memcached"}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Maven artifact (group {@code dev.sessionconfig}) that holds this store, if one exists yet. */
  public Optional<String> storeArtifactId() {
    return Optional.ofNullable(artifactId);
  }

  /**
   * A class of the store's artifact: when the compile class path lacks it, the store is missing. Empty
   * for types without a store.
   */
  public Optional<String> storeClassName() {
    return Optional.ofNullable(storeClassName);
  }

  /**
   * Interprets a configuration string the way both the processor and the loader do.
   *
   * @param text the configured value, never {@code null}
   */
  public static Lookup lookup(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    for (SessionType type : values()) {
      if (type.configName().equals(name)) {
        return new Lookup(text, type, type.storeArtifactId().isPresent() ? Match.EXACT : Match.NO_STORE, null);
      }
    }
    SessionType alias = ALIASES.get(name);
    if (alias != null) {
      return new Lookup(text, alias, alias.storeArtifactId().isPresent() ? Match.ALIAS : Match.NO_STORE, null);
    }
    if (name.equals("null") || name.equals("none") || name.isEmpty()) {
      return new Lookup(text, null, Match.NULL_TYPE, null);
    }
    if (FOREIGN_TYPES.containsKey(name)) {
      return new Lookup(text, null, Match.NO_STORE, FOREIGN_TYPES.get(name));
    }
    return new Lookup(text, null, Match.UNKNOWN, Names.closest(name, knownNames()).orElse(null));
  }

  /** Every string accepted as a SESSION_TYPE, for messages and suggestions. */
  public static java.util.List<String> knownNames() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (SessionType type : values()) {
      names.add(type.configName());
    }
    names.addAll(new java.util.TreeSet<>(ALIASES.keySet()));
    return names;
  }

  /** How a configuration string matched. */
  public enum Match {
    /** One of this enum's names, with a store. */
    EXACT,
    /** A Flask-Session name for one of our types ({@code sqlalchemy} is {@link #JDBC}). */
    ALIAS,
    /** A session type that is recognised but has no store artifact. */
    NO_STORE,
    /** {@code "null"}: Flask-Session's NullSessionInterface, which makes every session unusable. */
    NULL_TYPE,
    /** Not a session type at all. */
    UNKNOWN
  }

  /**
   * The outcome of {@link #lookup(String)}.
   *
   * @param text the string looked up
   * @param type the type it names, when recognised as one of ours
   * @param match how it matched
   * @param hint a suggested name for {@link Match#UNKNOWN}, or the reason for a foreign {@link Match#NO_STORE}
   */
  public record Lookup(String text, SessionType type, Match match, String hint) {

    /** Whether sessions can be stored with this value. */
    public boolean usable() {
      return match == Match.EXACT || match == Match.ALIAS;
    }

    /** Why the value is not usable, and how to fix it; empty when it is usable. */
    public String problem() {
      return usable() ? "" : reason() + (reason().endsWith("?") ? " " : "; ") + fix();
    }

    /** Why the value is not usable; empty when it is usable. */
    public String reason() {
      switch (match) {
        case NULL_TYPE:
          return "'" + text + "' is Flask-Session's null session, which turns every session access into"
              + " \"the session is unavailable because no secret key was set\"";
        case NO_STORE:
          return "'" + text + "' has no store in sessionconfig" + (hint != null ? " (" + hint + ")" : " yet");
        case UNKNOWN:
          return "'" + text + "' is not a session type" + (hint != null ? "; did you mean '" + hint + "'?" : "");
        default:
          return "";
      }
    }

    /** How to fix an unusable value; empty when it is usable. */
    public String fix() {
      switch (match) {
        case NULL_TYPE:
          return "choose a real store, e.g. 'filesystem'";
        case NO_STORE:
        case UNKNOWN:
          return "use one of " + usableNames();
        default:
          return "";
      }
    }
  }

  /** The names of the types that have a store, for messages. */
  public static String usableNames() {
    StringBuilder names = new StringBuilder();
    for (SessionType type : values()) {
      if (type.storeArtifactId().isPresent()) {
        names.append(names.length() == 0 ? "" : ", ").append('\'').append(type.configName()).append('\'');
      }
    }
    return names.toString();
  }
}
