package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Tomcat 11 with the memcached store. */
class TomcatMemcachedSessionTest extends SessionBehaviourTest {
  TomcatMemcachedSessionTest() {
    super(ContainerKind.TOMCAT, StoreKind.MEMCACHED);
  }
}
