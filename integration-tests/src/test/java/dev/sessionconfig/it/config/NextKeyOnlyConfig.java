package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;

/** The control for {@link RotatedConfig}: the next key without the old one as a fallback. */
@SessionConfig
public class NextKeyOnlyConfig extends AppConfig {
  static final String SECRET_KEY = System.getProperty("it.secret.key.next");
}
