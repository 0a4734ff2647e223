package dev.sessionconfig.jdbc;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.Secret;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import java.time.Duration;

/**
 * The SQL store for {@code SESSION_TYPE = jdbc} (and Flask-Session's {@code sqlalchemy}), found through
 * {@link java.util.ServiceLoader}. Its name is {@link SessionType#storeClassName()} for {@link SessionType#JDBC}:
 * the annotation processor looks for this class to tell whether {@code dev.sessionconfig:sessionconfig-jdbc} is
 * on the compile class path.
 *
 * <p>Settings: SESSION_JDBC_URL (required; PostgreSQL, MariaDB or MySQL, H2 or SQLite, whose JDBC driver the
 * application brings), SESSION_JDBC_USER, SESSION_JDBC_PASSWORD (a secret: read at startup, never printed) and
 * SESSION_JDBC_TABLE (default {@code sessions}, created when missing). Expired rows are deleted in the background
 * every tenth of PERMANENT_SESSION_LIFETIME, but no less often than every five minutes and no more often than
 * every minute. A database that cannot be reached fails the request with a
 * {@link dev.sessionconfig.runtime.store.SessionStoreException} within about two seconds, and the store works again
 * as soon as the database is back.
 */
public final class JdbcSessionStoreProvider implements SessionStoreProvider {
  private static final Duration LONGEST_CLEANUP_INTERVAL = Duration.ofMinutes(5);
  private static final Duration SHORTEST_CLEANUP_INTERVAL = Duration.ofMinutes(1);

  @Override
  public SessionType type() {
    return SessionType.JDBC;
  }

  @Override
  public SessionStore open(SessionSettings settings) {
    String url = settings.jdbcUrl().orElseThrow(() -> new SessionStoreException(
        "SESSION_JDBC_URL is not set: the jdbc store needs the database's JDBC URL, e.g."
            + " jdbc:postgresql://db.internal:5432/app"));
    return JdbcSessionStore.builder(url)
        .user(settings.jdbcUser().orElse(null))
        .password(settings.jdbcPassword().map(Secret::reveal).orElse(null))
        .table(settings.jdbcTable() == null ? "sessions" : settings.jdbcTable())
        .cleanupEvery(settings.cleanupInterval().orElseGet(() -> cleanupInterval(settings.permanentSessionLifetime())))
        .limits(settings.connectionLimits())
        .open();
  }

  /** A tenth of the lifetime, between one and five minutes. */
  static Duration cleanupInterval(Duration lifetime) {
    Duration tenth = lifetime == null ? LONGEST_CLEANUP_INTERVAL : lifetime.dividedBy(10);
    if (tenth.compareTo(SHORTEST_CLEANUP_INTERVAL) < 0) {
      return SHORTEST_CLEANUP_INTERVAL;
    }
    return tenth.compareTo(LONGEST_CLEANUP_INTERVAL) > 0 ? LONGEST_CLEANUP_INTERVAL : tenth;
  }
}
