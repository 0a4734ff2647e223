package dev.sessionconfig.it.config;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The system properties the test configs read, and the suite's secret keys: random for each run, never a
 * literal (the processor would reject one, as it should).
 */
public final class TestProperties {
  public static final String KEY_PROPERTY = "it.secret.key";
  /** The key {@link RotatedConfig} signs with after a rotation; the old one is its fallback. */
  public static final String NEXT_KEY_PROPERTY = "it.secret.key.next";
  public static final String TYPE_PROPERTY = "it.session.type";
  public static final String REDIS_URL_PROPERTY = "it.redis.url";
  public static final String FILE_DIR_PROPERTY = "it.file.dir";
  public static final String MEMCACHED_PROPERTY = "it.memcached";
  public static final String JDBC_URL_PROPERTY = "it.jdbc.url";
  public static final String JDBC_USER_PROPERTY = "it.jdbc.user";
  public static final String JDBC_PASSWORD_PROPERTY = "it.jdbc.password";

  /** This run's SECRET_KEY: 36 random bytes, 48 base64url characters. */
  public static final String KEY = randomKey();
  /** The key that replaces {@link #KEY} in the rotation test. */
  public static final String NEXT_KEY = randomKey();

  static {
    // Set before any config class is initialized: RotatedConfig's fallback list is a field its loader reads,
    // fixed when the class is initialized, so it must see the final value.
    System.setProperty(KEY_PROPERTY, KEY);
    System.setProperty(NEXT_KEY_PROPERTY, NEXT_KEY);
  }

  private TestProperties() {}

  /** Sets the keys (idempotent); call before starting any application. */
  public static void init() {
    System.setProperty(KEY_PROPERTY, KEY);
    System.setProperty(NEXT_KEY_PROPERTY, NEXT_KEY);
  }

  private static String randomKey() {
    byte[] bytes = new byte[36];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
