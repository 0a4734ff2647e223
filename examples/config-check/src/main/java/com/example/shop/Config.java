package com.example.shop;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;
import java.time.Duration;

/** A complete Flask-Session configuration, done right: every secret comes from the environment. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final String SESSION_TYPE = System.getenv().getOrDefault("SESSION_TYPE", "filesystem");
  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofDays(7);
  static final String SESSION_FILE_DIR = System.getenv("SESSION_FILE_DIR");
}
