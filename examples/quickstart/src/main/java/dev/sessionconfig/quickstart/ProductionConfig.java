package dev.sessionconfig.quickstart;

import dev.sessionconfig.SessionConfig;

/** {@code APP_ENV=production}: SECRET_KEY is required, and cookies are Secure when COOKIE_SECURE says so. */
@SessionConfig
public class ProductionConfig extends Config {
  static final boolean SESSION_COOKIE_SECURE =
      Boolean.parseBoolean(System.getenv().getOrDefault("COOKIE_SECURE", "true"));
}
