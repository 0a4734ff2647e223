package dev.sessionconfig.redis;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import dev.sessionconfig.testing.RedisServer;
import java.net.InetAddress;
import java.net.ServerSocket;

import java.time.Duration;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Redis going away and coming back while the application keeps its store. */
class RedisOutageTest {
  private static final String PASSWORD = "outage-password-77";

  private final RedisServer redis = RedisServer.create().requirePassword(PASSWORD);
  private RedisSessionStore store;

  @BeforeEach
  void start() {
    redis.start();
    store = RedisSessionStore.open(redis.url(":" + PASSWORD + "@"), "session:", null);
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    redis.close();
  }

  @Test
  void anOutageFailsEachRequestQuicklyAndTheSameStoreRecovers() {
    store.write("id1", record("before"), inAMinute(), null);
    SessionRecord basis = store.read("id1").orElseThrow();
    redis.stop();

    String expected = "redis at 127.0.0.1:" + redis.port() + " is not reachable: ";
    assertFailsFast(expected, () -> store.read("id1"));
    assertFailsFast(expected, () -> store.write("id1", record("during"), inAMinute(), null));
    assertFailsFast(expected, () -> store.write("id1", record("during"), inAMinute(), "ann"));
    assertFailsFast(expected, () -> store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "during")));
    assertFailsFast(expected, () -> store.principalIndex().orElseThrow().find("ann"));
    assertFailsFast(expected, () -> store.delete("id1"));
    assertFailsFast(expected, store::checkAvailable);

    redis.start(); // same port, empty: the test server keeps no data
    store.checkAvailable();
    assertEquals(Optional.empty(), store.read("id1"));
    store.write("id1", record("after"), inAMinute(), null);
    assertEquals("after", text(store.read("id1")));
  }

  @Test
  void theTimeoutIsTheApplicationsSetting() throws Exception {
    try (RedisSessionStore quick = RedisSessionStore.open(redis.url(":" + PASSWORD + "@"), "s:", null,
        new ConnectionLimits(Duration.ofMillis(500), OptionalInt.of(1)))) {
      quick.write("id1", record("before"), inAMinute(), null);
      redis.freeze(); // connections stay open, nothing answers
      try {
        long start = System.nanoTime();
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> quick.read("id1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().startsWith("redis at 127.0.0.1:" + redis.port() + " is not reachable: no answer"
            + " within 500 ms"), e.getMessage());
        // One time-out, not two: the pool's replacement of the broken connection, which connects to the hung
        // server, is not the request's to wait for.
        assertTrue(took.toMillis() >= 400 && took.toMillis() < 875, "took " + took);
      } finally {
        redis.thaw();
      }
      assertEquals("before", text(quick.read("id1")), "the server only paused");
    }
  }

  @Test
  void aRestartBetweenRequestsFailsNoRequest() {
    // leaves an idle pooled connection, which the restart cuts
    store.write("id1", record("before"), inAMinute(), null);
    redis.stop();
    redis.start();
    assertEquals(Optional.empty(), store.read("id1"));
  }

  @Test
  void aRestartForgetsTheScriptsAndTheFirstWriteAfterItSendsThemAgain() {
    store.write("id1", record("before"), inAMinute(), "ann"); // Redis knows the script now; the restart forgets it
    redis.stop();
    redis.start();
    // On the idle connection that the restart cut, then on a new one: EVALSHA answered NOSCRIPT, then EVAL.
    store.write("id1", record("after"), inAMinute(), "ann");
    SessionRecord basis = store.read("id1").orElseThrow();
    assertTrue(store.update("id1", basis, change(inAMinute(), "ann", Set.of(), "", "changed", "cart", "1 item")));
    assertEquals(Map.of("", "changed", "cart", "1 item"), texts(store.read("id1").orElseThrow()));
    assertEquals(Set.of("id1"), store.principalIndex().orElseThrow().find("ann").keySet());
  }

  @Test
  void aPortNobodyListensOnIsReportedByHostAndPortWithoutThePassword() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    try (RedisSessionStore dead = RedisSessionStore.open("redis://:" + PASSWORD + "@127.0.0.1:" + port, "s:", null)) {
      SessionStoreException e = assertThrows(SessionStoreException.class, dead::checkAvailable);
      assertEquals("redis at 127.0.0.1:" + port + " is not reachable: Connection refused", e.getMessage());
      Failures.assertDoesNotShow(PASSWORD, e);
      assertEquals("redis at 127.0.0.1:" + port + "/0", dead.description());
    }
  }

  private static void assertFailsFast(String messageStart, Executable operation) {
    long start = System.nanoTime();
    // Unavailable, not merely refused: what opens the circuit in front of the store.
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, operation);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    Failures.assertDoesNotShow(PASSWORD, e);
    assertTrue(took.compareTo(ConnectionLimits.DEFAULT_TIMEOUT) < 0, "took " + took);
  }

}
