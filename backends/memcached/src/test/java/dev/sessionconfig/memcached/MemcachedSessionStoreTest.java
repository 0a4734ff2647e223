package dev.sessionconfig.memcached;

import static dev.sessionconfig.memcached.TestData.ID_LENGTH;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.memcached.TestData.keys;
import static dev.sessionconfig.memcached.TestData.eventually;
import static dev.sessionconfig.memcached.TestData.rawGet;
import static dev.sessionconfig.memcached.TestData.rawItem;
import static dev.sessionconfig.memcached.TestData.rawValue;
import static dev.sessionconfig.memcached.TestData.remainingTtl;
import static dev.sessionconfig.memcached.TestData.stat;
import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreContract;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.TestRecords;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
import dev.sessionconfig.testing.MemcachedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemcachedSessionStoreTest extends SessionStoreContract {
  private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();
  /** What a record adds to its one metadata entry: format, entry count, name length, entry length. */
  private static final int RECORD_OVERHEAD = SessionRecord.of(Map.of(SessionRecord.METADATA, new byte[0])).toBytes().length;

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
    store.write("id1", record("old"), Instant.now().plusSeconds(5), null);
    store.write("id1", record("new"), Instant.now().plusSeconds(3600), null);
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
    SessionRecord binary = SessionRecord.of(Map.of(SessionRecord.METADATA, data, "attribute\r\nEND", data));
    store.write("binary", binary, inAMinute(), null);
    assertArrayEquals(data, store.read("binary").orElseThrow().entries().get(SessionRecord.METADATA));
    assertArrayEquals(data, store.read("binary").orElseThrow().entries().get("attribute\r\nEND"));
    assertArrayEquals(binary.toBytes(), rawValue(memcached, "app:session:binary").orElseThrow());
    store.write("empty", SessionRecord.of(Map.of(SessionRecord.METADATA, new byte[0])), inAMinute(), null);
    assertArrayEquals(new byte[0], store.read("empty").orElseThrow().entries().get(SessionRecord.METADATA));
    store.write("none", SessionRecord.of(Map.of()), inAMinute(), null);
    assertEquals(Map.of(), store.read("none").orElseThrow().entries());
  }

  @Test
  void storesOneItemAtPrefixPlusIdHoldingTheRecordsBytesAsTheyAre() {
    SessionRecord written = record("", "data", "cart", "3 items");
    store.write("abc", written, Instant.now().plusSeconds(60), null);
    // A raw text-protocol get, over a socket of the test's own: flags 0, the record's bytes unchanged.
    assertEquals(rawItem("app:session:abc", written), rawGet(memcached, "app:session:abc"));
    assertArrayEquals(written.toBytes(), rawValue(memcached, "app:session:abc").orElseThrow());
    assertEquals(List.of("END"), rawGet(memcached, "abc"));
    assertEquals(List.of("app:session:abc"), keys(memcached), "one item, nothing else");
    long ttl = remainingTtl(memcached, "app:session:abc").orElseThrow();
    assertTrue(ttl >= 58 && ttl <= 61, "TTL " + ttl); // + 1: see secondsUntil
  }

  @Test
  void memcachedDropsAnItemWhenItExpires() throws InterruptedException {
    store.write("short", record("data"), Instant.now().plusSeconds(1), null);
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
    store.write("long", record("data"), Instant.now().plusSeconds(lifetime), null);
    Thread.sleep(1_100); // past memcached's next tick: an item expired at once would be gone now
    assertEquals("data", text(store.read("long")));
    assertEquals(rawItem("app:session:long", record("data")), rawGet(memcached, "app:session:long"));
    long ttl = remainingTtl(memcached, "app:session:long").orElseThrow();
    assertTrue(ttl > lifetime - 10 && ttl <= lifetime + 2, "TTL " + ttl + ", expected about " + lifetime);
  }

  @Test
  void theExpiryIsRightOnBothSidesOfThirtyDays() {
    for (long lifetime : new long[] {THIRTY_DAYS - 1, THIRTY_DAYS, THIRTY_DAYS + 1, Duration.ofDays(400).toSeconds()}) {
      store.write("edge", record("data"), Instant.now().plusSeconds(lifetime), null);
      long ttl = remainingTtl(memcached, "app:session:edge").orElseThrow();
      // + 2: the store's extra second (secondsUntil), and beyond 30 days the expiry is a Unix time, and
      // memcached's own clock can lag up to a second behind.
      assertTrue(ttl > lifetime - 10 && ttl <= lifetime + 2, "lifetime " + lifetime + ": TTL " + ttl);
    }
  }

  @Test
  void writingAnExpiredEntryRemovesIt() {
    store.write("gone", record("data"), inAMinute(), null);
    store.write("gone", record("data"), Instant.now().minusSeconds(1), null);
    assertEquals(Optional.empty(), store.read("gone"));
    assertEquals(List.of("END"), rawGet(memcached, "app:session:gone"));
    store.write("never", record("data"), Instant.now(), null); // expires now: not stored, and not stored forever
    assertEquals(List.of("END"), rawGet(memcached, "app:session:never"));
  }

  @Test
  void everyOperationIsOneCommand() {
    store.checkAvailable(); // the connection exists: what follows is what a request costs
    store.write("id1", record("data"), inAMinute(), null);

    assertEquals(Map.of("cmd_get", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("cmd_get", 1L), commandsOf(() -> store.read("unknown")));
    assertEquals(Map.of("cmd_set", 1L), commandsOf(() -> store.write("id1", record("more"), inAMinute(), null)));
    assertEquals(Map.of("delete", 1L), commandsOf(() -> store.delete("id1")));
    assertEquals(Map.of("delete", 1L), commandsOf(() -> store.write("id1", record("x"), Instant.now(), null)));
    store.write("id1", record("data"), inAMinute(), null);
    SessionRecord basis = store.read("id1").orElseThrow();
    assertEquals(Map.of("cas_hits", 1L, "cmd_set", 1L),
        commandsOf(() -> assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "more")))));
    SessionRecord now = store.read("id1").orElseThrow();
    assertEquals(Map.of("delete", 1L),
        commandsOf(() -> assertFalse(store.update("id1", now, change(Instant.now(), null, Set.of(), "", "x")))));
  }

  @Test
  void aReadOnlyRequestCostsOneCommandAndAModifyingOneTwo() {
    store.write("id1", record("1"), inAMinute(), null);
    assertEquals(Map.of("cmd_get", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("cmd_get", 1L, "cmd_set", 1L), commandsOf(() -> {
      store.read("id1");
      store.write("id1", record("2"), inAMinute(), null);
    }));
    // What a request that changed the session does: gets, then cas.
    assertEquals(Map.of("cmd_get", 1L, "cmd_set", 1L, "cas_hits", 1L), commandsOf(() -> {
      SessionRecord basis = store.read("id1").orElseThrow();
      assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "3", "cart", "book")));
    }));
    assertEquals(Map.of("", "3", "cart", "book"), texts(store.read("id1").orElseThrow()));
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
    assertThrows(IllegalArgumentException.class, () -> store.write(null, record("x"), inAMinute(), null));
    assertThrows(IllegalArgumentException.class,
        () -> store.update("x/y", record("x"), change(inAMinute(), null, Set.of(), "", "y")));
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
    // Sizes are of the whole record: an entry of size - RECORD_OVERHEAD bytes makes a record of size bytes.
    for (int size : new int[] {2 * 1024 * 1024, 1024 * 1024, 1024 * 1024 - 20}) {
      SessionRecord huge = SessionRecord.of(Map.of(SessionRecord.METADATA, new byte[size - RECORD_OVERHEAD]));
      assertEquals(size, huge.toBytes().length);
      SessionStoreException e = assertThrows(SessionStoreException.class, () -> store.write("big", huge, inAMinute(), null));
      assertEquals("memcached at 127.0.0.1:" + memcached.port() + " could not write a session: its " + size
          + " bytes exceed the largest item memcached stores (1 MB unless the server runs with -I)", e.getMessage());
      store.write("small", record("fine"), inAMinute(), null);
      assertEquals("fine", text(store.read("small")));
    }
  }

  @Test
  void anUpdateTooLargeForMemcachedFailsThatUpdateOnlyAndLeavesTheSessionAsItWas() {
    store.write("growing", record("", "times 1", "cart", "book"), inAMinute(), null);
    for (int size : new int[] {2 * 1024 * 1024, 1024 * 1024, 1024 * 1024 - 20}) {
      SessionRecord basis = store.read("growing").orElseThrow();
      // The record after the change: the basis, its metadata replaced, plus an entry "huge" of the rest.
      int entryBytes = size - basis.apply(change(inAMinute(), null, Set.of(), "", "times 2", "huge", "")).toBytes().length;
      SessionChange change = new SessionChange(Map.of(SessionRecord.METADATA, TestRecords.utf8("times 2"), "huge",
          new byte[entryBytes]), Set.of(), inAMinute(), null);
      assertEquals(size, basis.apply(change).toBytes().length);
      SessionStoreException e = assertThrows(SessionStoreException.class, () -> store.update("growing", basis, change));
      assertEquals("memcached at 127.0.0.1:" + memcached.port() + " could not write a session: its " + size
          + " bytes exceed the largest item memcached stores (1 MB unless the server runs with -I)", e.getMessage());
      assertEquals(Map.of("", "times 1", "cart", "book"), texts(store.read("growing").orElseThrow()));
    }
  }

  @Test
  void anUpdateFromAStaleReadCostsOneMoreGetsAndCasAndKeepsBothChanges() {
    store.checkAvailable(); // the connection exists: what follows is what a request costs
    store.write("shared", record("", "times 1", "kept", "k"), inAMinute(), null);
    SessionRecord first = store.read("shared").orElseThrow();
    SessionRecord second = store.read("shared").orElseThrow();
    assertEquals(first.version(), second.version());

    // Uncontended: one cas, which holds; nothing read.
    assertEquals(Map.of("cmd_set", 1L, "cas_hits", 1L), commandsOf(() ->
        assertTrue(store.update("shared", first, change(inAMinute(), null, Set.of(), "", "times 2", "cart", "book")))));
    // From a read that is stale now: the cas is refused (EXISTS), the session read again (one gets), the change
    // applied to it and written by a second cas, which holds.
    assertEquals(Map.of("cmd_set", 2L, "cas_badval", 1L, "cas_hits", 1L, "cmd_get", 1L), commandsOf(() ->
        assertTrue(store.update("shared", second, change(inAMinute(), null, Set.of("kept"), "", "times 3", "seen",
            "page 7")))));
    assertEquals(Map.of("", "times 3", "cart", "book", "seen", "page 7"), texts(store.read("shared").orElseThrow()));
    // Both written by cas over the version read: a raw get shows exactly the merged record.
    SessionRecord stored = store.read("shared").orElseThrow();
    assertArrayEquals(stored.toBytes(), rawValue(memcached, "app:session:shared").orElseThrow());
  }

  @Test
  void anUpdateOfADeletedSessionCostsOneCasAndOneGetsAndWritesNothing() {
    store.checkAvailable();
    store.write("ended", record("", "times 1"), inAMinute(), null);
    SessionRecord basis = store.read("ended").orElseThrow();
    store.delete("ended");
    assertEquals(Map.of("cmd_set", 1L, "cas_misses", 1L, "cmd_get", 1L), commandsOf(() ->
        assertFalse(store.update("ended", basis, change(inAMinute(), null, Set.of(), "", "times 2")))));
    assertEquals(List.of("END"), rawGet(memcached, "app:session:ended"));
    assertEquals(List.of(), keys(memcached));
  }

  @Test
  void aBasisWithoutAVersionIsReadAgainRatherThanWrittenOver() {
    // A record that was not read from memcached (version 0): its cas is refused, the session read and merged.
    store.write("fresh", record("", "times 1", "kept", "k"), inAMinute(), null);
    SessionRecord unread = record("", "times 1");
    assertEquals(0, unread.version());
    assertEquals(Map.of("cmd_set", 2L, "cas_badval", 1L, "cas_hits", 1L, "cmd_get", 1L), commandsOf(() ->
        assertTrue(store.update("fresh", unread, change(inAMinute(), null, Set.of(), "", "times 2", "cart", "book")))));
    assertEquals(Map.of("", "times 2", "kept", "k", "cart", "book"), texts(store.read("fresh").orElseThrow()));
  }

  @Test
  void anUpdateMovesTheExpiryOnBothSidesOfThirtyDays() {
    for (long lifetime : new long[] {60, THIRTY_DAYS - 1, THIRTY_DAYS + 1, Duration.ofDays(400).toSeconds()}) {
      store.write("moving", record("", "times 1"), Instant.now().plusSeconds(5), null);
      SessionRecord basis = store.read("moving").orElseThrow();
      assertTrue(store.update("moving", basis,
          change(Instant.now().plusSeconds(lifetime), null, Set.of(), "", "times 2")));
      long ttl = remainingTtl(memcached, "app:session:moving").orElseThrow();
      assertTrue(ttl > lifetime - 10 && ttl <= lifetime + 2, "lifetime " + lifetime + ": TTL " + ttl);
      assertEquals("times 2", text(store.read("moving")));
    }
  }

  @Test
  void anUpdateWhoseExpiryHasPassedEndsTheSession() {
    store.write("ending", record("", "times 1"), inAMinute(), null);
    SessionRecord basis = store.read("ending").orElseThrow();
    assertFalse(store.update("ending", basis, change(Instant.now().minusSeconds(1), null, Set.of(), "", "times 2")));
    assertEquals(Optional.empty(), store.read("ending"));
    assertEquals(List.of("END"), rawGet(memcached, "app:session:ending"));
    store.write("now", record("", "times 1"), inAMinute(), null);
    SessionRecord now = store.read("now").orElseThrow();
    assertFalse(store.update("now", now, change(Instant.now(), null, Set.of(), "", "times 2")));
    assertEquals(List.of("END"), rawGet(memcached, "app:session:now"), "not kept, and not kept forever");
  }

  @Test
  void whatIsNotASessionRecordIsReportedAsUnreadable() {
    assertEquals(List.of("STORED"), memcached.command("set app:session:garbage 0 60 4\r\njunk"));
    assertThrows(UnreadableRecordException.class, () -> store.read("garbage"));
    assertThrows(UnreadableRecordException.class,
        () -> store.update("garbage", record("", "times 1"), change(inAMinute(), null, Set.of(), "", "times 2")));
    assertEquals(List.of("VALUE app:session:garbage 0 4", "junk", "END"), rawGet(memcached, "app:session:garbage"),
        "left as it was");
  }

  @Test
  void aServerWithoutCasValuesFailsUpdatesSayingSo() throws Exception {
    int port = MemcachedServer.freePort();
    List<String> command = new java.util.ArrayList<>(List.of(memcachedBinary(), "-C", "-l", "127.0.0.1", "-p",
        String.valueOf(port), "-U", "0"));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "root"));
    }
    Process noCas = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (MemcachedSessionStore plain = MemcachedSessionStore.open(List.of("127.0.0.1:" + port), "s:", ID_LENGTH)) {
      assertTrue(eventually(Duration.ofSeconds(5), () -> {
        try {
          plain.checkAvailable();
          return true;
        } catch (SessionStoreException e) {
          return false;
        }
      }), "memcached -C on port " + port + " started");
      plain.write("id1", record("", "times 1"), inAMinute(), null);
      SessionRecord basis = plain.read("id1").orElseThrow();
      assertEquals(0, basis.version(), "memcached -C answers gets with a CAS value of 0");
      SessionStoreException e = assertThrows(SessionStoreException.class,
          () -> plain.update("id1", basis, change(inAMinute(), null, Set.of(), "", "times 2")));
      assertEquals("memcached at 127.0.0.1:" + port + " could not write a session: the server keeps no CAS values"
          + " (it runs with -C), which the store needs to merge the changes of parallel requests; start memcached"
          + " without -C", e.getMessage());
      assertEquals("times 1", text(plain.read("id1")));
    } finally {
      noCas.destroyForcibly().waitFor();
    }
  }

  /** The memcached binary the test servers run (MemcachedServer's own choice, from its log-free command line). */
  private static String memcachedBinary() {
    String configured = System.getProperty("memcached", System.getenv("MEMCACHED"));
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/memcached")) ? "/usr/bin/memcached"
        : "memcached";
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
   * {@code cmd_get} (get and gets), {@code cmd_set} (set and cas), {@code cmd_touch}, of deletes
   * ({@code delete_hits + delete_misses}) and of cas outcomes ({@code cas_hits}; {@code cas_badval}: the item
   * changed since; {@code cas_misses}: there was none).
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
        "cmd_touch", stat(stats, "cmd_touch"), "delete", stat(stats, "delete_hits") + stat(stats, "delete_misses"),
        "cas_hits", stat(stats, "cas_hits"), "cas_misses", stat(stats, "cas_misses"),
        "cas_badval", stat(stats, "cas_badval"));
  }
}
