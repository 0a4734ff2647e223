package dev.sessionconfig.memcached;

import static dev.sessionconfig.memcached.TestData.ID_LENGTH;
import static dev.sessionconfig.memcached.TestData.eventually;
import static dev.sessionconfig.memcached.TestData.stat;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import dev.sessionconfig.testing.MemcachedServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** memcached going away and coming back while the application keeps its store. */
class MemcachedOutageTest {
  /** How soon after the server is back the store must work again: the reconnection backoff's cap, and margin. */
  private static final Duration RECOVERY = Duration.ofMillis(MemcachedNodes.MAX_RECONNECT_DELAY_MILLIS + 1_500);

  private final MemcachedServer memcached = MemcachedServer.create();
  private MemcachedSessionStore store;

  @BeforeEach
  void start() {
    memcached.start();
    store = MemcachedSessionStore.open(List.of(memcached.address()), "session:", ID_LENGTH);
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    memcached.close();
  }

  @Test
  void anOutageFailsEachRequestQuicklyAndTheSameStoreRecovers() throws InterruptedException {
    store.write("id1", record("before"), inAMinute(), null);
    SessionRecord basis = store.read("id1").orElseThrow();
    memcached.stop();

    String expected = "memcached at 127.0.0.1:" + memcached.port() + " is not reachable: ";
    for (int i = 0; i < 3; i++) { // at once, and again while the store keeps trying to reconnect
      assertFailsFast(expected, () -> store.read("id1"));
      assertFailsFast(expected, () -> store.write("id1", record("during"), inAMinute(), null));
      assertFailsFast(expected, () -> store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "during")));
      assertFailsFast(expected, () -> store.delete("id1"));
      assertFailsFast(expected, store::checkAvailable);
      Thread.sleep(300);
    }
    SessionStoreException refused = assertThrows(SessionStoreException.class, () -> store.read("id1"));
    assertEquals(expected + "Connection refused", refused.getMessage());

    memcached.start(); // same port, empty: memcached keeps no data
    assertTrue(eventually(RECOVERY, this::available), "the same store works again once memcached is back");
    assertEquals(Optional.empty(), store.read("id1"));
    store.write("id1", record("after"), inAMinute(), null);
    assertEquals("after", text(store.read("id1")));
  }

  @Test
  void aRestartBetweenRequestsIsOverWithinTheReconnectionDelay() throws InterruptedException {
    store.write("id1", record("before"), inAMinute(), null); // the connection exists; the restart cuts it
    memcached.restart();
    long start = System.nanoTime();
    assertTrue(eventually(RECOVERY, this::available), "the store reconnects after a restart");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.toMillis() <= MemcachedNodes.MAX_RECONNECT_DELAY_MILLIS + 500, "took " + took);
    assertEquals(Optional.empty(), store.read("id1"));
  }

  @Test
  void aStoreOpenedWhileMemcachedIsDownWorksOnceItIsUp() throws InterruptedException {
    store.close();
    memcached.stop();
    store = MemcachedSessionStore.open(List.of(memcached.address()), "session:", ID_LENGTH);
    assertFailsFast("memcached at 127.0.0.1:" + memcached.port() + " is not reachable: ", () -> store.read("id1"));
    memcached.start();
    assertTrue(eventually(RECOVERY, this::available), "the store connects once memcached is up");
    store.write("id1", record("data"), inAMinute(), null);
    assertEquals("data", text(store.read("id1")));
  }

  @Test
  void theFirstRequestAfterOpeningWaitsForTheConnection() {
    // No checkAvailable() first: the connection is still being opened in the background.
    store.close();
    store = MemcachedSessionStore.open(List.of(memcached.address()), "session:", ID_LENGTH);
    assertEquals(Optional.empty(), store.read("id1"));
  }

  @Test
  void aPortNobodyListensOnIsReportedByHostAndPort() {
    int port = MemcachedServer.freePort();
    try (MemcachedSessionStore dead = MemcachedSessionStore.open(List.of("127.0.0.1:" + port), "s:", ID_LENGTH)) {
      SessionStoreException e = assertThrows(SessionStoreException.class, dead::checkAvailable);
      assertEquals("memcached at 127.0.0.1:" + port + " is not reachable: Connection refused", e.getMessage());
      assertFailsFast("memcached at 127.0.0.1:" + port + " is not reachable: Connection refused",
          () -> dead.read("id1"));
      assertEquals("memcached at 127.0.0.1:" + port, dead.description());
    }
  }

  @Test
  void aServerThatNeverAnswersFailsTheFirstRequestAfterTheTimeoutAndTheNextOnesAtOnce() throws Exception {
    // Accepts connections (the kernel does, from the backlog) and never says a word.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        MemcachedSessionStore stuck = MemcachedSessionStore.open(
            List.of("127.0.0.1:" + silent.getLocalPort()), "s:", ID_LENGTH)) {
      String expected = "memcached at 127.0.0.1:" + silent.getLocalPort() + " is not reachable: no answer within 2 s";
      long start = System.nanoTime();
      SessionStoreException e = assertThrows(StoreUnavailableException.class, () -> stuck.read("id1"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(expected, e.getMessage());
      assertTrue(took.toMillis() >= 1_500 && took.toMillis() < 4_500, "took " + took);
      assertFailsFast(expected, stuck::checkAvailable); // the server did not answer a moment ago
    }
  }

  @Test
  void theTimeoutAndTheConnectionsPerServerAreTheApplicationsSettings() throws Exception {
    store.checkAvailable(); // the other store's one connection is open: counted before
    long before = stat(memcached.stats(), "curr_connections");
    try (MemcachedSessionStore pooled = MemcachedSessionStore.open(List.of(memcached.address()), "session:",
        ID_LENGTH, new ConnectionLimits(Duration.ofMillis(500), OptionalInt.of(3)))) {
      assertTrue(eventually(Duration.ofSeconds(3), () -> stat(memcached.stats(), "curr_connections") == before + 3),
          "SESSION_STORE_POOL_SIZE = 3 opens three connections: " + memcached.stats().get("curr_connections")
              + " open, " + before + " before");
      pooled.write("id1", record("data"), inAMinute(), null);
      ProcessHandle server = serverProcess();
      signal(server, "STOP");
      try {
        long start = System.nanoTime();
        SessionStoreException e = assertThrows(StoreUnavailableException.class, () -> pooled.read("id1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("memcached at 127.0.0.1:" + memcached.port() + " is not reachable: no answer within 500 ms",
            e.getMessage());
        assertTrue(took.toMillis() >= 400 && took.toMillis() < 1_500, "took " + took);
      } finally {
        signal(server, "CONT");
      }
    }
  }

  @Test
  void aServerThatHangsFailsRequestsAfterTheTimeoutAndTheStoreRecoversWhenItResumes() throws Exception {
    store.write("id1", record("before"), inAMinute(), null);
    ProcessHandle server = serverProcess();
    signal(server, "STOP"); // frozen: connections stay open, nothing answers
    try {
      long start = System.nanoTime();
      SessionStoreException e = assertThrows(StoreUnavailableException.class, () -> store.read("id1"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals("memcached at 127.0.0.1:" + memcached.port() + " is not reachable: no answer within 2 s",
          e.getMessage());
      assertTrue(took.toMillis() >= 1_500 && took.toMillis() < 4_500, "took " + took);
    } finally {
      signal(server, "CONT");
    }
    assertTrue(eventually(RECOVERY.plus(ConnectionLimits.DEFAULT_TIMEOUT), this::available), "works again once it resumes");
    assertEquals("before", text(store.read("id1")), "the data was never lost: the server only paused");
  }

  /** The memcached process listening on the test server's port. */
  private ProcessHandle serverProcess() {
    String port = String.valueOf(memcached.port());
    return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(List::of)
            .map(args -> args.contains("-p") && args.indexOf("-p") + 1 < args.size()
                && args.get(args.indexOf("-p") + 1).equals(port)).orElse(false)
            && p.info().command().map(c -> c.endsWith("memcached")).orElse(false))
        .findFirst().orElseThrow(() -> new AssertionError("no memcached process on port " + port));
  }

  private static void signal(ProcessHandle process, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + signal);
  }

  private boolean available() {
    try {
      store.checkAvailable();
      return true;
    } catch (SessionStoreException e) {
      return false;
    }
  }

  private static void assertFailsFast(String messageStart, Executable operation) {
    long start = System.nanoTime();
    // Unavailable, not merely refused: what opens the circuit in front of the store.
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, operation);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    assertTrue(took.compareTo(Duration.ofMillis(500)) < 0, "took " + took + ": " + e.getMessage());
  }
}
