package dev.sessionconfig.quickstart;

import dev.sessionconfig.SessionConfig;

/**
 * Flask's {@code class Config}, read from the environment: {@code SESSION_TYPE=redis} switches the store.
 * Every value, secret or not, comes from a variable the processor sees, so {@code describe} names it.
 */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final String SESSION_TYPE = System.getenv().getOrDefault("SESSION_TYPE", "filesystem");
  static final String SESSION_REDIS = System.getenv("SESSION_REDIS");
  static final String SESSION_MEMCACHED = System.getenv("SESSION_MEMCACHED");
  static final String SESSION_JDBC_URL = System.getenv("SESSION_JDBC_URL");
  static final String SESSION_JDBC_USER = System.getenv("SESSION_JDBC_USER");
  static final String SESSION_JDBC_PASSWORD = System.getenv("SESSION_JDBC_PASSWORD");
  static final String SESSION_FILE_DIR = System.getenv("SESSION_FILE_DIR");
}
