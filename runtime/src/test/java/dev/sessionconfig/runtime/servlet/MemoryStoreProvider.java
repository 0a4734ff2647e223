package dev.sessionconfig.runtime.servlet;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import dev.sessionconfig.runtime.testing.MemoryStore;
import java.time.Clock;

/**
 * A store provider registered for JDBC in the test class path only (no JDBC store exists in the runtime), so
 * that tests see what {@link SessionInterface#install} does with the store it opened.
 */
public final class MemoryStoreProvider implements SessionStoreProvider {
  static volatile MemoryStore last;

  @Override
  public SessionType type() {
    return SessionType.JDBC;
  }

  @Override
  public SessionStore open(SessionSettings settings) {
    if (settings.jdbcUrl().orElse("").contains("unusable")) {
      throw new dev.sessionconfig.runtime.store.SessionStoreException("memory at test:1 cannot hold sessions: the"
          + " URL asks for an unusable store");
    }
    last = new MemoryStore(Clock.systemUTC());
    last.down = settings.jdbcUrl().orElse("").contains("down");
    return last;
  }
}
