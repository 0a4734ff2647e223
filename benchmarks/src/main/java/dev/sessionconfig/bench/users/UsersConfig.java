package dev.sessionconfig.bench.users;

import dev.sessionconfig.SessionConfig;

/**
 * The user-index benchmark's application: each store it measures is opened from this config as an application's
 * would be (its generated loader, then the store's provider), the store chosen by SESSION_TYPE.
 */
@SessionConfig
class UsersConfig {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final String SESSION_TYPE = System.getenv().getOrDefault("SESSION_TYPE", "filesystem");
  static final String SESSION_REDIS = System.getenv("SESSION_REDIS");
  static final String SESSION_JDBC_URL = System.getenv("SESSION_JDBC_URL");
  static final String SESSION_JDBC_USER = System.getenv("SESSION_JDBC_USER");
  static final String SESSION_JDBC_PASSWORD = System.getenv("SESSION_JDBC_PASSWORD");
  static final String SESSION_FILE_DIR = System.getenv("SESSION_FILE_DIR");
  /** Room for the whole data set: the default (500 files, Flask-Session's) would end sessions early. */
  static final int SESSION_FILE_THRESHOLD = 1_000_000;
}
