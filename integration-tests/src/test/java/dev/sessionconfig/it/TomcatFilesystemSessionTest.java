package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Tomcat 11 with the filesystem store. */
class TomcatFilesystemSessionTest extends SessionBehaviourTest {
  TomcatFilesystemSessionTest() {
    super(ContainerKind.TOMCAT, StoreKind.FILESYSTEM);
  }
}
