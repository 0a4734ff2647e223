package dev.sessionconfig.it;

import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on the quickstart jar, started as a process with the Redis store. */
class QuickstartRedisSessionTest extends SessionBehaviourTest {
  QuickstartRedisSessionTest() {
    super(StoreKind.REDIS);
  }
}
