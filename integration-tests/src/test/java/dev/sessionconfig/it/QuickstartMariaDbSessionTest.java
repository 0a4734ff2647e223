package dev.sessionconfig.it;

import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on the quickstart jar, started as a process with the JDBC store on MariaDB. */
class QuickstartMariaDbSessionTest extends SessionBehaviourTest {
  QuickstartMariaDbSessionTest() {
    super(StoreKind.MARIADB);
  }
}
