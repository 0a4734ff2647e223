package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A suite run on one container with one store: a fresh {@link Harness} per test, closed after it. */
abstract class HarnessTest {
  private final ContainerKind containerKind;
  private final StoreKind storeKind;

  @TempDir
  Path workDir;

  Harness harness;

  HarnessTest(ContainerKind containerKind, StoreKind storeKind) {
    this.containerKind = containerKind;
    this.storeKind = storeKind;
  }

  @BeforeEach
  void startHarness() {
    harness = new Harness(containerKind, storeKind, workDir);
  }

  @AfterEach
  void stopHarness() {
    harness.close();
  }

  /** The store this suite runs on. */
  StoreKind storeKind() {
    return storeKind;
  }

  /** The harness of the running test (for the suites' shared interfaces). */
  public Harness harness() {
    return harness;
  }
}
