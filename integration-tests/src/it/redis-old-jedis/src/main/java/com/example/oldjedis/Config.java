package com.example.oldjedis;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;

/** Sessions in Redis, at the server SESSION_REDIS names. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final SessionType SESSION_TYPE = SessionType.REDIS;
  static final String SESSION_REDIS = System.getenv("SESSION_REDIS");
}
