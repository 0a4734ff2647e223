package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;
import java.time.Duration;

/** {@link AppConfig} whose sessions end after two idle seconds. */
@SessionConfig
public class ExpiryConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key");
  static final String SESSION_TYPE = System.getProperty("it.session.type");
  static final String SESSION_REDIS = System.getProperty("it.redis.url");
  static final String SESSION_FILE_DIR = System.getProperty("it.file.dir");
  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofSeconds(2);
}
