package dev.sessionconfig.it;

import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.CookieConfigLoader;
import dev.sessionconfig.it.config.ExpiryConfigLoader;
import dev.sessionconfig.it.config.ExpiryEventsConfigLoader;
import dev.sessionconfig.it.config.NextKeyOnlyConfigLoader;
import dev.sessionconfig.it.config.RotatedConfigLoader;
import dev.sessionconfig.it.config.ValuesConfigLoader;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.ServletContext;
import java.util.function.Function;

/**
 * The session configs the behavioural suite starts applications with: each is a {@code @SessionConfig} class of the
 * test sources, started in this JVM by its generated {@code initApp}. The quickstart jar has the settings of
 * {@link #APP} (everything from the store's variables and SECRET_KEY, the rest by default) and no other.
 */
enum Setup {
  /** The suite's main config, every setting at its default but the store and the key. */
  APP(AppConfigLoader::initApp),
  /** Every cookie setting moved off its default. */
  COOKIE(CookieConfigLoader::initApp),
  /** After a key rotation: the next key, the old one as a fallback. */
  ROTATED(RotatedConfigLoader::initApp),
  /** The next key and no fallback. */
  NEXT_KEY_ONLY(NextKeyOnlyConfigLoader::initApp),
  /** A session lifetime of 2 s. */
  EXPIRY(ExpiryConfigLoader::initApp),
  /** A session lifetime of 2 s, the stores that sweep looking for expired sessions every second. */
  EXPIRY_EVENTS(ExpiryEventsConfigLoader::initApp),
  /** The value classes of the test sources allowed in sessions. */
  VALUES(ValuesConfigLoader::initApp);

  private final Function<ServletContext, SessionInterface> initApp;

  Setup(Function<ServletContext, SessionInterface> initApp) {
    this.initApp = initApp;
  }

  /** The generated {@code initApp} of this config. */
  Function<ServletContext, SessionInterface> initApp() {
    return initApp;
  }
}
