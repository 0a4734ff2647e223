package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.COOKIE;
import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static dev.sessionconfig.it.SessionBehaviourTest.newSessionId;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.ExpiryConfigLoader;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.it.store.MemcacheText;
import dev.sessionconfig.it.store.MemcachedFixture;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.testing.MemcachedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the memcached store promises (SPEC section 7 and the store issue), against a real memcached: run on each
 * container by {@link JettyMemcachedStoreTest} and {@link TomcatMemcachedStoreTest}, with {@link NetworkStoreTest}'s
 * tests. memcached is looked at with
 * the tests' own text-protocol client ({@link MemcacheText}), and round trips are counted by memcached's own
 * {@code stats}.
 */
abstract class MemcachedStoreTest extends HarnessTest implements NetworkStoreTest<MemcachedServer> {

  MemcachedFixture memcached;

  MemcachedStoreTest(ContainerKind containerKind) {
    super(containerKind, StoreKind.MEMCACHED);
  }

  /** Runs after {@link HarnessTest#startHarness()}, as JUnit runs a superclass's {@code @BeforeEach} first. */
  @BeforeEach
  void fixture() {
    memcached = (MemcachedFixture) harness.store();
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
   * One item per session at SESSION_KEY_PREFIX + id, holding its signed record, with the lifetime as its
   * expiry. 31 days is more than memcached's 30 days of relative expiry (beyond, memcached reads the number as an
   * absolute Unix time, and an item set with "2678400" would be gone at once): the item must live 31 days.
   */
  @Test
  void oneItemPerSessionWithTheLifetimeAsExpiry() {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42");
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    String key = MemcachedFixture.PREFIX + id;

    assertEquals(List.of(key), memcached.text().keys(), "the items in memcached");
    Long ttl = memcached.text().ttl(key);
    assertNotNull(ttl, "no item at " + key);
    long days31 = Duration.ofDays(31).toSeconds();
    // + 2: the store gives memcached one second more than the session needs (its clock ticks once a second),
    // and beyond 30 days memcached's own clock may lag a second behind the absolute time.
    assertTrue(ttl > days31 - 60 && ttl <= days31 + 2,
        "the item should expire after PERMANENT_SESSION_LIFETIME (31 days = " + days31 + " s), not after " + ttl
            + " s");
    assertEquals(Map.of("value", "42"), StoredAttributes.of(id, memcached.readEntry(id)));
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
        String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    String key = MemcachedFixture.PREFIX + id;
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


  @Override
  public String storeTag() {
    return "memcached";
  }

  @Override
  public String serverName() {
    return "memcached";
  }

  @Override
  public MemcachedServer newServer() {
    return MemcachedServer.create();
  }

  @Override
  public Map<String, String> pointingAt(MemcachedServer server) {
    return Map.of("it.memcached", server.address());
  }

  /**
   * The store reconnects with a back-off of at most a second, so the first requests after memcached's restart may
   * still fail: the application must recover within this, with no restart.
   */
  @Override
  public Duration recovery() {
    return Duration.ofSeconds(3);
  }

  @Override
  public Map<String, String> unreachableAt(int port) {
    return Map.of("it.memcached", "127.0.0.1:" + port);
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
