package dev.sessionconfig.it.store;

import dev.sessionconfig.testing.RedisServer;

/**
 * One redis-server for the whole run, started on first use; RedisServer's own shutdown hook stops it (and
 * deletes its directory) when the test JVM exits.
 */
public final class SharedRedis {
  private static RedisServer server;

  private SharedRedis() {}

  public static synchronized RedisServer server() {
    if (server == null) {
      server = RedisServer.create().start();
    }
    return server;
  }
}
