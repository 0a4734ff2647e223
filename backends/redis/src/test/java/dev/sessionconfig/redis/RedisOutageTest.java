package dev.sessionconfig.redis;

import static dev.sessionconfig.testing.StoreData.bytes;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.testing.StoreData.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.testing.RedisServer;
import java.net.InetAddress;
import java.net.ServerSocket;

import java.time.Duration;

import java.util.Optional;
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
    store.write("id1", bytes("before"), inAMinute());
    redis.stop();

    String expected = "redis at 127.0.0.1:" + redis.port() + " is not reachable: ";
    assertFailsFast(expected, () -> store.read("id1"));
    assertFailsFast(expected, () -> store.write("id1", bytes("during"), inAMinute()));
    assertFailsFast(expected, () -> store.delete("id1"));
    assertFailsFast(expected, store::checkAvailable);

    redis.start(); // same port, empty: the test server keeps no data
    store.checkAvailable();
    assertEquals(Optional.empty(), store.read("id1"));
    store.write("id1", bytes("after"), inAMinute());
    assertEquals("after", text(store.read("id1")));
  }

  @Test
  void aRestartBetweenRequestsFailsNoRequest() {
    store.write("id1", bytes("before"), inAMinute()); // leaves an idle pooled connection, which the restart cuts
    redis.stop();
    redis.start();
    assertEquals(Optional.empty(), store.read("id1"));
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
    SessionStoreException e = assertThrows(SessionStoreException.class, operation);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    Failures.assertDoesNotShow(PASSWORD, e);
    assertTrue(took.compareTo(RedisConnections.TIMEOUT) < 0, "took " + took);
  }

}
