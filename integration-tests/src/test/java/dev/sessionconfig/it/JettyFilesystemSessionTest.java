package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;

/** The behavioural suite on Jetty 12 with the filesystem store. */
class JettyFilesystemSessionTest extends SessionBehaviourTest {
  JettyFilesystemSessionTest() {
    super(ContainerKind.JETTY, StoreKind.FILESYSTEM);
  }
}
