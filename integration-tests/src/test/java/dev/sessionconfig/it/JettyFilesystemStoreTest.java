package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;

/** The filesystem-only tests on Jetty 12. */
class JettyFilesystemStoreTest extends FilesystemStoreTest {
  JettyFilesystemStoreTest() {
    super(ContainerKind.JETTY);
  }
}
