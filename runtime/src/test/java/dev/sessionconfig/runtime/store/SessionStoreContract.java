package dev.sessionconfig.runtime.store;

import static dev.sessionconfig.testing.StoreData.bytes;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.testing.StoreData.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every network store must do with the bytes of a session, whatever holds them. Each backend's store test
 * extends this (through the runtime's test jar) and adds what is particular to its server.
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
    store.write("id1", bytes("{\"user\":\"ada\"}"), inAMinute());
    assertEquals("{\"user\":\"ada\"}", text(store.read("id1")));
    store.delete("id1");
    assertEquals(Optional.empty(), store.read("id1"));
    store.delete("id1"); // deleting what is gone is no error
  }

  @Test
  void readsNothingForAnIdItNeverWrote() {
    assertEquals(Optional.empty(), store().read("unknown"));
  }

  @Test
  void findsTheLiveSessionsOfAUserAndNeverOneThatEnded() throws InterruptedException {
    SessionStore store = store();
    if (!indexesByUser()) {
      assertEquals(Optional.empty(), store.principalIndex());
      return;
    }
    PrincipalIndex index = store.principalIndex().orElseThrow();
    store.write("kept", bytes("one"), now().plusSeconds(60), "ann");
    store.write("deleted", bytes("two"), now().plusSeconds(60), "ann");
    store.write("expires", bytes("three"), now().plusMillis(1_000), "ann");
    store.write("other", bytes("four"), now().plusSeconds(60), "bob");
    store.write("nobody's", bytes("five"), now().plusSeconds(60), null);
    store.delete("deleted", "ann");
    pass(java.time.Duration.ofMillis(1_200));
    assertEquals(java.util.Set.of("kept"), index.find("ann").keySet());
    assertEquals("one", text(Optional.of(index.find("ann").get("kept"))));
    assertEquals(java.util.Set.of("other"), index.find("bob").keySet());
    assertEquals(java.util.Map.of(), index.find("nobody"));
  }

  @Test
  void keepsEveryByteValue() {
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    store().write("binary", data, inAMinute());
    assertArrayEquals(data, store().read("binary").orElseThrow());
  }
}
