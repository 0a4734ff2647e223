package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Tomcat 11 with the Redis store. */
class TomcatRedisSessionTest extends SessionBehaviourTest {
  TomcatRedisSessionTest() {
    super(ContainerKind.TOMCAT, StoreKind.REDIS);
  }
}
