package dev.sessionconfig.it.store;

import dev.sessionconfig.testing.MemcachedServer;

/**
 * One memcached for the whole run, started on first use; MemcachedServer's own shutdown hook stops it (and
 * deletes its directory) when the test JVM exits.
 */
public final class SharedMemcached {
  private static MemcachedServer server;

  private SharedMemcached() {}

  public static synchronized MemcachedServer server() {
    if (server == null) {
      server = MemcachedServer.create().start();
    }
    return server;
  }
}
