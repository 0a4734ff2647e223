package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The Redis-only tests on Tomcat 11. */
class TomcatRedisStoreTest extends RedisStoreTest {
  TomcatRedisStoreTest() {
    super(ContainerKind.TOMCAT);
  }
}
