package dev.sessionconfig.memcached;

import static dev.sessionconfig.memcached.TestData.ID_LENGTH;
import static dev.sessionconfig.testing.StoreData.bytes;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.memcached.TestData.keys;
import static dev.sessionconfig.memcached.TestData.rawGet;
import static dev.sessionconfig.memcached.TestData.remainingTtl;
import static dev.sessionconfig.memcached.TestData.stat;
import static dev.sessionconfig.testing.StoreData.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.SessionStoreContract;
import dev.sessionconfig.testing.MemcachedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemcachedSessionStoreTest extends SessionStoreContract {
  private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

  @RegisterExtension static final MemcachedServer memcached = MemcachedServer.create();

  private MemcachedSessionStore store;

  @Override
  protected boolean indexesByUser() {
    return false; // memcached cannot list its keys
  }

  @BeforeEach
  void open() {
    memcached.flushAll();
    store = MemcachedSessionStore.open(List.of(memcached.address()), "app:session:", ID_LENGTH);
  }

  @Override
  protected MemcachedSessionStore store() {
    return store;
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aWriteReplacesDataAndExpiry() {
    store.write("id1", bytes("old"), Instant.now().plusSeconds(5));
    store.write("id1", bytes("new"), Instant.now().plusSeconds(3600));
    assertEquals("new", text(store.read("id1")));
    long ttl = remainingTtl(memcached, "app:session:id1").orElseThrow();
    assertTrue(ttl > 3590 && ttl <= 3601, "TTL " + ttl); // + 1: see secondsUntil
  }

  @Test
  void keepsTextProtocolBytesAndEmptySessions() {
    byte[] data = new byte[256 * 4];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i; // CR LF, NUL and "END" bytes in the value must not confuse the text protocol
    }
    store.write("binary", data, inAMinute());
    assertArrayEquals(data, store.read("binary").orElseThrow());
    store.write("empty", new byte[0], inAMinute());
    assertArrayEquals(new byte[0], store.read("empty").orElseThrow());
  }

  @Test
  void storesOneItemAtPrefixPlusIdHoldingTheBytesAsTheyAre() {
    store.write("abc", bytes("data"), Instant.now().plusSeconds(60));
    // A raw text-protocol get, over a socket of the test's own: flags 0, the bytes unchanged.
    assertEquals(List.of("VALUE app:session:abc 0 4", "data", "END"), rawGet(memcached, "app:session:abc"));
    assertEquals(List.of("END"), rawGet(memcached, "abc"));
    assertEquals(List.of("app:session:abc"), keys(memcached), "one item, nothing else");
    long ttl = remainingTtl(memcached, "app:session:abc").orElseThrow();
    assertTrue(ttl >= 58 && ttl <= 61, "TTL " + ttl); // + 1: see secondsUntil
  }

  @Test
  void memcachedDropsAnItemWhenItExpires() throws InterruptedException {
    store.write("short", bytes("data"), Instant.now().plusSeconds(1));
    assertTrue(store.read("short").isPresent());
    // memcached's clock ticks once a second: the item is gone within one tick after its expiry.
    Thread.sleep(2_100);
    assertEquals(Optional.empty(), store.read("short"));
    assertEquals(List.of("END"), rawGet(memcached, "app:session:short"), "memcached itself dropped the item");
  }

  @Test
  void anExpiryBeyondThirtyDaysIsSentAsATimestampAndDoesNotExpireAtOnce() throws InterruptedException {
    // Sent as a number of seconds, 31 days would be read as a Unix time in January 1970: expired at once.
    long lifetime = Duration.ofDays(31).toSeconds();
    store.write("long", bytes("data"), Instant.now().plusSeconds(lifetime));
    Thread.sleep(1_100); // past memcached's next tick: an item expired at once would be gone now
    assertEquals("data", text(store.read("long")));
    assertEquals(List.of("VALUE app:session:long 0 4", "data", "END"), rawGet(memcached, "app:session:long"));
    long ttl = remainingTtl(memcached, "app:session:long").orElseThrow();
    assertTrue(ttl > lifetime - 10 && ttl <= lifetime + 2, "TTL " + ttl + ", expected about " + lifetime);
  }

  @Test
  void theExpiryIsRightOnBothSidesOfThirtyDays() {
    for (long lifetime : new long[] {THIRTY_DAYS - 1, THIRTY_DAYS, THIRTY_DAYS + 1, Duration.ofDays(400).toSeconds()}) {
      store.write("edge", bytes("data"), Instant.now().plusSeconds(lifetime));
      long ttl = remainingTtl(memcached, "app:session:edge").orElseThrow();
      // + 2: the store's extra second (secondsUntil), and beyond 30 days the expiry is a Unix time, and
      // memcached's own clock can lag up to a second behind.
      assertTrue(ttl > lifetime - 10 && ttl <= lifetime + 2, "lifetime " + lifetime + ": TTL " + ttl);
    }
  }

  @Test
  void writingAnExpiredEntryRemovesIt() {
    store.write("gone", bytes("data"), inAMinute());
    store.write("gone", bytes("data"), Instant.now().minusSeconds(1));
    assertEquals(Optional.empty(), store.read("gone"));
    assertEquals(List.of("END"), rawGet(memcached, "app:session:gone"));
    store.write("never", bytes("data"), Instant.now()); // expires now: not stored, and not stored forever
    assertEquals(List.of("END"), rawGet(memcached, "app:session:never"));
  }

  @Test
  void everyOperationIsOneCommand() {
    store.checkAvailable(); // the connection exists: what follows is what a request costs
    store.write("id1", bytes("data"), inAMinute());

    assertEquals(Map.of("cmd_get", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("cmd_get", 1L), commandsOf(() -> store.read("unknown")));
    assertEquals(Map.of("cmd_set", 1L), commandsOf(() -> store.write("id1", bytes("more"), inAMinute())));
    assertEquals(Map.of("delete", 1L), commandsOf(() -> store.delete("id1")));
    assertEquals(Map.of("delete", 1L), commandsOf(() -> store.write("id1", bytes("x"), Instant.now())));
  }

  @Test
  void aReadOnlyRequestCostsOneCommandAndAModifyingOneTwo() {
    store.write("id1", bytes("1"), inAMinute());
    assertEquals(Map.of("cmd_get", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("cmd_get", 1L, "cmd_set", 1L), commandsOf(() -> {
      store.read("id1");
      store.write("id1", bytes("2"), inAMinute());
    }));
  }

  @Test
  void describesItselfByAddress() {
    assertEquals("memcached at 127.0.0.1:" + memcached.port(), store.description());
    store.checkAvailable();
  }

  @Test
  void refusesIdsThatAreNoSessionIdsWithoutShowingThem() {
    for (String id : new String[] {"", "has space", "line\r\nbreak", "x/y", "ünïcode", "a".repeat(239)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.read(id));
      assertFalse(!id.isEmpty() && e.getMessage().contains(id), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> store.write(null, bytes("x"), inAMinute()));
    store.read("a".repeat(238)); // 12 + 238 = 250 bytes: the longest key memcached takes
  }

  @Test
  void refusesAtOpeningAPrefixThatMakesNoMemcachedKeys() {
    SessionStoreException space = assertThrows(SessionStoreException.class,
        () -> MemcachedSessionStore.open(List.of(memcached.address()), "my session:", ID_LENGTH));
    assertTrue(space.getMessage().startsWith("SESSION_KEY_PREFIX cannot be used with memcached"), space.getMessage());
    SessionStoreException tooLong = assertThrows(SessionStoreException.class,
        () -> MemcachedSessionStore.open(List.of(memcached.address()), "p".repeat(200), 64));
    assertEquals("SESSION_KEY_PREFIX (200 bytes) plus a session id of 64 random bytes (86 characters) make keys of"
        + " 286 bytes, over memcached's limit of 250; shorten SESSION_KEY_PREFIX or SESSION_ID_LENGTH",
        tooLong.getMessage());
  }

  @Test
  void aSessionTooLargeForMemcachedFailsThatWriteOnly() {
    // Over the client's limit, and under it but over the server's (whose 1 MB includes the item's header and key).
    for (int size : new int[] {2 * 1024 * 1024, 1024 * 1024, 1024 * 1024 - 20}) {
      byte[] huge = new byte[size];
      SessionStoreException e = assertThrows(SessionStoreException.class, () -> store.write("big", huge, inAMinute()));
      assertEquals("memcached at 127.0.0.1:" + memcached.port() + " could not write a session: its " + size
          + " bytes exceed the largest item memcached stores (1 MB unless the server runs with -I)", e.getMessage());
      store.write("small", bytes("fine"), inAMinute());
      assertEquals("fine", text(store.read("small")));
    }
  }

  @Test
  void roundsTheSecondsLeftUp() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(0, MemcachedSessionStore.secondsUntil(now, now));
    assertEquals(0, MemcachedSessionStore.secondsUntil(now, now.minusSeconds(5)));
    // Rounded up, plus the second memcached's once-a-second clock may take off.
    assertEquals(2, MemcachedSessionStore.secondsUntil(now, now.plusMillis(1)));
    assertEquals(2, MemcachedSessionStore.secondsUntil(now, now.plusMillis(1000)));
    assertEquals(3, MemcachedSessionStore.secondsUntil(now, now.plusMillis(1001)));
    assertEquals(THIRTY_DAYS + 2, MemcachedSessionStore.secondsUntil(now, now.plusSeconds(THIRTY_DAYS + 1)));
  }

  /**
   * What the store sent while {@code operation} ran, counted by memcached ({@code stats}): the non-zero changes of
   * {@code cmd_get}, {@code cmd_set}, {@code cmd_touch} and of deletes ({@code delete_hits + delete_misses}).
   */
  private static Map<String, Long> commandsOf(Runnable operation) {
    Map<String, Long> before = counters(memcached.stats());
    operation.run();
    Map<String, Long> after = counters(memcached.stats());
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((name, count) -> {
      if (count - before.get(name) != 0) {
        delta.put(name, count - before.get(name));
      }
    });
    return delta;
  }

  private static Map<String, Long> counters(Map<String, String> stats) {
    return Map.of("cmd_get", stat(stats, "cmd_get"), "cmd_set", stat(stats, "cmd_set"),
        "cmd_touch", stat(stats, "cmd_touch"), "delete", stat(stats, "delete_hits") + stat(stats, "delete_misses"));
  }
}
