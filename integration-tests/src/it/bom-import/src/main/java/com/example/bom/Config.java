package com.example.bom;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;

/** The JDBC store: the processor fails the build ([MissingStoreModule]) unless the BOM brought sessionconfig-jdbc. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final SessionType SESSION_TYPE = SessionType.JDBC;
  static final String SESSION_JDBC_URL = System.getenv("SESSION_JDBC_URL");
}
