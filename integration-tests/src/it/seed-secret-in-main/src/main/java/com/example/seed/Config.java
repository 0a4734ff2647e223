package com.example.seed;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;

/** The key is left for main() to set, like the seed's app.secret_key under if __name__ == "__main__". */
@SessionConfig
public class Config {
  static String SECRET_KEY;
  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;
}
