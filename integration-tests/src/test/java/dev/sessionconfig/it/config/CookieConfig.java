package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/** {@link AppConfig} with every cookie attribute moved off its default. */
@SessionConfig
public class CookieConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key");
  static final String SESSION_TYPE = System.getProperty("it.session.type");
  static final String SESSION_REDIS = System.getProperty("it.redis.url");
  static final String SESSION_FILE_DIR = System.getProperty("it.file.dir");

  static final String SESSION_COOKIE_NAME = "__Host-sid";
  static final boolean SESSION_COOKIE_SECURE = true;
  static final boolean SESSION_COOKIE_PARTITIONED = true;
  static final String SESSION_COOKIE_SAMESITE = "Strict";
}
