package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The JDBC store's tests on embedded H2, on Tomcat 11. */
class TomcatH2StoreTest extends H2StoreTest {
  TomcatH2StoreTest() {
    super(ContainerKind.TOMCAT);
  }
}
