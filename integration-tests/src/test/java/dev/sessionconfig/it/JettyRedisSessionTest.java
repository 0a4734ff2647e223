package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Jetty 12 with the Redis store. */
class JettyRedisSessionTest extends SessionBehaviourTest {
  JettyRedisSessionTest() {
    super(ContainerKind.JETTY, StoreKind.REDIS);
  }
}
