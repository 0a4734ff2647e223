package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;
import java.time.Duration;

/**
 * {@link ExpiryConfig} whose stores that sweep (filesystem, JDBC) look for expired sessions every second, for the
 * tests of expiry events and of the index.
 */
@SessionConfig
public class ExpiryEventsConfig extends ExpiryConfig {
  static final Duration SESSION_CLEANUP_INTERVAL = Duration.ofSeconds(1);
}
