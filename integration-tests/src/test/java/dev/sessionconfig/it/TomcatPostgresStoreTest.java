package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The JDBC store's tests on PostgreSQL, on Tomcat 11. */
class TomcatPostgresStoreTest extends PostgresStoreTest {
  TomcatPostgresStoreTest() {
    super(ContainerKind.TOMCAT);
  }
}
