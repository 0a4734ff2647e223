package dev.sessionconfig.it.store;

import dev.sessionconfig.testing.PostgresServer;

/**
 * One PostgreSQL server for the whole run, started on first use, with {@code pg_stat_statements} loaded (part of
 * Debian's postgresql package): the server's own count of every statement each role ran, which is how the JDBC
 * fixture counts the application's store reads without going through the code under test. Loading it takes a
 * restart ({@code shared_preload_libraries}), once. PostgresServer's own shutdown hook stops the server (and deletes
 * its directory) when the test JVM exits.
 */
public final class SharedPostgres {
  private static PostgresServer server;

  private SharedPostgres() {}

  public static synchronized PostgresServer server() {
    if (server == null) {
      PostgresServer started = PostgresServer.create().start();
      try {
        started.sql("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        started.restart();
        started.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      } catch (RuntimeException e) {
        started.close();
        throw new IllegalStateException("PostgreSQL runs, but pg_stat_statements (the tests' read counter, part of"
            + " Debian's postgresql package) could not be loaded: " + e.getMessage(), e);
      }
      server = started;
    }
    return server;
  }
}
