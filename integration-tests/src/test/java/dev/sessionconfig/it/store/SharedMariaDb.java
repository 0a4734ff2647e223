package dev.sessionconfig.it.store;

import dev.sessionconfig.testing.MariaDbServer;

/**
 * One MariaDB server for the whole run, started on first use; MariaDbServer's own shutdown hook stops it (and
 * deletes its directory) when the test JVM exits.
 */
public final class SharedMariaDb {
  private static MariaDbServer server;

  private SharedMariaDb() {}

  public static synchronized MariaDbServer server() {
    if (server == null) {
      server = MariaDbServer.create().start();
    }
    return server;
  }
}
