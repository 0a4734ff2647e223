package com.example.seed;

import dev.sessionconfig.SessionConfig;
import java.time.Duration;

/** The seed's "complete configuration example", whose fallback key ends up in production. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv().getOrDefault("SECRET_KEY", "dev-key-change-in-production");
  static final String SESSION_TYPE = "filesystem";
  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofDays(7);
}
