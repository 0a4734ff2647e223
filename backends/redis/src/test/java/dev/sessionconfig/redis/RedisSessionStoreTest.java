package dev.sessionconfig.redis;

import static dev.sessionconfig.testing.StoreData.bytes;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.testing.StoreData.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionStoreContract;
import dev.sessionconfig.testing.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
    store.write("id1", bytes("old"), Instant.now().plusSeconds(5));
    store.write("id1", bytes("new"), Instant.now().plusSeconds(3600));
    assertEquals("new", text(store.read("id1")));
    assertTrue(client.pttl("app:session:id1") > 3_500_000);
  }

  @Test
  void storesOneKeyAtPrefixPlusIdWithTheExpiryAsTtl() {
    store.write("abc", bytes("data"), Instant.now().plusSeconds(60));
    assertEquals(java.util.Set.of("app:session:abc"), client.keys("*"));
    assertEquals("string", client.type("app:session:abc"));
    assertEquals("data", client.get("app:session:abc"));
    long ttl = client.pttl("app:session:abc");
    assertTrue(ttl > 58_000 && ttl <= 60_000, "PTTL " + ttl);
  }

  @Test
  void redisDropsAnEntryWhenItExpires() throws InterruptedException {
    Instant expiresAt = Instant.now().plusSeconds(1);
    store.write("short", bytes("data"), expiresAt);
    assertTrue(store.read("short").isPresent());
    Thread.sleep(Duration.between(Instant.now(), expiresAt).toMillis() + 100);
    assertEquals(Optional.empty(), store.read("short"));
    assertFalse(client.exists("app:session:short"), "Redis itself removed the key");
  }

  @Test
  void writingAnExpiredEntryRemovesIt() {
    store.write("gone", bytes("data"), inAMinute());
    store.write("gone", bytes("data"), Instant.now().minusSeconds(1));
    assertEquals(Optional.empty(), store.read("gone"));
    assertFalse(client.exists("app:session:gone"));
  }

  @Test
  void everyOperationIsOneCommand() {
    store.checkAvailable(); // the pooled connection exists: what follows is what a request costs
    store.write("id1", bytes("data"), inAMinute());

    assertEquals(Map.of("get", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("get", 1L), commandsOf(() -> store.read("unknown")));
    assertEquals(Map.of("set", 1L), commandsOf(() -> store.write("id1", bytes("more"), inAMinute())));
    assertEquals(Map.of("del", 1L), commandsOf(() -> store.delete("id1")));
  }

  @Test
  void aReadOnlyRequestCostsOneCommandAndAModifyingOneTwo() {
    store.write("id1", bytes("1"), inAMinute());
    assertEquals(Map.of("get", 1L), commandsOf(() -> store.read("id1")));
    assertEquals(Map.of("get", 1L, "set", 1L), commandsOf(() -> {
      store.read("id1");
      store.write("id1", bytes("2"), inAMinute());
    }));
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
