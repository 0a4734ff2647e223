package dev.sessionconfig.runtime.store;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the filesystem store, and its lock shared by instances on one directory. */
class FileSessionStoreContractTest extends SessionStoreContract {
  @TempDir
  Path directory;
  private FileSessionStore store;

  @BeforeEach
  void open() {
    store = new FileSessionStore(directory, 500, 0600, Duration.ofMinutes(1));
    store.checkAvailable();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  protected SessionStore store() {
    return store;
  }

  @Test
  void instancesOnOneDirectoryMergeTheirUpdates() throws Exception {
    FileSessionStore other = new FileSessionStore(directory, 500, 0600, Duration.ofMinutes(1));
    other.checkAvailable();
    Instant expiresAt = Instant.now().plusSeconds(60);
    store.write("shared", record("", "times"), expiresAt, null);
    int rounds = 40;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (FileSessionStore instance : List.of(store, other)) {
        String name = instance == store ? "first" : "second";
        done.add(pool.submit(() -> {
          for (int round = 1; round <= rounds; round++) {
            SessionRecord basis = instance.read("shared").orElseThrow();
            assertTrue(instance.update("shared", basis, change(expiresAt, null, Set.of(), "", "times", name,
                Integer.toString(round))));
          }
          return null;
        }));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
      other.close();
    }
    Map<String, String> expected = new LinkedHashMap<>(Map.of("", "times", "first", "40", "second", "40"));
    assertEquals(expected, texts(store.read("shared").orElseThrow()));
  }
}
