package dev.sessionconfig.jdbc;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import dev.sessionconfig.testing.ServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What a store on a database server does beyond the contract: outages, restarts, a server that is not there. */
abstract class ServerSessionStoreContract extends JdbcSessionStoreContract {
  /** Fails fast: the pool's wait for a connection, and a little for the test's own machinery. */
  private static final Duration FAST = ConnectionLimits.DEFAULT_TIMEOUT.plusMillis(1500);

  /** The running server, which tests may stop and start again on the same port. */
  protected abstract ServerProcess<?> server();

  /** The URL of a database at {@code port}, like {@link #url()}. */
  protected abstract String urlAt(int port);

  @Test
  void anOutageFailsEachOperationQuicklyAndTheSameStoreRecovers() {
    store.checkAvailable();
    store.write("id1", record("before"), inAMinute(), null);
    SessionRecord basis = store.read("id1").orElseThrow();
    server().stop();
    try {
      String expected = store.description() + " is not reachable: ";
      assertFailsFast(expected, () -> store.read("id1"));
      assertFailsFast(expected, () -> store.write("id1", record("during"), inAMinute(), null));
      assertFailsFast(expected, () -> store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "during")));
      assertFailsFast(expected, () -> store.delete("id1"));
      assertFailsFast(expected, store::checkAvailable);
      assertFailsFast(expected, store::cleanup);
    } finally {
      server().start(); // same port, same data
    }
    store.checkAvailable();
    assertEquals("before", text(store.read("id1")), "the database kept the session");
    assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "updated after")),
        "the session is still there");
    assertEquals("updated after", text(store.read("id1")));
    store.write("id1", record("after"), inAMinute(), null);
    assertEquals("after", text(store.read("id1")));
  }

  @Test
  void anOutageAfterAnIdlePeriodCostsOneRequestTheTimeOutAndTheNextOnesNothing() throws InterruptedException {
    store.write("id1", record("before"), inAMinute(), null);
    Thread.sleep(700); // the pool now checks its idle connection before lending it
    server().stop();
    try {
      String expected = store.description() + " is not reachable: ";
      assertFailsFast(expected, () -> store.read("id1")); // the pool drops its dead connection, waits for a new one
      long start = System.nanoTime();
      assertThrows(SessionStoreException.class, () -> store.read("id1"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofMillis(500)) < 0, "with no connection left, failing takes " + took);
    } finally {
      server().start();
    }
    assertEquals("before", text(store.read("id1")), "recovers with the first request after the restart");
  }

  @Test
  void aServerThatNeverAnswersCostsTheConfiguredTimeoutAndIsUnavailable() throws Exception {
    // Accepts connections (the kernel does, from the backlog) and never says a word: a hung database.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      JdbcSessionStore hung = open(JdbcSessionStore.builder(urlAt(silent.getLocalPort())).user(user())
          .password(password()).cleanupEvery(null)
          .limits(new ConnectionLimits(Duration.ofSeconds(1), OptionalInt.of(2))));
      long start = System.nanoTime();
      StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> hung.read("id1"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(e.getMessage().startsWith(hung.description() + " is not reachable: "), e.getMessage());
      Failures.assertDoesNotShow(password(), e);
      // SESSION_STORE_TIMEOUT of 1 s, not the default 2 s: the setting reaches the driver.
      assertTrue(took.compareTo(Duration.ofMillis(1900)) < 0, "took " + took);
      assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0, "took " + took + ": it did wait for an answer");
    }
  }

  @Test
  void aRestartBetweenRequestsFailsNoRequest() {
    // leaves idle pooled connections, which the restart cuts
    store.write("id1", record("before"), inAMinute(), null);
    server().stop();
    server().start();
    assertEquals("before", text(store.read("id1")));
    SessionRecord basis = store.read("id1").orElseThrow();
    server().stop();
    server().start();
    assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "updated")));
    assertEquals("updated", text(store.read("id1")));
    store.write("id1", record("after"), inAMinute(), null);
    assertEquals("after", text(store.read("id1")));
  }

  @Test
  void aPortNobodyListensOnIsReportedByUrlWithoutThePassword() {
    int port = ServerProcess.freePort();
    JdbcSessionStore dead = open(JdbcSessionStore.builder(urlAt(port)).user(user()).password(password())
        .cleanupEvery(null));
    long start = System.nanoTime();
    SessionStoreException e = assertThrows(SessionStoreException.class, dead::checkAvailable);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals("jdbc at " + urlAt(port) + " is not reachable: Connection refused", e.getMessage());
    Failures.assertDoesNotShow(password(), e);
    assertTrue(took.compareTo(FAST) < 0, "took " + took);
    assertEquals(Optional.empty(), dead.dialect());
  }

  private void assertFailsFast(String messageStart, Executable operation) {
    long start = System.nanoTime();
    // Unavailable, not merely refused: what opens the circuit in front of the store.
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, operation);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    Failures.assertDoesNotShow(password(), e);
    Failures.assertDoesNotShow("id1", e);
    assertTrue(took.compareTo(FAST) < 0, "took " + took);
  }
}
