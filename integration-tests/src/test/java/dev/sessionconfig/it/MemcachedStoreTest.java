package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.COOKIE;
import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static dev.sessionconfig.it.SessionBehaviourTest.newSessionId;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.ExpiryConfigLoader;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.container.ContainerStartException;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.it.store.MemcacheText;
import dev.sessionconfig.it.store.MemcachedFixture;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.testing.MemcachedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the memcached store promises (SPEC section 7 and the store issue), against a real memcached: run on each
 * container by {@link JettyMemcachedStoreTest} and {@link TomcatMemcachedStoreTest}. memcached is looked at with
 * the tests' own text-protocol client ({@link MemcacheText}), and round trips are counted by memcached's own
 * {@code stats}.
 */
abstract class MemcachedStoreTest {
  private final ContainerKind containerKind;

  @TempDir
  Path workDir;

  Harness harness;
  MemcachedFixture memcached;

  MemcachedStoreTest(ContainerKind containerKind) {
    this.containerKind = containerKind;
  }

  @BeforeEach
  void startHarness() {
    harness = new Harness(containerKind, StoreKind.MEMCACHED, workDir);
    memcached = (MemcachedFixture) harness.store();
  }

  @AfterEach
  void stopHarness() {
    harness.close();
  }

  /** Round trips, counted by memcached itself: a read-only request one get, a modifying one a get and a set. */
  @Test
  void commandsPerRequest() {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42");
    browser.get("/get");

    Map<String, Long> hello = memcached.commands(() -> assertBody("hello world", browser.get("/")));
    Map<String, Long> get = memcached.commands(() -> assertBody("42", browser.get("/get")));
    Map<String, Long> modify = memcached.commands(() -> assertBody("value set", browser.post("/modify", "value", "43")));
    Map<String, Long> set = memcached.commands(() -> assertBody("value set", browser.post("/set", "value", "44")));
    Map<String, Long> getAgain = memcached.commands(() -> assertBody("44", browser.get("/get")));
    Map<String, Long> logout = memcached.commands(() -> assertBody("logged out", browser.post("/logout")));
    String all = "GET / " + hello + ", GET /get " + get + ", POST /modify " + modify + ", POST /set " + set
        + ", GET /get " + getAgain + ", POST /logout " + logout;
    assertAll(all,
        () -> assertEquals(Map.of(), hello, "GET /"),
        () -> assertEquals(Map.of("get", 1L), get, "GET /get"),
        () -> assertEquals(Map.of("get", 1L, "set", 1L), modify, "POST /modify"),
        () -> assertEquals(Map.of("get", 1L, "set", 1L), set, "POST /set"),
        () -> assertEquals(Map.of("get", 1L), getAgain, "GET /get"),
        () -> assertEquals(Map.of("get", 1L, "delete", 1L), logout, "POST /logout"));
  }

  /**
   * One item per session at SESSION_KEY_PREFIX + id, holding the session as JSON, with the lifetime as its
   * expiry. 31 days is more than memcached's 30 days of relative expiry (beyond, memcached reads the number as an
   * absolute Unix time, and an item set with "2678400" would be gone at once): the item must live 31 days.
   */
  @Test
  void oneItemPerSessionWithTheLifetimeAsExpiry() {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42");
    String key = MemcachedFixture.PREFIX + Cookies.id(browser.cookie(COOKIE).orElseThrow());

    assertEquals(List.of(key), memcached.text().keys(), "the items in memcached");
    Long ttl = memcached.text().ttl(key);
    assertNotNull(ttl, "no item at " + key);
    long days31 = Duration.ofDays(31).toSeconds();
    assertTrue(ttl > days31 - 60 && ttl <= days31 + 1,
        "the item should expire after PERMANENT_SESSION_LIFETIME (31 days = " + days31 + " s), not after " + ttl
            + " s");
    String json = new String(memcached.text().get(key), StandardCharsets.UTF_8);
    assertTrue(json.replace(" ", "").contains("\"value\":\"42\""), "the attributes as JSON: " + json);
  }

  /** Two application instances on one memcached see each other's sessions. */
  @Test
  void twoInstancesShareSessions() {
    App a = harness.start(AppConfigLoader::initApp);
    App b = harness.start(AppConfigLoader::initApp);
    Browser browser = a.browser();
    assertBody("value set", browser.post("/set", "value", "42"));
    assertBody("42", browser.at(b.uri()).get("/get"), "instance B does not see A's session");
    assertBody("value set", browser.post("/modify", "value", "43"));
    assertBody("43", browser.at(a.uri()).get("/get"), "instance A does not see B's change");
    assertBody("logged in", browser.at(b.uri()).post("/login", "user", "alice"));
    assertBody("alice", browser.at(a.uri()).get("/user"), "A does not know B's renewed id");
    assertBody("logged out", browser.at(a.uri()).post("/logout"));
    assertEquals(0, memcached.entryCount());
  }

  /**
   * SESSION_MEMCACHED lists several servers: each session is on exactly one of them, both are used, and an
   * instance that lists the same servers in another order finds every session where the first one put it.
   */
  @Test
  void severalServersEachHoldTheirShare() {
    try (MemcachedServer one = MemcachedServer.create().start();
        MemcachedServer two = MemcachedServer.create().start();
        MemcacheText first = new MemcacheText(one.address());
        MemcacheText second = new MemcacheText(two.address())) {
      App a = harness.start(AppConfigLoader::initApp, Map.of("it.memcached", one.address() + "," + two.address()));
      App b = harness.start(AppConfigLoader::initApp, Map.of("it.memcached", two.address() + "," + one.address()));
      List<Browser> browsers = new ArrayList<>();
      int onFirst = 0;
      for (int i = 0; i < 20; i++) {
        Browser browser = a.browser();
        assertBody("value set", browser.post("/set", "value", "v" + i));
        String key = MemcachedFixture.PREFIX + Cookies.id(browser.cookie(COOKIE).orElseThrow());
        boolean onOne = first.exists(key);
        assertNotEquals(onOne, second.exists(key), "session " + i + " should be on exactly one server");
        onFirst += onOne ? 1 : 0;
        browsers.add(browser);
      }
      assertTrue(onFirst > 0 && onFirst < 20, onFirst + " of 20 sessions on the first server: one is unused");
      assertEquals(0, memcached.entryCount(), "sessions went to the shared server, which is not listed");
      for (int i = 0; i < browsers.size(); i++) {
        assertBody("v" + i, browsers.get(i).at(b.uri()).get("/get"), "session " + i + " on the other instance");
      }
    }
  }

  /**
   * memcached goes away mid-run: requests that need it fail with 503, and the same application works again once
   * memcached is back on the same port (empty: memcached keeps nothing). The store reconnects with a back-off of at
   * most a second, so the first requests after the restart may still fail: the application must recover within
   * {@link #RECOVERY} with no restart.
   */
  @Test
  void outageIs503AndRecoversWithoutRestart() throws InterruptedException {
    try (MemcachedServer own = MemcachedServer.create().start()) {
      App app = harness.start(AppConfigLoader::initApp, Map.of("it.memcached", own.address()));
      Browser browser = app.browser();
      assertBody("value set", browser.post("/set", "value", "42"));
      assertBody("42", browser.get("/get"));

      own.stop();
      Reply get = browser.get("/get");
      Reply set = browser.post("/set", "value", "43");
      Reply fresh = app.browser().post("/set", "value", "1");
      Reply hello = browser.get("/");
      assertAll("with memcached down",
          () -> assertEquals(503, get.status(), "GET /get: " + get),
          () -> assertEquals(503, set.status(), "POST /set: " + set),
          () -> assertEquals(503, fresh.status(), "POST /set without a session: " + fresh),
          () -> assertEquals(200, hello.status(), "GET / does not need the store: " + hello));

      own.start(); // same port, empty
      Reply first = firstAnswerAfterRestart(browser);
      assertBody("no value set", first, "the first answer after memcached came back");
      assertBody("value set", browser.post("/set", "value", "44"));
      assertBody("44", browser.get("/get"));
    }
  }

  static final Duration RECOVERY = Duration.ofSeconds(3);

  /** GET /get until it is not a 503, for at most {@link #RECOVERY}. */
  static Reply firstAnswerAfterRestart(Browser browser) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + RECOVERY.toNanos();
    while (true) {
      Reply reply = browser.get("/get");
      if (reply.status() != 503 || System.nanoTime() > deadline) {
        return reply;
      }
      Thread.sleep(50);
    }
  }

  /** initApp checks that memcached answers, and says where it looked. */
  @Test
  void unreachableMemcachedIsAStartupError() {
    int port = MemcachedServer.freePort();
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> harness.start(AppConfigLoader::initApp, Map.of("it.memcached", "127.0.0.1:" + port)));
    Throwable cause = e.getCause();
    assertNotNull(cause, "the container failed, but not because of initApp: " + e);
    assertInstanceOf(SessionConfigException.class, cause, "initApp's error: " + cause);
    assertTrue(String.valueOf(cause.getMessage()).contains("127.0.0.1:" + port),
        "initApp's error must name the host and port: " + cause);
  }

  /**
   * An expired session is never served, even while memcached still holds its item (memcached's clock ticks once
   * a second, so an item may outlive its expiry; here the item is given another minute behind the application's
   * back): the session's own lifetime, kept in its data, decides.
   */
  @Test
  void expiredSessionIsNeverServedWhileTheItemLives() throws InterruptedException {
    App app = harness.start(ExpiryConfigLoader::initApp);
    Browser browser = app.browser();
    browser.post("/set", "value", "42");
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    String key = MemcachedFixture.PREFIX + id;
    byte[] data = memcached.text().get(key);
    assertNotNull(data, "no item at " + key);
    memcached.text().set(key, data, 60);

    Thread.sleep(3000); // the lifetime is 2 s
    assertTrue(memcached.hasEntry(id), "the item should still be in memcached (set for 60 s)");
    assertBody("no value set", browser.get("/get"), "an expired session was served from an item memcached kept");
    Reply set = browser.post("/set", "value", "43");
    assertNotEquals(id, newSessionId(set), "the expired session's id was reused");
  }

  /**
   * The item lives as long as the session: memcached must not drop it before PERMANENT_SESSION_LIFETIME (2 s)
   * has passed since the request that wrote it. Polls memcached directly every 20 ms; a session is only over
   * 2 s after its last use, so an item found gone sooner is a session cut short (which the behavioural suite's
   * useKeepsTheSessionAlive then sees as a lost session).
   */
  @Test
  void itemLivesAsLongAsTheSession() throws InterruptedException {
    App app = harness.start(ExpiryConfigLoader::initApp);
    Browser browser = app.browser();
    long requested = System.nanoTime(); // the session's lastAccessed is no earlier than this
    browser.post("/set", "value", "42");
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    // The session ends 2 s after its lastAccessed, which the server takes in whole milliseconds during the request:
    // no earlier than 1999 ms after `requested`. Looking until 1990 ms leaves no doubt about the order.
    long lifetime = Duration.ofSeconds(2).minusMillis(10).toNanos();
    long gone = -1;
    while (System.nanoTime() - requested < lifetime) {
      if (!memcached.hasEntry(id)) {
        gone = System.nanoTime() - requested;
        break;
      }
      Thread.sleep(20);
    }
    long goneMillis = Duration.ofNanos(gone).toMillis();
    assertTrue(gone < 0, "memcached dropped the session's item " + goneMillis + " ms after the request that"
        + " wrote it, before the session's lifetime of 2000 ms was over");
  }
}
