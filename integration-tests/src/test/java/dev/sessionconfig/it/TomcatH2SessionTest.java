package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Tomcat 11 with the JDBC store on an embedded H2 database. */
class TomcatH2SessionTest extends SessionBehaviourTest {
  TomcatH2SessionTest() {
    super(ContainerKind.TOMCAT, StoreKind.H2);
  }
}
