package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Jetty 12 with the JDBC store on an embedded H2 database. */
class JettyH2SessionTest extends SessionBehaviourTest {
  JettyH2SessionTest() {
    super(ContainerKind.JETTY, StoreKind.H2);
  }
}
