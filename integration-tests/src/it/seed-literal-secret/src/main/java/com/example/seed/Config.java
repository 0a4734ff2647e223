package com.example.seed;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;

/** The seed's Solution 2, key and all: anyone who can read the source can forge session cookies. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = "super secret key";
  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;
}
