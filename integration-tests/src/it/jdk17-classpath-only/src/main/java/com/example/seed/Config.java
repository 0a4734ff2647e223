package com.example.seed;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;

/** A literal key, which the processor rejects whenever it runs: the build result shows whether it ran. */
@SessionConfig
public class Config {
  static final String SECRET_KEY = "super secret key";
  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;
}
