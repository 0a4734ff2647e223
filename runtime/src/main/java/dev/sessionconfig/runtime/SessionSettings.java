package dev.sessionconfig.runtime;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.values.AttributeTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The validated, effective session settings of one config class. Immutable; secrets are {@link Secret}s and
 * {@link #toString()} masks them and any password inside a URL.
 */
public final class SessionSettings {
  private final String configClass;
  private final boolean development;
  private final Map<Setting, Object> values;

  SessionSettings(String configClass, boolean development, Map<Setting, Object> values) {
    this.configClass = configClass;
    this.development = development;
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  /** The fully qualified name of the config class these settings came from. */
  public String configClass() {
    return configClass;
  }

  /** Whether the config class is marked {@code @SessionConfig(development = true)}. */
  public boolean development() {
    return development;
  }

  /** The setting's effective value (normalized: {@code Secret}, {@code Duration}, {@code List}...), if any. */
  public Optional<Object> value(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  public SessionType sessionType() {
    return (SessionType) values.get(Setting.SESSION_TYPE);
  }

  public Secret secretKey() {
    return (Secret) values.get(Setting.SECRET_KEY);
  }

  @SuppressWarnings("unchecked")
  public List<Secret> secretKeyFallbacks() {
    return (List<Secret>) values.get(Setting.SECRET_KEY_FALLBACKS);
  }

  public boolean permanent() {
    return (Boolean) values.get(Setting.SESSION_PERMANENT);
  }

  public String keyPrefix() {
    return (String) values.get(Setting.SESSION_KEY_PREFIX);
  }

  /** The session id's length in random bytes. */
  public int idLength() {
    return (Integer) values.get(Setting.SESSION_ID_LENGTH);
  }

  public String serializationFormat() {
    return (String) values.get(Setting.SESSION_SERIALIZATION_FORMAT);
  }

  /** The application's records, enums and Serializable classes that may live in a session (SESSION_ATTRIBUTE_TYPES). */
  public AttributeTypes attributeTypes() {
    Object types = values.get(Setting.SESSION_ATTRIBUTE_TYPES);
    return types instanceof AttributeTypes ? (AttributeTypes) types : AttributeTypes.none();
  }

  /** The patterns of the classes JDK deserialization may instantiate (SESSION_SERIALIZATION_ALLOW). */
  @SuppressWarnings("unchecked")
  public List<String> serializationAllow() {
    return (List<String>) values.get(Setting.SESSION_SERIALIZATION_ALLOW);
  }

  /**
   * These settings with {@code patterns} added to SESSION_SERIALIZATION_ALLOW: for a framework integration that
   * knows which of its own classes it stores in sessions (the Spring Boot starter adds Spring Security's).
   *
   * @throws IllegalArgumentException for a pattern SESSION_SERIALIZATION_ALLOW would refuse
   */
  public SessionSettings allowingSerialization(List<String> patterns) {
    List<String> allowed = new java.util.ArrayList<>(serializationAllow());
    for (String pattern : patterns) {
      dev.sessionconfig.SerializationPatterns.problem(pattern).ifPresent(problem -> {
        throw new IllegalArgumentException(problem);
      });
      if (!allowed.contains(pattern)) {
        allowed.add(pattern);
      }
    }
    Map<Setting, Object> changed = new EnumMap<>(values);
    changed.put(Setting.SESSION_SERIALIZATION_ALLOW, List.copyOf(allowed));
    return new SessionSettings(configClass, development, changed);
  }

  /** Idle timeout: how long a session lives after its last use. */
  public Duration permanentSessionLifetime() {
    return (Duration) values.get(Setting.PERMANENT_SESSION_LIFETIME);
  }

  /** Absolute timeout: how long a session lives after its creation, however active. */
  public Optional<Duration> absoluteLifetime() {
    return value(Setting.SESSION_ABSOLUTE_LIFETIME).map(Duration.class::cast);
  }

  public boolean refreshEachRequest() {
    return (Boolean) values.get(Setting.SESSION_REFRESH_EACH_REQUEST);
  }

  public String cookieName() {
    return (String) values.get(Setting.SESSION_COOKIE_NAME);
  }

  public Optional<String> cookieDomain() {
    return value(Setting.SESSION_COOKIE_DOMAIN).map(String.class::cast);
  }

  public String cookiePath() {
    return (String) values.get(Setting.SESSION_COOKIE_PATH);
  }

  public boolean cookieHttpOnly() {
    return (Boolean) values.get(Setting.SESSION_COOKIE_HTTPONLY);
  }

  public boolean cookieSecure() {
    return (Boolean) values.get(Setting.SESSION_COOKIE_SECURE);
  }

  public boolean cookiePartitioned() {
    return (Boolean) values.get(Setting.SESSION_COOKIE_PARTITIONED);
  }

  /** {@code Strict}, {@code Lax} or {@code None}. */
  public String cookieSameSite() {
    return (String) values.get(Setting.SESSION_COOKIE_SAMESITE);
  }

  public Path fileDir() {
    return Path.of((String) values.get(Setting.SESSION_FILE_DIR));
  }

  /** SESSION_MAX_SIZE: the most bytes a session's stored attributes may take together. */
  public int maxSessionSize() {
    return (Integer) values.get(Setting.SESSION_MAX_SIZE);
  }

  /** SESSION_CLEANUP_INTERVAL, when set: how often stores that sweep delete (and report) expired sessions. */
  public Optional<Duration> cleanupInterval() {
    return Optional.ofNullable((Duration) values.get(Setting.SESSION_CLEANUP_INTERVAL));
  }

  /** SESSION_STORE_TIMEOUT and SESSION_STORE_POOL_SIZE, for the networked stores. */
  public ConnectionLimits connectionLimits() {
    Integer poolSize = (Integer) values.get(Setting.SESSION_STORE_POOL_SIZE);
    return new ConnectionLimits(
        (Duration) values.getOrDefault(Setting.SESSION_STORE_TIMEOUT, ConnectionLimits.DEFAULT_TIMEOUT),
        poolSize == null ? OptionalInt.empty() : OptionalInt.of(poolSize));
  }

  public int fileThreshold() {
    return (Integer) values.get(Setting.SESSION_FILE_THRESHOLD);
  }

  /** POSIX permission bits for session files, e.g. {@code 0600}. */
  public int fileMode() {
    return (Integer) values.get(Setting.SESSION_FILE_MODE);
  }

  /** The Redis URL; may carry a password, so never log it unmasked. */
  public Optional<String> redisUrl() {
    return value(Setting.SESSION_REDIS).map(String.class::cast);
  }

  @SuppressWarnings("unchecked")
  public List<String> memcachedServers() {
    return (List<String>) values.getOrDefault(Setting.SESSION_MEMCACHED, List.of());
  }

  public Optional<String> jdbcUrl() {
    return value(Setting.SESSION_JDBC_URL).map(String.class::cast);
  }

  public Optional<String> jdbcUser() {
    return value(Setting.SESSION_JDBC_USER).map(String.class::cast);
  }

  public Optional<Secret> jdbcPassword() {
    return value(Setting.SESSION_JDBC_PASSWORD).map(Secret.class::cast);
  }

  public String jdbcTable() {
    return (String) values.get(Setting.SESSION_JDBC_TABLE);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SessionSettings[").append(configClass);
    values.forEach((setting, value) -> text.append(", ").append(setting).append('=').append(SettingsCollector.display(setting, value)));
    return text.append(']').toString();
  }
}
