package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/**
 * The suite's main config: everything from system properties that the tests set before starting a container
 * (the generated {@code AppConfigLoader.initApp} calls {@code load()}, which reads the real process). Each of
 * these initializers is a plain lookup, so the loader replays it on every {@code load()}: one class serves every
 * store and every test. The settings of the stores SESSION_TYPE does not select are left unset (null) by the
 * tests; as SESSION_TYPE is no constant, the processor accepts them all. The other configs extend this one and
 * change a setting or two, the way a ProductionConfig extends a Config.
 */
@SessionConfig
public class AppConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key");
  static final String SESSION_TYPE = System.getProperty("it.session.type");
  static final String SESSION_REDIS = System.getProperty("it.redis.url");
  static final String SESSION_FILE_DIR = System.getProperty("it.file.dir");
  static final String SESSION_MEMCACHED = System.getProperty("it.memcached");
  static final String SESSION_JDBC_URL = System.getProperty("it.jdbc.url");
  static final String SESSION_JDBC_USER = System.getProperty("it.jdbc.user");
  static final String SESSION_JDBC_PASSWORD = System.getProperty("it.jdbc.password");
}
