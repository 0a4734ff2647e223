package dev.sessionconfig.runtime.store;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every store must do with the records of sessions, whatever holds them. Each backend's store test extends
 * this (through the runtime's test jar) and adds what is particular to its server.
 */
public abstract class SessionStoreContract {
  /** The store under test, open and empty. */
  protected abstract SessionStore store();

  /** Whether the store keeps an index of sessions by user (memcached cannot: it cannot list its keys). */
  protected boolean indexesByUser() {
    return true;
  }

  /** The time the store goes by. */
  protected java.time.Instant now() {
    return java.time.Instant.now();
  }

  /** Lets {@code duration} pass for the store: real time, or the store's test clock. */
  protected void pass(java.time.Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  @Test
  void writesReadsAndDeletes() {
    SessionStore store = store();
    store.checkAvailable();
    store.write("id1", record("", "{\"user\":\"ada\"}", "cart", "3 items"), inAMinute(), null);
    assertEquals(Map.of("", "{\"user\":\"ada\"}", "cart", "3 items"), texts(store.read("id1").orElseThrow()));
    store.delete("id1");
    assertEquals(Optional.empty(), store.read("id1"));
    store.delete("id1"); // deleting what is gone is no error
  }

  @Test
  void readsNothingForAnIdItNeverWrote() {
    assertEquals(Optional.empty(), store().read("unknown"));
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() {
    SessionStore store = store();
    store.write("merged", record("", "times 1", "a", "1", "b", "2", "c", "3"), inAMinute(), null);
    SessionRecord basis = store.read("merged").orElseThrow();
    assertTrue(store.update("merged", basis, change(inAMinute(), null, Set.of("b"), "", "times 2", "a", "10",
        "d", "4")));
    assertEquals(Map.of("", "times 2", "a", "10", "c", "3", "d", "4"), texts(store.read("merged").orElseThrow()));
  }

  @Test
  void updatesFromTheSameReadKeepEachOthersChanges() {
    SessionStore store = store();
    store.write("both", record("", "times 1", "shared", "s"), inAMinute(), null);
    SessionRecord first = store.read("both").orElseThrow();
    SessionRecord second = store.read("both").orElseThrow();
    assertTrue(store.update("both", first, change(inAMinute(), null, Set.of(), "", "times 2", "cart", "book")));
    assertTrue(store.update("both", second, change(inAMinute(), null, Set.of(), "", "times 3", "seen", "page 7")));
    assertTrue(store.update("both", first, change(inAMinute(), null, Set.of("shared"), "", "times 4")));
    assertEquals(Map.of("", "times 4", "cart", "book", "seen", "page 7"), texts(store.read("both").orElseThrow()));
  }

  @Test
  void anUpdateNeverBringsBackADeletedSession() {
    SessionStore store = store();
    store.write("ended", record("", "times 1", "user", "ann"), inAMinute(), "ann");
    SessionRecord basis = store.read("ended").orElseThrow();
    store.delete("ended", "ann");
    assertFalse(store.update("ended", basis, change(inAMinute(), "ann", Set.of(), "", "times 2", "late", "x")));
    assertEquals(Optional.empty(), store.read("ended"));
    if (indexesByUser()) {
      assertEquals(Map.of(), store.principalIndex().orElseThrow().find("ann"));
    }
  }

  @Test
  void anUpdateNeverBringsBackAnExpiredSession() throws InterruptedException {
    SessionStore store = store();
    store.write("expiring", record("", "times 1"), now().plusMillis(1_000), null);
    SessionRecord basis = store.read("expiring").orElseThrow();
    pass(java.time.Duration.ofMillis(2_100)); // memcached counts in whole seconds
    assertFalse(store.update("expiring", basis, change(inAMinute(), null, Set.of(), "", "times 2")));
    assertEquals(Optional.empty(), store.read("expiring"));
  }

  @Test
  void parallelUpdatesOfDifferentEntriesAllLand() throws Exception {
    SessionStore store = store();
    store.write("busy", record("", "times 0"), inAMinute(), null);
    int threads = 4;
    int rounds = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String name = "thread" + t;
        done.add(pool.submit(() -> {
          for (int round = 1; round <= rounds; round++) {
            SessionRecord basis = store.read("busy").orElseThrow();
            assertTrue(store.update("busy", basis, change(inAMinute(), null, Set.of(), "", "times", name,
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
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("", "times");
    for (int t = 0; t < threads; t++) {
      expected.put("thread" + t, Integer.toString(rounds));
    }
    assertEquals(expected, texts(store.read("busy").orElseThrow()));
  }

  @Test
  void findsTheLiveSessionsOfAUserAndNeverOneThatEnded() throws InterruptedException {
    SessionStore store = store();
    if (!indexesByUser()) {
      assertEquals(Optional.empty(), store.principalIndex());
      return;
    }
    PrincipalIndex index = store.principalIndex().orElseThrow();
    store.write("kept", record("one"), now().plusSeconds(60), "ann");
    store.write("deleted", record("two"), now().plusSeconds(60), "ann");
    store.write("expires", record("three"), now().plusMillis(1_000), "ann");
    store.write("other", record("four"), now().plusSeconds(60), "bob");
    store.write("nobodys", record("five"), now().plusSeconds(60), null);
    store.write("logsIn", record("six"), now().plusSeconds(60), null);
    SessionRecord anonymous = store.read("logsIn").orElseThrow();
    assertTrue(store.update("logsIn", anonymous, change(now().plusSeconds(60), "bob", Set.of(), "", "seven")));
    store.delete("deleted", "ann");
    pass(java.time.Duration.ofMillis(1_200));
    assertEquals(Set.of("kept"), index.find("ann").keySet());
    assertEquals("one", text(Optional.of(index.find("ann").get("kept"))));
    assertEquals(Set.of("other", "logsIn"), index.find("bob").keySet());
    assertEquals("seven", text(Optional.of(index.find("bob").get("logsIn"))));
    assertEquals(Map.of(), index.find("nobody"));
  }

  @Test
  void keepsEveryByteValue() {
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    store().write("binary", SessionRecord.of(Map.of("", data, "näme ✓", data)), inAMinute(), null);
    SessionRecord read = store().read("binary").orElseThrow();
    assertArrayEquals(data, read.entries().get(""));
    assertArrayEquals(data, read.entries().get("näme ✓"));
  }
}
