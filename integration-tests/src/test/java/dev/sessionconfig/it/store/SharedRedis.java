package dev.sessionconfig.it.store;

/** One redis-server for the whole run, started on first use and stopped when the test JVM exits. */
public final class SharedRedis {
  private static RedisServer server;

  private SharedRedis() {}

  public static synchronized RedisServer server() {
    if (server == null) {
      RedisServer started = RedisServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop redis-server"));
      server = started;
    }
    return server;
  }
}
