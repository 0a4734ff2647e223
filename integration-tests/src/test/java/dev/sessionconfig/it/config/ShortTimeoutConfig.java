package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;
import java.time.Duration;

/** {@link AppConfig} that waits one second for its store rather than the default two. */
@SessionConfig
public class ShortTimeoutConfig extends AppConfig {
  static final Duration SESSION_STORE_TIMEOUT = Duration.ofSeconds(1);
}
