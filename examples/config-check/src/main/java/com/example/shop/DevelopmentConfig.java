package com.example.shop;

import dev.sessionconfig.SessionConfig;

/** For a developer's machine: without SECRET_KEY, a random per-process key is used and a warning logged. */
@SessionConfig(development = true)
public class DevelopmentConfig extends Config {
  static final boolean SESSION_COOKIE_SECURE = false;
}
