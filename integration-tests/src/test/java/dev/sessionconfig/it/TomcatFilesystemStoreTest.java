package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The filesystem-only tests on Tomcat 11. */
class TomcatFilesystemStoreTest extends FilesystemStoreTest {
  TomcatFilesystemStoreTest() {
    super(ContainerKind.TOMCAT);
  }
}
