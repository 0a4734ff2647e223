package dev.sessionconfig.memcached;

import static dev.sessionconfig.memcached.TestData.ID_LENGTH;
import static dev.sessionconfig.memcached.TestData.eventually;
import static dev.sessionconfig.memcached.TestData.id;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.memcached.TestData.keys;
import static dev.sessionconfig.memcached.TestData.stat;
import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import dev.sessionconfig.testing.MemcachedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SESSION_MEMCACHED with two servers: each session on one of them, both needed. */
class MemcachedTwoServersTest {
  private static final int SESSIONS = 200;

  @RegisterExtension static final MemcachedServer first = MemcachedServer.create();
  @RegisterExtension static final MemcachedServer second = MemcachedServer.create();

  private MemcachedSessionStore store;

  @BeforeEach
  void open() {
    for (MemcachedServer server : List.of(first, second)) {
      if (!server.isRunning()) {
        server.start();
      }
      server.flushAll();
    }
    store = MemcachedSessionStore.open(List.of(first.address(), second.address()), "s:", ID_LENGTH);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void spreadsSessionsOverBothServersEachOnExactlyOne() {
    for (int i = 0; i < SESSIONS; i++) {
      store.write(id(i), record("data" + i), inAMinute(), null);
    }
    for (int i = 0; i < SESSIONS; i++) {
      assertEquals("data" + i, text(store.read(id(i))));
    }
    Set<String> onFirst = new HashSet<>(keys(first));
    Set<String> onSecond = new HashSet<>(keys(second));
    assertTrue(onFirst.size() > SESSIONS / 5 && onSecond.size() > SESSIONS / 5,
        "both servers hold sessions: " + onFirst.size() + " and " + onSecond.size());
    assertEquals(SESSIONS, onFirst.size() + onSecond.size(), "no session is written twice");
    Set<String> all = new HashSet<>(onFirst);
    all.addAll(onSecond);
    for (int i = 0; i < SESSIONS; i++) {
      assertTrue(all.contains("s:" + id(i)), "s:" + id(i));
    }
  }

  @Test
  void everyOperationIsOneCommandOnOneServer() {
    store.checkAvailable(); // both connections exist: what follows is what a request costs
    store.write(id(1), record("data"), inAMinute(), null);
    MemcachedServer holder = keys(first).contains("s:" + id(1)) ? first : second;
    MemcachedServer other = holder == first ? second : first;

    long[] before = {stat(holder.stats(), "cmd_get"), stat(other.stats(), "cmd_get"),
        stat(holder.stats(), "cmd_set"), stat(other.stats(), "cmd_set")};
    store.read(id(1));
    store.write(id(1), record("more"), inAMinute(), null);
    assertEquals(before[0] + 1, stat(holder.stats(), "cmd_get"));
    assertEquals(before[1], stat(other.stats(), "cmd_get"));
    assertEquals(before[2] + 1, stat(holder.stats(), "cmd_set"));
    assertEquals(before[3], stat(other.stats(), "cmd_set"));

    // A request that changes the session: gets and cas, both on the server that holds it.
    long holderCas = stat(holder.stats(), "cas_hits");
    long otherCas = casCommands(other);
    SessionRecord basis = store.read(id(1)).orElseThrow();
    assertTrue(store.update(id(1), basis, change(inAMinute(), null, Set.of(), "", "changed")));
    assertEquals(before[0] + 2, stat(holder.stats(), "cmd_get"));
    assertEquals(before[1], stat(other.stats(), "cmd_get"));
    assertEquals(before[2] + 2, stat(holder.stats(), "cmd_set"));
    assertEquals(before[3], stat(other.stats(), "cmd_set"));
    assertEquals(holderCas + 1, stat(holder.stats(), "cas_hits"));
    assertEquals(otherCas, casCommands(other));
    assertEquals("changed", text(store.read(id(1))));
  }

  /** Every cas a server answered: those that held, and those it refused. */
  private static long casCommands(MemcachedServer server) {
    Map<String, String> stats = server.stats();
    return stat(stats, "cas_hits") + stat(stats, "cas_misses") + stat(stats, "cas_badval");
  }

  @Test
  void anotherApplicationInstanceListingTheServersInAnotherOrderFindsEverySession() {
    for (int i = 0; i < SESSIONS; i++) {
      store.write(id(i), record("data" + i), inAMinute(), null);
    }
    try (MemcachedSessionStore other = MemcachedSessionStore.open(
        List.of(" " + second.address(), first.address() + " "), "s:", ID_LENGTH)) {
      for (int i = 0; i < SESSIONS; i++) {
        assertEquals("data" + i, text(other.read(id(i))));
      }
      other.delete(id(0));
    }
    assertEquals(Optional.empty(), store.read(id(0)));
  }

  @Test
  void describesItselfByBothAddressesInTheirOrder() {
    assertEquals("memcached at " + first.address() + "," + second.address(), store.description());
  }

  @Test
  void checkAvailableNeedsEveryServerAndNamesTheOneThatIsDown() throws InterruptedException {
    store.checkAvailable();
    List<String> onSecond = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      store.write(id(i), record("data" + i), inAMinute(), null);
    }
    for (String key : keys(second)) {
      onSecond.add(key.substring("s:".length()));
    }
    String onFirst = keys(first).get(0).substring("s:".length());

    second.stop();
    try {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertTrue(e.getMessage().startsWith("memcached at " + second.address() + " is not reachable: "), e.getMessage());
      assertFalse(e.getMessage().contains(first.address()), e.getMessage());

      // The sessions of the first server are served as before; those of the second fail, naming it, and are not
      // silently looked for (or written) on the first server.
      assertTrue(store.read(onFirst).isPresent());
      SessionStoreException read = assertThrows(SessionStoreException.class, () -> store.read(onSecond.get(0)));
      assertTrue(read.getMessage().startsWith("memcached at " + second.address() + " is not reachable: "),
          read.getMessage());
      // One server of two down is not the store down: the circuit in front of it must stay closed for the first's.
      assertFalse(read instanceof StoreUnavailableException, "only this server's sessions are unavailable");
      assertThrows(SessionStoreException.class, () -> store.write(onSecond.get(0), record("moved?"), inAMinute(), null));
      assertFalse(keys(first).contains("s:" + onSecond.get(0)), "the session did not move to the first server");
    } finally {
      second.start();
    }
    assertTrue(eventually(Duration.ofSeconds(3), () -> {
      try {
        store.checkAvailable();
        return true;
      } catch (SessionStoreException e) {
        return false;
      }
    }), "the same store uses the second server again once it is back");
    store.write(onSecond.get(0), record("back"), inAMinute(), null);
    assertEquals("back", text(store.read(onSecond.get(0))));
    // The crawler that lists a server's keys may not see an item the moment it is stored.
    assertTrue(eventually(Duration.ofSeconds(3), () -> keys(second).equals(List.of("s:" + onSecond.get(0)))),
        "only the session written again is on the restarted server: " + keys(second));
  }

  @Test
  void bothServersDownAreBothNamed() {
    int firstPort = MemcachedServer.freePort();
    int secondPort = MemcachedServer.freePort();
    try (MemcachedSessionStore dead = MemcachedSessionStore.open(
        List.of("127.0.0.1:" + firstPort, "127.0.0.1:" + secondPort), "s:", ID_LENGTH)) {
      SessionStoreException e = assertThrows(SessionStoreException.class, dead::checkAvailable);
      assertEquals("memcached at 127.0.0.1:" + firstPort + " is not reachable: Connection refused; memcached at"
          + " 127.0.0.1:" + secondPort + " is not reachable: Connection refused", e.getMessage());
    }
  }
}
