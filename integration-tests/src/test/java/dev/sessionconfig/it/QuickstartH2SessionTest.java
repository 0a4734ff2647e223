package dev.sessionconfig.it;

import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on the quickstart jar, started as a process with the JDBC store on an H2 database file. */
class QuickstartH2SessionTest extends SessionBehaviourTest {
  QuickstartH2SessionTest() {
    super(StoreKind.H2);
  }
}
