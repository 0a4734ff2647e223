package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The Redis-only tests on Jetty 12. */
class JettyRedisStoreTest extends RedisStoreTest {
  JettyRedisStoreTest() {
    super(ContainerKind.JETTY);
  }
}
