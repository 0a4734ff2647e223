package com.example.seed;

import dev.sessionconfig.SessionConfig;

/** The config class the application loads: it has the key, but its session type was put elsewhere. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
}
