package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/** {@link AppConfig} with every cookie attribute moved off its default. */
@SessionConfig
public class CookieConfig extends AppConfig {

  static final String SESSION_COOKIE_NAME = "__Host-sid";
  static final boolean SESSION_COOKIE_SECURE = true;
  static final boolean SESSION_COOKIE_PARTITIONED = true;
  static final String SESSION_COOKIE_SAMESITE = "Strict";
}
