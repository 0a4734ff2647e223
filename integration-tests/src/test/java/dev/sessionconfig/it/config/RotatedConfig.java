package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/** {@link AppConfig} after a key rotation: signs with the next key, still accepts cookies signed with the old. */
@SessionConfig
public class RotatedConfig extends AppConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key.next");
  static final String[] SECRET_KEY_FALLBACKS = {System.getProperty("it.secret.key")};
}
