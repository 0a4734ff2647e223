package dev.sessionconfig.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/** A master, a replica and three sentinels on loopback; the master is killed while requests run. */
@Timeout(60)
class RedisSentinelFailoverTest {
  private static final String MASTER_NAME = "sessions";

  private final RedisServer master = RedisServer.create();
  private final RedisServer replica = RedisServer.create().replicaOf(master);
  private final List<RedisServer> sentinels = new ArrayList<>();
  private RedisSessionStore store;

  @BeforeEach
  void start() throws InterruptedException {
    master.start();
    replica.start();
    for (int i = 0; i < 3; i++) {
      sentinels.add(RedisServer.create().sentinelOf(MASTER_NAME, master).start());
    }
    awaitReady();
    StringBuilder url = new StringBuilder("redis-sentinel://");
    for (RedisServer sentinel : sentinels) {
      url.append(url.length() > 17 ? "," : "").append("127.0.0.1:").append(sentinel.port());
    }
    store = RedisSessionStore.open(url + "/0#" + MASTER_NAME, "ha:", null);
  }

  /** The replica in sync, and every sentinel knowing the replica and the two other sentinels: ready to fail over. */
  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      boolean ready;
      try (Jedis replicaClient = replica.client()) {
        ready = replicaClient.info("replication").contains("master_link_status:up");
      }
      for (RedisServer sentinel : sentinels) {
        try (Jedis client = sentinel.client()) {
          Map<String, String> state = client.sentinelMaster(MASTER_NAME);
          ready &= "2".equals(state.get("num-other-sentinels")) && "1".equals(state.get("num-slaves"));
        }
      }
      if (ready) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "the sentinels did not find each other and the replica in 20 s");
      Thread.sleep(100);
    }
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    sentinels.forEach(RedisServer::close);
    replica.close();
    master.close();
  }

  @Test
  void theStoreFollowsAPromotedReplicaAndKeepsEveryCommittedUpdate() throws Exception {
    Set<String> expired = ConcurrentHashMap.newKeySet();
    assertTrue(store.reportExpiries((id, attributes) -> expired.add(id)).isPresent());
    assertEquals("redis at master sessions of sentinels 127.0.0.1:" + sentinels.get(0).port() + ",127.0.0.1:"
        + sentinels.get(1).port() + ",127.0.0.1:" + sentinels.get(2).port() + "/0", store.description());
    store.checkAvailable();

    try (FailoverLoad load = new FailoverLoad(store, 4, 10)) {
      load.failOver("Sentinel", () -> {
        try (Jedis client = master.client()) {
          client.set("ha:commit-point", "1");
          assertEquals(1, client.waitReplicas(1, 1_500), "the replica acknowledged the commit point");
        }
      }, master::kill);
    }

    try (Jedis promoted = replica.client()) {
      assertTrue(promoted.info("replication").contains("role:master"), "the replica was promoted");
    }
    store.checkAvailable();
    // The promoted replica was never told about notifications: the store turns them on there and listens.
    FailoverLoad.assertExpiryReported(store, "short", expired);
  }
}
