package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Tomcat 11 with the JDBC store on PostgreSQL. */
class TomcatPostgresSessionTest extends SessionBehaviourTest {
  TomcatPostgresSessionTest() {
    super(ContainerKind.TOMCAT, StoreKind.POSTGRESQL);
  }
}
