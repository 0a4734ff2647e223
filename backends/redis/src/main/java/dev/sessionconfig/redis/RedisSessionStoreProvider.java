package dev.sessionconfig.redis;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreProvider;

/**
 * The Redis store for {@code SESSION_TYPE = redis}, found through {@link java.util.ServiceLoader}. Its name is
 * {@link SessionType#storeClassName()} for {@link SessionType#REDIS}: the annotation processor looks for this
 * class to tell whether {@code dev.sessionconfig:sessionconfig-redis} is on the compile class path.
 *
 * <p>SESSION_REDIS is {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://...} for TLS, with
 * the server's certificate checked against the JVM's trust store ({@code -Djavax.net.ssl.trustStore} for a
 * private CA) and against the host name; {@code redis-sentinel://...#master} or {@code redis-cluster://...} for a
 * master watched by sentinels or a Redis Cluster ({@link dev.sessionconfig.RedisUrl}). Sessions live in a hash at
 * {@code SESSION_KEY_PREFIX + id} with a TTL. A Redis
 * that cannot be reached fails the request with a {@link dev.sessionconfig.runtime.store.SessionStoreException}
 * within SESSION_STORE_TIMEOUT (two seconds unless set), and the store works again as soon as Redis is back.
 */
public final class RedisSessionStoreProvider implements SessionStoreProvider {
  /** Flask-Session's default, used only when settings carry no URL (the loader normally fills it in). */
  private static final String DEFAULT_URL = "redis://localhost:6379";

  @Override
  public SessionType type() {
    return SessionType.REDIS;
  }

  @Override
  public SessionStore open(SessionSettings settings) {
    return RedisSessionStore.open(settings.redisUrl().orElse(DEFAULT_URL), settings.keyPrefix(), null,
        settings.connectionLimits());
  }
}
