package dev.sessionconfig.runtime.store;

import java.nio.file.Path;
import java.time.Clock;

/** File stores on a test's clock, swept only when the test says so ({@link #sweep}). */
public final class TestFileStores {
  private TestFileStores() {}

  public static FileSessionStore open(Path directory, Clock clock) {
    FileSessionStore store = new FileSessionStore(directory, 500, 0600, clock, null);
    store.checkAvailable();
    return store;
  }

  public static void sweep(FileSessionStore store) throws java.io.IOException {
    store.sweep();
  }
}
