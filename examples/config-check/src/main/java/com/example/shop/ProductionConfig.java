package com.example.shop;

import dev.sessionconfig.SessionConfig;

/** For production: cookies only over HTTPS. */
@SessionConfig
public class ProductionConfig extends Config {
  static final boolean SESSION_COOKIE_SECURE = true;
}
