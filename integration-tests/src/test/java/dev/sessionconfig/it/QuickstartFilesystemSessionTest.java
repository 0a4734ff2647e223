package dev.sessionconfig.it;

import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on the quickstart jar, started as a process with the filesystem store. */
class QuickstartFilesystemSessionTest extends SessionBehaviourTest {
  QuickstartFilesystemSessionTest() {
    super(StoreKind.FILESYSTEM);
  }
}
