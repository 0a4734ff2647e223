package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The memcached-only tests on Tomcat 11. */
class TomcatMemcachedStoreTest extends MemcachedStoreTest {
  TomcatMemcachedStoreTest() {
    super(ContainerKind.TOMCAT);
  }
}
