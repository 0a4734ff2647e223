package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The JDBC store's tests on PostgreSQL, on Jetty 12. */
class JettyPostgresStoreTest extends PostgresStoreTest {
  JettyPostgresStoreTest() {
    super(ContainerKind.JETTY);
  }
}
