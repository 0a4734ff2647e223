package com.example.seed;

import dev.sessionconfig.SessionConfig;

/** The seed's SESSION_TYPE = 'memcache': Flask-Session silently falls back to its null session. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final String SESSION_TYPE = "memcache";
}
