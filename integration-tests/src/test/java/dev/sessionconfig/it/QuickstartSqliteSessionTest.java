package dev.sessionconfig.it;

import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on the quickstart jar, started as a process with the JDBC store on a SQLite database file. */
class QuickstartSqliteSessionTest extends SessionBehaviourTest {
  QuickstartSqliteSessionTest() {
    super(StoreKind.SQLITE);
  }
}
