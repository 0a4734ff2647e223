package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/**
 * The suite's main config: everything from system properties that the tests set before starting a container
 * (the generated {@code AppConfigLoader.initApp} calls {@code load()}, which reads the real process). Each of
 * these initializers is a plain lookup, so the loader replays it on every {@code load()}: one class serves every
 * store and every test.
 */
@SessionConfig
public class AppConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key");
  static final String SESSION_TYPE = System.getProperty("it.session.type");
  static final String SESSION_REDIS = System.getProperty("it.redis.url");
  static final String SESSION_FILE_DIR = System.getProperty("it.file.dir");
}
