package dev.sessionconfig.redis;

import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.testing.RedisServer;
import java.nio.charset.StandardCharsets;
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
import redis.clients.jedis.util.JedisClusterCRC16;

/** Three masters and three replicas in a Redis Cluster on loopback; a master is killed while requests run. */
@Timeout(60)
class RedisClusterFailoverTest {
  private final List<RedisServer> nodes = new ArrayList<>();
  private RedisSessionStore store;

  @BeforeEach
  void start() throws Exception {
    for (int i = 0; i < 6; i++) {
      nodes.add(RedisServer.create().clusterNode(Duration.ofMillis(1_000)).start());
    }
    RedisServer.createCluster(nodes, 1);
    store = RedisSessionStore.open("redis-cluster://127.0.0.1:" + nodes.get(0).port() + ",127.0.0.1:"
        + nodes.get(1).port(), "ha:", null);
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    nodes.forEach(RedisServer::close);
  }

  @Test
  void aUsersSessionsOnSeveralMastersAreWrittenFoundAndDeletedOneSlotAtATime() {
    for (int i = 0; i < 12; i++) {
      store.write("id" + i, record("", "data " + i), FailoverLoad.inAMinute(), "ann");
    }
    assertTrue(masterOf("ha:id0") != masterOf("ha:id1") || masterOf("ha:id0") != masterOf("ha:id2"),
        "the sessions lie on more than one master, the index on one of them");
    Map<String, SessionRecord> found = store.principalIndex().orElseThrow().find("ann");
    assertEquals(12, found.size());
    assertEquals(Map.of("", "data 7"), texts(found.get("id7")));
    store.delete("id3", "ann");
    store.delete("id4"); // gone without its index entry, which the next lookup drops
    assertEquals(10, store.principalIndex().orElseThrow().find("ann").size());
    try (Jedis index = masterOf("ha:index:ann").client()) {
      assertEquals(10, index.scard("ha:index:ann"));
    }
  }

  @Test
  void theStoreFollowsAPromotedReplicaAndKeepsEveryCommittedUpdate() throws Exception {
    Set<String> expired = ConcurrentHashMap.newKeySet();
    assertTrue(store.reportExpiries((id, attributes) -> expired.add(id)).isPresent());
    assertEquals("redis at cluster of 127.0.0.1:" + nodes.get(0).port() + ",127.0.0.1:" + nodes.get(1).port(),
        store.description());
    store.checkAvailable();

    String victimKey;
    try (FailoverLoad load = new FailoverLoad(store, 4, 10)) {
      victimKey = "ha:" + load.ids().get(0);
      RedisServer victim = masterOf(victimKey);
      load.failOver("Cluster", () -> {
        try (Jedis client = victim.client()) {
          client.set(keyServedBy(victim), "1");
          assertEquals(1, client.waitReplicas(1, 1_500), "the replica acknowledged the commit point");
        }
      }, victim::kill);
    }
    store.checkAvailable();
    // A session on the promoted replica, which the store subscribed to after the failover.
    RedisServer promoted = masterOf(victimKey);
    String id = "short0";
    for (int i = 1; masterOf("ha:" + id) != promoted; i++) {
      id = "short" + i;
    }
    FailoverLoad.assertExpiryReported(store, id, expired);
  }

  /** The node that is master of {@code key}'s slot now, by CLUSTER NODES. */
  private RedisServer masterOf(String key) {
    int slot = JedisClusterCRC16.getSlot(key.getBytes(StandardCharsets.UTF_8));
    RedisServer alive = nodes.stream().filter(RedisServer::isRunning).findFirst().orElseThrow();
    try (Jedis client = alive.client()) {
      for (String line : client.clusterNodes().split("\n")) {
        String[] fields = line.trim().split(" ");
        if (!fields[2].contains("master") || fields[2].contains("fail")) {
          continue;
        }
        int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
        for (int i = 8; i < fields.length; i++) {
          String[] range = fields[i].split("-");
          if (!range[0].startsWith("[") && slot >= Integer.parseInt(range[0])
              && slot <= Integer.parseInt(range[range.length - 1])) {
            return nodes.stream().filter(node -> node.port() == port).findFirst().orElseThrow();
          }
        }
      }
    }
    throw new AssertionError("no master serves slot " + slot);
  }

  /** A key that {@code master} serves, for a write on it alone. */
  private String keyServedBy(RedisServer master) {
    for (int i = 0; ; i++) {
      if (masterOf("ha:commit-point:" + i) == master) {
        return "ha:commit-point:" + i;
      }
    }
  }
}
