package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Jetty 12 with the memcached store. */
class JettyMemcachedSessionTest extends SessionBehaviourTest {
  JettyMemcachedSessionTest() {
    super(ContainerKind.JETTY, StoreKind.MEMCACHED);
  }
}
