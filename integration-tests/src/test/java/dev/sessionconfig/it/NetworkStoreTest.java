package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.ShortTimeoutConfig;
import dev.sessionconfig.it.config.ShortTimeoutConfigLoader;
import dev.sessionconfig.it.container.ContainerStartException;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.outage.CircuitBreakingStore;
import dev.sessionconfig.testing.ServerProcess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What every store on a server promises (SPEC section 7), besides {@link SharedStoreTest}'s sharing: the server
 * going away mid-run is a 503 for the requests that need it, and the same application recovers once the server is
 * back on the same port; a server that cannot be reached at startup fails initApp, naming where it looked.
 * Implemented by {@link RedisStoreTest}, {@link MemcachedStoreTest} and {@link PostgresStoreTest}, through the hooks
 * below.
 *
 * @param <S> the store's server
 */
interface NetworkStoreTest<S extends ServerProcess<S>> extends SharedStoreTest {

  /** The server's name in assertion messages: "Redis", "memcached", "PostgreSQL". */
  String serverName();

  /** A server of the test's own, not yet started, which the outage test stops and starts again. */
  S newServer();

  /** The properties that point the application at {@code server}. */
  Map<String, String> pointingAt(S server);

  /**
   * What GET /get answers once the server is back: "42" when it keeps its data over a restart; by default "no
   * value set", for a server that comes back empty (Redis with no persistence, memcached).
   */
  default String bodyAfterRestart() {
    return "no value set";
  }

  /**
   * How long the application may go on answering 503 once the server is back: a store known to be down is asked
   * again once a second (and the 503s say {@code Retry-After: 1}), so the first request after the restart may still
   * get one; a store that reconnects with a back-off of its own may take longer.
   */
  default Duration recovery() {
    return CircuitBreakingStore.PROBE_INTERVAL.plusMillis(500);
  }

  /** The properties that point the application at a server on {@code port}, where nothing listens. */
  Map<String, String> unreachableAt(int port);

  /** The text naming the unreachable server on {@code port} that initApp's error must contain: its host and port. */
  default String unreachableName(int port) {
    return "127.0.0.1:" + port;
  }

  /** What {@link #unreachableName} is, in assertion messages. */
  default String unreachableNameIs() {
    return "the host and port";
  }

  /** More checks of initApp's error message for an unreachable server; none by default. */
  default Stream<Executable> moreUnreachableChecks(String message) {
    return Stream.empty();
  }

  /** SESSION_STORE_TIMEOUT of {@link ShortTimeoutConfig}. */
  Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

  /**
   * A server that hangs (frozen, connections open) costs a request that needs it one store timeout and a 503, not
   * two: the 503 is answered without the container's error page, which would reach for the session again. The
   * timeout is the application's SESSION_STORE_TIMEOUT, half the default: a store that ignored it would take longer.
   */
  @Test
  default void aFrozenServerCostsARequestOneTimeout() throws Exception {
    try (S own = newServer().start()) {
      App app = harness().start(ShortTimeoutConfigLoader::initApp, pointingAt(own));
      Browser browser = app.browser();
      assertBody("value set", browser.post("/set", "value", "42"));
      own.freeze();
      try {
        long start = System.nanoTime();
        Reply get = browser.get("/get");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(503, get.status(), "GET /get with " + serverName() + " frozen: " + get);
        assertTrue(took.compareTo(SHORT_TIMEOUT.multipliedBy(7).dividedBy(4)) < 0, "GET /get with " + serverName()
            + " frozen took " + took.toMillis() + " ms, more than one store timeout (" + SHORT_TIMEOUT.toMillis()
            + " ms)");
      } finally {
        own.thaw();
      }
    }
  }

  /** The server goes away mid-run: requests that need it fail with 503, and work again once it is back. */
  @Test
  default void outageIs503AndRecoversWithoutRestart() throws InterruptedException {
    try (S own = newServer().start()) {
      App app = harness().start(AppConfigLoader::initApp, pointingAt(own));
      Browser browser = app.browser();
      assertBody("value set", browser.post("/set", "value", "42"));
      assertBody("42", browser.get("/get"));

      own.stop();
      Reply get = browser.get("/get");
      Reply set = browser.post("/set", "value", "43");
      Reply fresh = app.browser().post("/set", "value", "1");
      Reply hello = browser.get("/");
      assertAll("with " + serverName() + " down",
          () -> assertEquals(503, get.status(), "GET /get: " + get),
          () -> assertEquals(503, set.status(), "POST /set: " + set),
          () -> assertEquals(503, fresh.status(), "POST /set without a session: " + fresh),
          () -> assertEquals(200, hello.status(), "GET / does not need the store: " + hello));

      own.start(); // same port
      Reply first = firstAnswerAfterRestart(browser, recovery());
      assertBody(bodyAfterRestart(), first, recovery().isZero()
          ? "the first request after " + serverName() + " came back"
          : "the first answer after " + serverName() + " came back, within " + recovery());
      assertBody("value set", browser.post("/set", "value", "44"));
      assertBody("44", browser.get("/get"));
    }
  }

  /**
   * The meters of an application with Micrometer follow its requests: sessions created and invalidated, store calls
   * timed by operation; an outage shows in the error counter and the health check with the first request that meets
   * it, and the health check recovers with the store. {@code describe()} names the store and whether it answered.
   */
  @Test
  default void metersAndHealthFollowTheStore() throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry); // what Spring Boot does with its registry, and a plain application may do
    try (S own = newServer().start()) {
      App app = harness().start(AppConfigLoader::initApp, pointingAt(own));
      String store = app.browser().get("/health").body(); // "up: <store>"
      assertTrue(store.startsWith("up: "), "GET /health with " + serverName() + " up: " + store);
      assertEquals("store: " + store.substring("up: ".length()) + " (answers)", app.sessions().describe());
      Meters meters = new Meters(registry, storeTag());
      Browser browser = app.browser();
      assertBody("value set", browser.post("/set", "value", "42"));
      assertBody("42", browser.get("/get"));
      assertBody("logged out", browser.post("/logout"));
      assertAll("meters after set, get and logout with " + serverName() + ": " + meters,
          () -> assertEquals(1, meters.counter("sessionconfig.sessions.created"), "sessions created"),
          () -> assertEquals(1, meters.counter("sessionconfig.sessions.invalidated"), "sessions invalidated"),
          () -> assertEquals(2, meters.timed("read", "success"), "successful reads (set: none, get, logout)"),
          () -> assertEquals(1, meters.timed("write", "success"), "successful writes (the new session)"),
          () -> assertTrue(meters.timed("delete", "success") >= 1, "the logout's delete"),
          () -> assertEquals(0, meters.errors(), "no errors"));

      assertBody("value set", browser.post("/set", "value", "43")); // a session again, for the store to read
      own.stop();
      Reply get = browser.get("/get");
      Reply health = app.browser().get("/health");
      assertAll("with " + serverName() + " down: " + meters,
          () -> assertEquals(503, get.status(), "GET /get: " + get),
          () -> assertTrue(meters.errors() >= 1, "the outage is counted as an error of the store"),
          () -> assertTrue(meters.unavailable() >= 1, "as unavailable"),
          () -> assertEquals(503, health.status(), "GET /health: " + health),
          () -> assertTrue(health.body().startsWith("down: ") && !health.body().contains("password"),
              "GET /health: " + health));
      String described = app.sessions().describe();
      assertTrue(described.startsWith("store: " + store.substring("up: ".length()) + " (not reachable: ")
          && !described.contains("password"), described);
      own.start();
      Reply healthAgain = firstAnswerAfterRestart(app.browser(), "/health", recovery());
      assertEquals(200, healthAgain.status(), "GET /health once " + serverName() + " is back: " + healthAgain);
    } finally {
      Metrics.removeRegistry(registry);
    }
  }

  /** The {@code store} tag of this store's meters. */
  String storeTag();

  /** The session meters of one store in a registry, read as plain numbers. */
  record Meters(SimpleMeterRegistry registry, String store) {
    long counter(String name) {
      Counter counter = registry.find(name).tag("store", store).counter();
      return counter == null ? 0 : (long) counter.count();
    }

    long timed(String operation, String outcome) {
      return registry.find("sessionconfig.store.requests").tags("store", store, "operation", operation,
          "outcome", outcome).timers().stream().mapToLong(Timer::count).sum();
    }

    long errors() {
      return (long) registry.find("sessionconfig.store.errors").tag("store", store).counters().stream()
          .mapToDouble(Counter::count).sum();
    }

    long unavailable() {
      return (long) registry.find("sessionconfig.store.errors").tags("store", store, "kind", "unavailable")
          .counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public String toString() {
      return registry.getMetersAsString();
    }
  }

  /** GET /get until it is not a 503, for at most {@code recovery}: once only when that is zero. */
  static Reply firstAnswerAfterRestart(Browser browser, Duration recovery) throws InterruptedException {
    return firstAnswerAfterRestart(browser, "/get", recovery);
  }

  /** GET {@code path} until it is not a 503, for at most {@code recovery}: once only when that is zero. */
  static Reply firstAnswerAfterRestart(Browser browser, String path, Duration recovery) throws InterruptedException {
    long deadline = System.nanoTime() + recovery.toNanos();
    while (true) {
      Reply reply = browser.get(path);
      if (reply.status() != 503 || System.nanoTime() - deadline >= 0) {
        return reply;
      }
      Thread.sleep(50);
    }
  }

  /** initApp checks that the server answers, and says where it looked. */
  @Test
  default void unreachableServerIsAStartupError() {
    int port = ServerProcess.freePort();
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> harness().start(AppConfigLoader::initApp, unreachableAt(port)));
    Throwable cause = e.getCause();
    assertNotNull(cause, "the container failed, but not because of initApp: " + e);
    assertInstanceOf(SessionConfigException.class, cause, "initApp's error: " + cause);
    String message = String.valueOf(cause.getMessage());
    String name = unreachableName(port);
    assertAll(message, Stream.concat(
        Stream.of(() -> assertTrue(message.contains(name),
            "initApp's error must name " + unreachableNameIs() + " (" + name + "): " + cause)),
        moreUnreachableChecks(message)));
  }
}
