package dev.sessionconfig.it;

import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.store.StoreKind;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite run on one container with one store: a fresh {@link Harness} per test, closed after it. Or on the
 * quickstart jar with one store: its processes and store kept for the whole class, the store emptied per test.
 */
abstract class HarnessTest {
  private final ContainerKind containerKind;
  private final StoreKind storeKind;

  @TempDir
  Path workDir;

  Harness harness;

  /** The quickstart jar's processes of the running class, if it runs on them. */
  private static QuickstartJars quickstartJars;

  HarnessTest(ContainerKind containerKind, StoreKind storeKind) {
    this.containerKind = containerKind;
    this.storeKind = storeKind;
  }

  /** The suite on the quickstart jar, started as a process with {@code storeKind}'s environment. */
  HarnessTest(StoreKind storeKind) {
    this(null, storeKind);
  }

  @BeforeEach
  void startHarness() {
    if (containerKind != null) {
      harness = new Harness(containerKind, storeKind, workDir);
      return;
    }
    if (quickstartJars == null || quickstartJars.kind() != storeKind) {
      stopQuickstart();
      quickstartJars = QuickstartJars.create(storeKind);
    }
    harness = Harness.quickstart(quickstartJars);
  }

  @AfterAll
  static void stopQuickstart() {
    if (quickstartJars != null) {
      quickstartJars.close();
      quickstartJars = null;
    }
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
