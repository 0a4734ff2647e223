package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The memcached-only tests on Jetty 12. */
class JettyMemcachedStoreTest extends MemcachedStoreTest {
  JettyMemcachedStoreTest() {
    super(ContainerKind.JETTY);
  }
}
