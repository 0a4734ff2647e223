package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;
import java.time.Duration;

/**
 * {@link AppConfig} whose sessions end after two idle seconds, and whose stores that sweep look for expired
 * sessions every second.
 */
@SessionConfig
public class ExpiryConfig extends AppConfig {
  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofSeconds(2);
  static final Duration SESSION_CLEANUP_INTERVAL = Duration.ofSeconds(1);
}
