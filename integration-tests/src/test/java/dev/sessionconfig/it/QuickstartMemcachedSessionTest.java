package dev.sessionconfig.it;

import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on the quickstart jar, started as a process with the memcached store. */
class QuickstartMemcachedSessionTest extends SessionBehaviourTest {
  QuickstartMemcachedSessionTest() {
    super(StoreKind.MEMCACHED);
  }
}
