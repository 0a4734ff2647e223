package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/** The control for {@link RotatedConfig}: the next key without the old one as a fallback. */
@SessionConfig
public class NextKeyOnlyConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key.next");
  static final String SESSION_TYPE = System.getProperty("it.session.type");
  static final String SESSION_REDIS = System.getProperty("it.redis.url");
  static final String SESSION_FILE_DIR = System.getProperty("it.file.dir");
}
