package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/** {@link AppConfig} after a key rotation: signs with the next key, still accepts cookies signed with the old. */
@SessionConfig
public class RotatedConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key.next");
  static final String[] SECRET_KEY_FALLBACKS = {System.getProperty("it.secret.key")};
  static final String SESSION_TYPE = System.getProperty("it.session.type");
  static final String SESSION_REDIS = System.getProperty("it.redis.url");
  static final String SESSION_FILE_DIR = System.getProperty("it.file.dir");
}
