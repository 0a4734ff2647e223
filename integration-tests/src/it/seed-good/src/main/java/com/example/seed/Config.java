package com.example.seed;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;
import java.time.Duration;

/** The seed's recommended config class: the key from the environment, a real store, a week-long session. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;
  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofDays(7);
}
