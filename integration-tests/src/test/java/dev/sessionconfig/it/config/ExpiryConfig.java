package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;
import java.time.Duration;

/** {@link AppConfig} whose sessions end after two idle seconds. */
@SessionConfig
public class ExpiryConfig extends AppConfig {
  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofSeconds(2);
}
