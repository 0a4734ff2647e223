package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Jetty 12 with the JDBC store on PostgreSQL. */
class JettyPostgresSessionTest extends SessionBehaviourTest {
  JettyPostgresSessionTest() {
    super(ContainerKind.JETTY, StoreKind.POSTGRESQL);
  }
}
