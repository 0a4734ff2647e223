package dev.sessionconfig.memcached;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import java.util.List;

/**
 * The memcached store for {@code SESSION_TYPE = memcached}, found through {@link java.util.ServiceLoader}. Its
 * name is {@link SessionType#storeClassName()} for {@link SessionType#MEMCACHED}: the annotation processor looks
 * for this class to tell whether {@code dev.sessionconfig:sessionconfig-memcached} is on the compile class path.
 *
 * <p>SESSION_MEMCACHED lists the servers, {@code host:port[,host:port...]}; each session lives on one of them,
 * chosen by consistent hashing, at {@code SESSION_KEY_PREFIX + id} with an expiry. A server that cannot be
 * reached fails the requests whose sessions it holds with a
 * {@link dev.sessionconfig.runtime.store.SessionStoreException} naming it, within about two seconds, and the
 * store works again as soon as it is back.
 */
public final class MemcachedSessionStoreProvider implements SessionStoreProvider {
  /** Flask-Session's default, used only when settings carry no server (the loader normally fills it in). */
  private static final List<String> DEFAULT_SERVERS = List.of("localhost:11211");

  @Override
  public SessionType type() {
    return SessionType.MEMCACHED;
  }

  @Override
  public SessionStore open(SessionSettings settings) {
    List<String> servers = settings.memcachedServers();
    return MemcachedSessionStore.open(servers.isEmpty() ? DEFAULT_SERVERS : servers, settings.keyPrefix(),
        settings.idLength(), settings.connectionLimits());
  }
}
