package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The JDBC store's tests on embedded H2, on Jetty 12. */
class JettyH2StoreTest extends H2StoreTest {
  JettyH2StoreTest() {
    super(ContainerKind.JETTY);
  }
}
