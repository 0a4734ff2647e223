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
  void keepsEveryByteValue() {
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    store().write("binary", data, inAMinute());
    assertArrayEquals(data, store().read("binary").orElseThrow());
  }
}
