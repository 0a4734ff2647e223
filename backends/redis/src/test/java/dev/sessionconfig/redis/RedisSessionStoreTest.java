package dev.sessionconfig.redis;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static dev.sessionconfig.runtime.store.TestRecords.utf8;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreContract;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
import dev.sessionconfig.testing.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

class RedisSessionStoreTest extends SessionStoreContract {
  @RegisterExtension static final RedisServer redis = RedisServer.create();

  private RedisSessionStore store;
  private Jedis client;

  @BeforeEach
  void open() {
    client = redis.client();
    client.flushAll();
    store = RedisSessionStore.open(redis.url(""), "app:session:", null);
  }

  @Override
  protected RedisSessionStore store() {
    return store;
  }

  @AfterEach
  void closeStore() {
    store.close();
    client.close();
  }

  @Test
  void aWriteReplacesDataAndExpiry() {
    store.write("id1", record("", "old", "cart", "3 items"), Instant.now().plusSeconds(5), null);
    store.write("id1", record("new"), Instant.now().plusSeconds(3600), null);
    assertEquals(Map.of("", "new"), texts(store.read("id1").orElseThrow()), "no entry of the old session is left");
    assertTrue(client.pttl("app:session:id1") > 3_500_000);
  }

  @Test
  void storesOneHashAtPrefixPlusIdWithTheExpiryAsTtl() {
    store.write("abc", record("", "data", "cart", "3 items"), Instant.now().plusSeconds(60), null);
    assertEquals(Set.of("app:session:abc"), client.keys("*"));
    assertEquals("hash", client.type("app:session:abc"));
    assertEquals(Map.of("", "data", "cart", "3 items"), client.hgetAll("app:session:abc"));
    long ttl = client.pttl("app:session:abc");
    assertTrue(ttl > 58_000 && ttl <= 60_000, "PTTL " + ttl);
  }

  @Test
  void anUpdateSetsAndDeletesFieldsAndTheTtl() {
    store.write("abc", record("", "data", "cart", "3 items", "seen", "page 1"), Instant.now().plusSeconds(60), null);
    SessionRecord basis = store.read("abc").orElseThrow();
    assertTrue(store.update("abc", basis, change(Instant.now().plusSeconds(3600), null, Set.of("cart"), "",
        "data 2", "seen", "page 2")));
    assertEquals(Map.of("", "data 2", "seen", "page 2"), client.hgetAll("app:session:abc"));
    assertTrue(client.pttl("app:session:abc") > 3_500_000);
  }

  @Test
  void redisDropsAnEntryWhenItExpires() throws InterruptedException {
    Instant expiresAt = Instant.now().plusSeconds(1);
    store.write("short", record("data"), expiresAt, null);
    assertTrue(store.read("short").isPresent());
    Thread.sleep(Duration.between(Instant.now(), expiresAt).toMillis() + 100);
    assertEquals(Optional.empty(), store.read("short"));
    assertFalse(client.exists("app:session:short"), "Redis itself removed the key");
  }

  @Test
  void writingAnExpiredEntryRemovesIt() {
    store.write("gone", record("data"), inAMinute(), null);
    store.write("gone", record("data"), Instant.now().minusSeconds(1), null);
    assertEquals(Optional.empty(), store.read("gone"));
    assertFalse(client.exists("app:session:gone"));
  }

  @Test
  void anUpdateThatEndsTheSessionRemovesItAndItsIndexEntry() {
    store.write("ending", record("data"), inAMinute(), "ann");
    SessionRecord basis = store.read("ending").orElseThrow();
    assertFalse(store.update("ending", basis, change(Instant.now().minusSeconds(1), "ann", Set.of(), "", "x")));
    assertEquals(Optional.empty(), store.read("ending"));
    assertFalse(client.exists("app:session:ending"));
    assertEquals(Set.of(), client.smembers("app:session:index:ann"));
  }

  @Test
  void theIndexOfAUserLastsAsLongAsTheirLongestSession() {
    store.write("first", record("data"), inAMinute(), "ann");
    SessionRecord basis = store.read("first").orElseThrow();
    assertTrue(store.update("first", basis, change(Instant.now().plusSeconds(3600), "ann", Set.of(), "", "x")));
    assertTrue(client.pttl("app:session:index:ann") > 3_500_000, "the update extended the index's TTL");
    store.write("second", record("data"), inAMinute(), "ann");
    assertTrue(client.pttl("app:session:index:ann") > 3_500_000, "a shorter session does not shorten it");
    assertEquals(Set.of("first", "second"), client.smembers("app:session:index:ann"));
  }

  /** More fields than Lua's unpack can pass to one command: the scripts send them in parts. */
  @Test
  void writesAndUpdatesSessionsOfThousandsOfEntries() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 9_000; i++) {
      entries.put(i == 0 ? "" : "attribute" + i, utf8("value" + i));
    }
    store.write("big", SessionRecord.of(entries), inAMinute(), "ann");
    SessionRecord basis = store.read("big").orElseThrow();
    assertEquals(SessionRecord.of(entries), basis);

    Map<String, byte[]> written = new LinkedHashMap<>();
    for (int i = 0; i < 9_000; i += 2) {
      written.put(i == 0 ? "" : "attribute" + i, utf8("changed" + i));
    }
    Set<String> removed = new LinkedHashSet<>();
    for (int i = 1; i < 9_000; i += 4) {
      removed.add("attribute" + i);
    }
    SessionChange change = new SessionChange(written, removed, inAMinute(), "ann");
    assertTrue(store.update("big", basis, change));
    assertEquals(basis.apply(change), store.read("big").orElseThrow());
    assertEquals(6_750L, client.hlen("app:session:big"));
  }

  @Test
  void everyOperationIsOneCommand() {
    store.checkAvailable(); // the pooled connection exists: what follows is what a request costs
    store.write("warm", record("data"), inAMinute(), null);
    store.update("warm", record("data"), change(inAMinute(), null, Set.of(), "", "data"));
    store.delete("warm", "ann"); // Redis knows every script now
    store.write("id1", record("data"), inAMinute(), null);
    SessionRecord basis = store.read("id1").orElseThrow();

    // Commands that a script runs are counted by Redis too, apart from the EVALSHA that ran it: the script is the
    // one command sent.
    assertEquals(Map.of("hgetall", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("hgetall", 1L), commandsOf(() -> store.read("unknown")));
    assertEquals(Map.of("evalsha", 1L, "del", 1L, "hset", 1L, "pexpire", 1L),
        commandsOf(() -> store.write("id1", record("more"), inAMinute(), null)));
    // PEXPIRE twice: the session, and the index that this SADD created.
    assertEquals(Map.of("evalsha", 1L, "type", 1L, "hset", 1L, "hdel", 1L, "pexpire", 2L, "sadd", 1L, "pttl", 1L),
        commandsOf(() -> store.update("id1", basis, change(inAMinute(), "ann", Set.of("cart"), "", "data 2"))));
    assertEquals(Map.of("evalsha", 1L, "type", 1L),
        commandsOf(() -> store.update("unknown", basis, change(inAMinute(), null, Set.of(), "", "data 2"))));
    assertEquals(Map.of("del", 1L), commandsOf(() -> store.delete("id1")));
    assertEquals(Map.of("evalsha", 1L, "del", 1L, "srem", 1L), commandsOf(() -> store.delete("id1", "ann")));
  }

  @Test
  void aReadOnlyRequestCostsOneCommandAndAModifyingOneTwo() {
    store.write("id1", record("1"), inAMinute(), null);
    SessionRecord warmUp = store.read("id1").orElseThrow();
    store.update("id1", warmUp, change(inAMinute(), null, Set.of(), "", "1")); // Redis knows the script now

    assertEquals(Map.of("hgetall", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("hgetall", 1L, "evalsha", 1L, "type", 1L, "hset", 1L, "pexpire", 1L), commandsOf(() -> {
      SessionRecord basis = store.read("id1").orElseThrow();
      assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "2")));
    }), "the read, and one script that Redis runs (TYPE, HSET, PEXPIRE)");
  }

  @Test
  void findingTheSessionsOfAUserIsOneCommand() {
    store.write("a", record("1"), inAMinute(), "ann");
    store.write("b", record("2"), inAMinute(), "ann");
    store.principalIndex().orElseThrow().find("ann"); // Redis knows the script now
    assertEquals(Map.of("evalsha", 1L, "smembers", 1L, "hgetall", 2L),
        commandsOf(() -> assertEquals(Set.of("a", "b"), store.principalIndex().orElseThrow().find("ann").keySet())));
  }

  @Test
  void aScriptRedisForgotIsSentAgain() {
    store.write("id1", record("", "1", "cart", "book"), inAMinute(), "ann");
    SessionRecord basis = store.read("id1").orElseThrow();
    client.scriptFlush(); // as a restart or a failover does

    assertEquals(Map.of("evalsha", 1L, "eval", 1L, "type", 1L, "hset", 1L, "pexpire", 1L),
        commandsOf(() -> assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "2")))),
        "EVALSHA answered NOSCRIPT, then EVAL ran the script");
    assertEquals(Map.of("", "2", "cart", "book"), texts(store.read("id1").orElseThrow()));
    assertEquals(Map.of("evalsha", 1L, "type", 1L, "hset", 1L, "pexpire", 1L),
        commandsOf(() -> assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "3")))),
        "EVAL left the script in Redis's cache");

    client.scriptFlush();
    store.write("id2", record("new"), inAMinute(), "ann");
    client.scriptFlush();
    store.delete("id2", "ann");
    client.scriptFlush();
    assertEquals(Set.of("id1"), store.principalIndex().orElseThrow().find("ann").keySet());
    assertEquals(Optional.empty(), store.read("id2"));
  }

  /** What the store kept before it kept a hash per session: one string, the record's bytes. */
  @Test
  void readsAndConvertsASessionStoredAsOneValue() {
    SessionRecord old = record("", "times", "cart", "book", "seen", "page 1");
    client.psetex(utf8("app:session:old"), 60_000, old.toBytes());
    client.sadd("app:session:index:ann", "old");

    assertEquals(old, store.read("old").orElseThrow());
    assertEquals(Map.of("old", old), store.principalIndex().orElseThrow().find("ann"));

    SessionChange change = change(Instant.now().plusSeconds(3600), "ann", Set.of("seen"), "", "times 2");
    assertTrue(store.update("old", old, change));
    assertEquals("hash", client.type("app:session:old"));
    assertEquals(Map.of("", "times 2", "cart", "book"), client.hgetAll("app:session:old"));
    assertTrue(client.pttl("app:session:old") > 3_500_000);
    assertEquals(Map.of("", "times 2", "cart", "book"), texts(store.read("old").orElseThrow()));
  }

  @Test
  void aValueThatIsNoSessionRecordIsUnreadableNotAnOutage() {
    client.set("app:session:junk", "not a session record");
    client.sadd("app:session:index:ann", "junk");
    store.write("good", record("data"), inAMinute(), "ann");

    assertThrows(UnreadableRecordException.class, () -> store.read("junk"));
    assertEquals(Set.of("good"), store.principalIndex().orElseThrow().find("ann").keySet(), "left out");
    store.write("junk", record("replaced"), inAMinute(), null);
    assertEquals("replaced", text(store.read("junk")));
  }

  @Test
  void describesItselfByAddress() {
    assertEquals("redis at 127.0.0.1:" + redis.port() + "/0", store.description());
    store.checkAvailable();
  }

  /**
   * The commands the store sent while {@code operation} ran, counted by Redis ({@code INFO commandstats}),
   * without the test's own INFO and CONFIG RESETSTAT and the pool's PING of idle connections, which runs on
   * its own schedule and not per request.
   */
  private Map<String, Long> commandsOf(Runnable operation) {
    client.configResetStat();
    operation.run();
    Map<String, Long> calls = new TreeMap<>();
    for (String line : client.info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String command = line.substring("cmdstat_".length(), line.indexOf(':'));
        long count = Long.parseLong(line.replaceFirst("^[^:]*:calls=(\\d+).*", "$1"));
        if (!command.equals("info") && !command.startsWith("config") && !command.equals("ping")) {
          calls.put(command, count);
        }
      }
    }
    return calls;
  }

}
