package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.app.AuditListener;
import dev.sessionconfig.it.app.gadget.Gadget;
import dev.sessionconfig.it.app.legacy.Chain;
import dev.sessionconfig.it.app.values.Samples;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.it.http.SetCookie;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.runtime.Secret;
import dev.sessionconfig.runtime.session.StoredRecords;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.values.AttributeTypes;
import dev.sessionconfig.runtime.values.SessionValues;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.sessionconfig.runtime.users.PrincipalResolver;
import dev.sessionconfig.runtime.users.UserSession;
import org.junit.jupiter.api.Test;

/**
 * The behavioural suite of SPEC section 7, the same code on every container and every store: Jetty 12 and
 * Tomcat 11, each with the filesystem store, a real redis-server, a real memcached, and the JDBC store on a real
 * PostgreSQL server and on an embedded H2 database. Every application is started by the REAL generated
 * {@code initApp} of a {@code @SessionConfig} class in these test sources, and driven over real HTTP by a client
 * that keeps its cookies by hand. Stores are inspected directly (files, Redis keys, memcached items, table rows).
 *
 * <p>Run through one small subclass per combination (so that reports name it): {@code Jetty} or {@code Tomcat},
 * then {@code Filesystem}, {@code Redis}, {@code Memcached}, {@code Postgres} or {@code H2}, then
 * {@code SessionTest}, e.g. {@link JettyFilesystemSessionTest}, {@link TomcatPostgresSessionTest}.
 *
 * <p>The same suite runs on the quickstart jar itself ({@code Quickstart} then the store, e.g.
 * {@link QuickstartMariaDbSessionTest}): its processes, started with each store's environment variables (MariaDB
 * and SQLite too), stand for the applications. The tests that need another config than {@link Setup#APP}, or the
 * application's objects in this JVM, are skipped there, each saying why.
 */
abstract class SessionBehaviourTest extends HarnessTest {
  static final String COOKIE = "session";



  /** One concrete subclass per combination: {@code JettyFilesystemSessionTest}, {@code TomcatRedisSessionTest}... */
  SessionBehaviourTest(ContainerKind containerKind, StoreKind storeKind) {
    super(containerKind, storeKind);
  }

  /** On the quickstart jar: {@code QuickstartRedisSessionTest}... */
  SessionBehaviourTest(StoreKind storeKind) {
    super(storeKind);
  }

  /** Flask-Session's own test_session, route by route. */
  @Test
  void flaskSessionFlow() {
    Browser browser = harness.start(Setup.APP).browser();

    assertBody("value set", browser.post("/set", "value", "42"));
    Reply get = browser.get("/get");
    assertBody("42", get);
    assertTrue(get.variesOnCookie(), "a response that read the session must say Vary: Cookie: " + get);

    Reply hello = browser.get("/");
    assertBody("hello world", hello);
    assertFalse(hello.variesOnCookie(), "GET / never touches the session, so no Vary: Cookie: " + hello);
    assertTrue(hello.setCookies().isEmpty(), "GET / never touches the session, so no Set-Cookie: " + hello);

    assertBody("value set", browser.post("/modify", "value", "43"));
    assertBody("43", browser.get("/get"));
    assertBody("value deleted", browser.post("/delete"));
    assertBody("no value set", browser.get("/get"));
  }

  /** A cookie the server never signed (a random id with a random signature, or signed with another key). */
  @Test
  void forgedCookieGetsAFreshSession() {
    App app = harness.start(Setup.APP);
    String forgedId = Cookies.randomId(32);
    String[] forgeries = {
        forgedId + "." + Cookies.randomId(32),                 // random signature
        Cookies.sign(forgedId, Cookies.randomId(36)),          // a real HMAC, under a key that is not ours
        forgedId,                                              // no signature at all
    };
    for (String forged : forgeries) {
      Browser attacker = app.browser().setCookie(COOKIE, forged);
      assertBody("no value set", attacker.get("/get"));
      Reply set = attacker.post("/set", "value", "7");
      assertBody("value set", set);
      String issued = newSessionId(set);
      assertNotEquals(forgedId, issued, "the forged id was adopted: " + set);
      assertFalse(harness.store().hasEntry(forgedId), "the store holds an entry under the forged id " + forged);
      assertTrue(harness.store().hasEntry(issued), "the fresh session was not stored");
      assertBody("7", attacker.get("/get"));
    }
  }

  /** A valid cookie with one character changed, in the id or in the signature. */
  @Test
  void tamperedCookieGetsAFreshSession() {
    App app = harness.start(Setup.APP);
    Browser owner = app.browser();
    owner.post("/set", "value", "42");
    String valid = owner.cookie(COOKIE).orElseThrow();
    String id = Cookies.id(valid);

    int[] positions = {0, id.length() / 2, id.length() - 1, id.length() + 1, id.length() + 20, valid.length() - 1};
    for (int position : positions) {
      String tampered = Cookies.flip(valid, position);
      Browser attacker = app.browser().setCookie(COOKIE, tampered);
      assertBody("no value set", attacker.get("/get"), "tampered at " + position + ": " + tampered);
      Reply set = attacker.post("/set", "value", "666");
      String issued = newSessionId(set);
      assertNotEquals(id, issued, "a tampered cookie got the victim's session id");
      assertNotEquals(Cookies.id(tampered), issued, "a tampered cookie's id was adopted");
    }
    assertBody("42", owner.get("/get"), "the original session must be untouched (cookie " + valid
        + ", entry still stored: " + harness.store().hasEntry(id) + ")");
  }

  /**
   * Clients share keep-alive connections (so does a reverse proxy), and session ids are case-sensitive: each
   * request must be judged by its own cookie, even when the one before it on the connection differed only in
   * the case of one letter (Jetty's header cache compares values ignoring case unless told otherwise).
   */
  @Test
  void eachRequestIsJudgedByItsOwnCookie() {
    App app = harness.start(Setup.APP);
    Browser owner = app.browser();
    owner.post("/set", "value", "42");
    String valid = owner.cookie(COOKIE).orElseThrow();
    int checked = 0;
    for (int position = 0; position < valid.length() && checked < 20; position++) {
      char c = valid.charAt(position);
      if (!Character.isLetter(c)) {
        continue;
      }
      checked++;
      char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
      String other = valid.substring(0, position) + swapped + valid.substring(position + 1);
      assertBody("no value set", app.browser().setCookie(COOKIE, other).get("/get"), "case changed at " + position);
      assertBody("42", owner.get("/get"), "the owner's request after one whose cookie differed at " + position);
    }
  }

  /**
   * Session fixation: an id the client chose, well formed and even validly signed (say the attacker once got
   * the key, or plants an id the server issued long ago), but unknown to the store, is never adopted.
   */
  @Test
  void unknownIdIsNeverAdopted() {
    App app = harness.start(Setup.APP);
    String chosen = Cookies.randomId(32);
    String planted = Cookies.sign(chosen, TestProperties.KEY);

    Browser victim = app.browser().setCookie(COOKIE, planted);
    assertBody("no value set", victim.get("/get"));
    assertBody("value set", victim.post("/set", "value", "secret"));
    Reply login = victim.post("/login", "user", "victim");
    String issued = Cookies.id(victim.cookie(COOKIE).orElseThrow(() -> new AssertionError("no cookie: " + login)));
    assertNotEquals(chosen, issued, "the server adopted the id the client chose");
    assertFalse(harness.store().hasEntry(chosen), "the store holds an entry under the client's id");

    Browser attacker = app.browser().setCookie(COOKIE, planted);
    assertBody("anonymous", attacker.get("/user"), "the attacker's planted cookie reaches the victim's session");
    assertBody("no value set", attacker.get("/get"));

    // An id the server itself issued, whose entry is gone (expired, cleaned up, deleted): not revived either.
    Browser returning = app.browser();
    returning.post("/set", "value", "1");
    String old = returning.cookie(COOKIE).orElseThrow();
    harness.store().deleteEntry(Cookies.id(old));
    assertBody("no value set", returning.get("/get"));
    Reply set = returning.post("/set", "value", "2");
    assertNotEquals(Cookies.id(old), newSessionId(set), "a vanished session's id was reused");
    assertFalse(harness.store().hasEntry(Cookies.id(old)));
  }

  /** changeSessionId() on login: a new id, the data moved, the old cookie worthless, the old entry gone. */
  @Test
  void loginRenewsTheSessionId() {
    App app = harness.start(Setup.APP);
    Browser browser = app.browser();
    browser.post("/set", "value", "42");
    String before = browser.cookie(COOKIE).orElseThrow();

    Reply login = browser.post("/login", "user", "alice");
    assertBody("logged in", login);
    String after = newSessionId(login);
    assertNotEquals(Cookies.id(before), after, "login kept the session id");
    assertBody("42", browser.get("/get"), "login lost the session's data");
    assertBody("alice", browser.get("/user"));

    assertFalse(harness.store().hasEntry(Cookies.id(before)), "the pre-login entry is still in the store");
    assertTrue(harness.store().hasEntry(after));
    Browser stale = app.browser().setCookie(COOKIE, before);
    assertBody("no value set", stale.get("/get"), "the pre-login cookie still works");
    assertBody("anonymous", stale.get("/user"), "the pre-login cookie still works");
  }

  /** invalidate() on logout: the entry leaves the store and the cookie is cleared. */
  @Test
  void logoutRemovesTheEntryAndClearsTheCookie() {
    App app = harness.start(Setup.APP);
    Browser browser = app.browser();
    browser.post("/set", "value", "42");
    browser.post("/login", "user", "alice");
    String cookie = browser.cookie(COOKIE).orElseThrow();
    String id = Cookies.id(cookie);
    assertTrue(harness.store().hasEntry(id));

    Reply logout = browser.post("/logout");
    assertBody("logged out", logout);
    SetCookie cleared = logout.setCookie(COOKIE)
        .orElseThrow(() -> new AssertionError("logout did not clear the cookie: " + logout));
    assertEquals("0", cleared.attribute("Max-Age").orElse(null), "logout's cookie must have Max-Age=0: " + cleared);
    assertEquals("", cleared.value(), "logout's cookie must carry no id: " + cleared);
    assertFalse(harness.store().hasEntry(id), "logout left the session in the store");
    assertEquals(0, harness.store().entryCount(), "logout left entries in the store");

    Browser replay = app.browser().setCookie(COOKIE, cookie);
    assertBody("anonymous", replay.get("/user"), "the logged-out cookie still works");
    assertBody("no value set", replay.get("/get"));
  }

  /** The defaults: HttpOnly, SameSite=Lax, Path=/, not Secure, not Partitioned, persistent for 31 days. */
  @Test
  void defaultCookieAttributes() {
    Browser browser = harness.start(Setup.APP).browser();
    Reply set = browser.post("/set", "value", "42");
    assertEquals(1, set.setCookies().size(), "exactly one cookie (no container session cookie): " + set);
    SetCookie cookie = set.setCookie(COOKIE).orElseThrow(() -> new AssertionError("no session cookie: " + set));
    long maxAge = Long.parseLong(cookie.attribute("Max-Age")
        .orElseThrow(() -> new AssertionError("a permanent session's cookie needs Max-Age: " + cookie)));
    assertAll(cookie.toString(),
        () -> assertTrue(cookie.has("HttpOnly"), "HttpOnly"),
        () -> assertEquals("lax", cookie.attribute("SameSite").orElse("").toLowerCase(), "SameSite=Lax"),
        () -> assertEquals("/", cookie.attribute("Path").orElse(null), "Path=/"),
        () -> assertFalse(cookie.has("Secure"), "not Secure unless configured"),
        () -> assertFalse(cookie.has("Partitioned"), "not Partitioned unless configured"),
        () -> assertFalse(cookie.has("Domain"), "no Domain unless configured"),
        () -> assertTrue(maxAge > Duration.ofDays(31).toSeconds() - 60 && maxAge <= Duration.ofDays(31).toSeconds(),
            "Max-Age of PERMANENT_SESSION_LIFETIME (31 days), not " + maxAge));
  }

  /** Every cookie setting moved off its default: name, Secure, Partitioned, SameSite. */
  @Test
  void configuredCookieAttributes() {
    Browser browser = harness.start(Setup.COOKIE).browser();
    Reply set = browser.post("/set", "value", "42");
    assertEquals(1, set.setCookies().size(), "exactly one cookie: " + set);
    SetCookie cookie = set.setCookie("__Host-sid").orElseThrow(() -> new AssertionError("no __Host-sid: " + set));
    assertAll(cookie.toString(),
        () -> assertTrue(cookie.has("Secure"), "Secure"),
        () -> assertTrue(cookie.has("Partitioned"), "Partitioned"),
        () -> assertTrue(cookie.has("HttpOnly"), "HttpOnly"),
        () -> assertEquals("strict", cookie.attribute("SameSite").orElse("").toLowerCase(), "SameSite=Strict"),
        () -> assertEquals("/", cookie.attribute("Path").orElse(null), "Path=/"),
        () -> assertFalse(cookie.has("Domain"), "a __Host- cookie has no Domain"));
    assertBody("42", browser.get("/get"));
  }

  /** Ids carry at least 256 bits from a CSPRNG, in URL-safe characters, and never repeat. */
  @Test
  void sessionIdsHaveAtLeast256Bits() {
    App app = harness.start(Setup.APP);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      Browser browser = app.browser();
      browser.post("/set", "value", String.valueOf(i));
      String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
      assertTrue(id.matches("[A-Za-z0-9_-]+"), "not URL-safe base64: " + id);
      byte[] bytes = Base64.getUrlDecoder().decode(id);
      assertTrue(bytes.length * 8 >= 256, "a session id of " + bytes.length * 8 + " bits: " + id);
      assertTrue(ids.add(id), "an id came twice: " + id);
      assertTrue(harness.store().hasEntry(id), "the cookie's id is not the store's key: " + id);
    }
  }

  /** Rotation: after SECRET_KEY moves to SECRET_KEY_FALLBACKS, its cookies still verify, and only because of that. */
  @Test
  void oldKeyStillVerifiesAfterRotation() {
    App before = harness.start(Setup.APP);
    Browser browser = before.browser();
    browser.post("/set", "value", "42");
    String oldCookie = browser.cookie(COOKIE).orElseThrow();
    before.stop();

    App rotated = harness.start(Setup.ROTATED);
    assertBody("42", browser.at(rotated.uri()).get("/get"), "the old key's cookie no longer verifies");
    Browser newcomer = rotated.browser();
    newcomer.post("/set", "value", "new");
    String newCookie = newcomer.cookie(COOKIE).orElseThrow();
    rotated.stop();

    // The control: the new key alone refuses the old cookie (so the fallback is what made it work) and accepts
    // the rotated application's new cookie (so that one was signed with the new key).
    App nextOnly = harness.start(Setup.NEXT_KEY_ONLY);
    assertBody("no value set", nextOnly.browser().setCookie(COOKIE, oldCookie).get("/get"),
        "a cookie signed with a key that is neither SECRET_KEY nor a fallback was accepted");
    assertBody("new", nextOnly.browser().setCookie(COOKIE, newCookie).get("/get"),
        "a new cookie was not signed with the new SECRET_KEY");
  }

  /** PERMANENT_SESSION_LIFETIME of 2 s: 3 s later the session is gone, in the store's view too. */
  @Test
  void idleSessionExpires() throws InterruptedException {
    App app = harness.start(Setup.EXPIRY);
    Browser browser = app.browser();
    browser.post("/set", "value", "42");
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    assertBody("42", browser.get("/get"));

    Thread.sleep(3000);
    assertTrue(app.sessions().store().read(id).isEmpty(), "the store still gives out an expired session");
    assertBody("no value set", browser.get("/get"), "an expired session came back");
  }

  /** Idle expiry counts from the last use: a session used every 1.2 s outlives its 2 s lifetime. */
  @Test
  void useKeepsTheSessionAlive() throws InterruptedException {
    App app = harness.start(Setup.EXPIRY);
    Browser browser = app.browser();
    browser.post("/set", "value", "42");
    for (int i = 1; i <= 3; i++) {
      Thread.sleep(1200);
      assertBody("42", browser.get("/get"), "after " + (1.2 * i) + " s of use with pauses of 1.2 s");
    }
  }

  /** No store entry for a session nobody wrote to; nothing at all for a request that never touched it. */
  @Test
  void nothingIsStoredForSessionsNobodyWroteTo() {
    Browser browser = harness.start(Setup.APP).browser();
    assertBody("hello world", browser.get("/"));
    assertEquals(0, harness.store().entryCount(), "GET / stored something");
    assertBody("no value set", browser.get("/get"));
    assertEquals(0, harness.store().entryCount(), "reading an empty session stored it");
    assertBody("anonymous", browser.get("/user"));
    assertBody("value deleted", browser.post("/delete"));
    assertEquals(0, harness.store().entryCount(), "removing an attribute from an empty session stored it");
  }

  /**
   * At most one store read per request (and what the store needs to apply a change, on the filesystem a read under
   * the session's lock); none for a request that never touches the session.
   */
  @Test
  void oneStoreReadPerRequest() {
    harness.assumeStoreReadsCounted();
    Browser browser = harness.start(Setup.APP).browser();
    browser.post("/set", "value", "42");

    int hello = harness.store().reads(() -> assertBody("hello world", browser.get("/")));
    int get = harness.store().reads(() -> assertBody("42", browser.get("/get")));
    int modify = harness.store().reads(() -> assertBody("value set", browser.post("/modify", "value", "43")));
    int getAgain = harness.store().reads(() -> assertBody("43", browser.get("/get")));
    String counts = "store reads: GET / " + hello + ", GET /get " + get + ", POST /modify " + modify
        + ", GET /get " + getAgain;
    assertAll(counts,
        () -> assertEquals(0, hello, "GET /"),
        () -> assertTrue(get <= 1, "GET /get"),
        () -> assertTrue(modify <= 1 + harness.store().readsToApplyAChange(), "POST /modify"),
        () -> assertTrue(getAgain <= 1, "GET /get"));
  }

  /** Data that cannot be read back is a missing session (and a log line), never an HTTP 500. */
  @Test
  void unreadableEntryIsAFreshSession() {
    Browser browser = harness.start(Setup.APP).browser();
    browser.post("/set", "value", "42");
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    harness.store().corruptEntry(id);

    assertBody("no value set", browser.get("/get"));
    assertBody("value set", browser.post("/set", "value", "43"));
    assertBody("43", browser.get("/get"));
  }

  /**
   * Two clients of one session, each on its own application instance, send 200 requests one after the other, in
   * parallel: one increments counter x, the other counter y (read, add one, set). No change is lost: both end at
   * exactly 200.
   */
  @Test
  void parallelRequestsChangingDifferentAttributesKeepEveryChange() throws Exception {
    App first = harness.start(Setup.APP);
    App second = harness.start(Setup.APP);
    Browser one = first.browser();
    assertBody("value set", one.post("/set", "value", "start"));
    String cookie = one.cookie(COOKIE).orElseThrow();
    Browser two = second.browser().setCookie(COOKIE, cookie);
    List<List<String>> replies = inParallel(200, () -> one.post("/increment", "counter", "x"),
        () -> two.post("/increment", "counter", "y"));
    assertEquals("200", replies.get(0).get(199), "client 1's last increment");
    assertEquals("200", replies.get(1).get(199), "client 2's last increment");
    String id = Cookies.id(cookie);
    assertEquals(Map.of("value", "start", "x", 200, "y", 200), StoredAttributes.of(id, harness.store().readEntry(id)));
  }

  /**
   * Two clients increment the same counter in parallel: of two changes of one attribute the one written last wins,
   * so increments may be lost, but what is stored is always a value one of the requests wrote, never a mix.
   */
  @Test
  void parallelRequestsChangingOneAttributeLeaveTheLastWrittenValue() throws Exception {
    App first = harness.start(Setup.APP);
    App second = harness.start(Setup.APP);
    Browser one = first.browser();
    assertBody("1", one.post("/increment", "counter", "n"));
    String cookie = one.cookie(COOKIE).orElseThrow();
    Browser two = second.browser().setCookie(COOKIE, cookie);
    List<List<String>> replies = inParallel(200, () -> one.post("/increment", "counter", "n"),
        () -> two.post("/increment", "counter", "n"));
    String id = Cookies.id(cookie);
    Object stored = StoredAttributes.of(id, harness.store().readEntry(id)).get("n");
    Set<String> written = new HashSet<>(replies.get(0));
    written.addAll(replies.get(1));
    assertTrue(written.contains(String.valueOf(stored)), "the stored counter " + stored + " is no value a request"
        + " wrote");
    assertTrue((Integer) stored <= 401, "more increments than requests: " + stored);
  }

  /**
   * A logout while a slower request of the session runs (it read the session, then changes it): the session stays
   * gone; the slower request's change never brings it back under the old id.
   */
  @Test
  void aLogoutDuringASlowerRequestIsNeverUndone() throws Exception {
    App first = harness.start(Setup.APP);
    App second = harness.start(Setup.APP);
    for (int attempt = 0; attempt < 2; attempt++) {
      Browser slow = first.browser();
      assertBody("logged in", slow.post("/login", "user", "ann"));
      String cookie = slow.cookie(COOKIE).orElseThrow();
      Browser other = second.browser().setCookie(COOKIE, cookie);
      afterASlowerRequest(slow, () -> assertBody("logged out", other.post("/logout")));
      assertFalse(harness.store().hasEntry(Cookies.id(cookie)), "the logged-out session came back");
      assertBody("anonymous", first.browser().setCookie(COOKIE, cookie).get("/user"));
    }
  }

  /** A login's new id while a slower request of the session runs: the old id never comes back. */
  @Test
  void aNewIdDuringASlowerRequestLeavesTheOldOneGone() throws Exception {
    App first = harness.start(Setup.APP);
    App second = harness.start(Setup.APP);
    Browser slow = first.browser();
    assertBody("value set", slow.post("/set", "value", "cart"));
    String cookie = slow.cookie(COOKIE).orElseThrow();
    Browser other = second.browser().setCookie(COOKIE, cookie);
    afterASlowerRequest(slow, () -> assertBody("logged in", other.post("/login", "user", "ann")));
    assertFalse(harness.store().hasEntry(Cookies.id(cookie)), "the old id came back");
    assertBody("anonymous", first.browser().setCookie(COOKIE, cookie).get("/user"));
    assertBody("ann", other.get("/user"));
  }

  /** Runs {@code meanwhile} while {@code browser} sends a request that reads its session, pauses, then changes it. */
  private static void afterASlowerRequest(Browser browser, Runnable meanwhile) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<Reply> slow = pool.submit(() -> browser.post("/increment", "counter", "late",
          "pause", "400"));
      Thread.sleep(150); // the slow request has read the session by now, and pauses before it changes it
      meanwhile.run();
      assertBody("1", slow.get(10, java.util.concurrent.TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs each client's request {@code times} times in a row, the clients in parallel; each one's reply bodies. */
  @SafeVarargs
  private static List<List<String>> inParallel(int times, java.util.function.Supplier<Reply>... clients)
      throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients.length);
    try {
      List<java.util.concurrent.Future<List<String>>> running = new ArrayList<>();
      for (java.util.function.Supplier<Reply> client : clients) {
        running.add(pool.submit(() -> {
          List<String> bodies = new ArrayList<>();
          for (int i = 0; i < times; i++) {
            Reply reply = client.get();
            assertEquals(200, reply.status(), reply.toString());
            bodies.add(reply.body());
          }
          return bodies;
        }));
      }
      List<List<String>> replies = new ArrayList<>();
      for (java.util.concurrent.Future<List<String>> each : running) {
        replies.add(each.get(120, java.util.concurrent.TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A value that would make the session larger than SESSION_MAX_SIZE (512 KiB by default) is refused when it is set,
   * with a message naming it and the sizes: the application can answer, the session keeps what it had, and the
   * store never sees a session it could not hold (memcached's 1 MB items).
   */
  @Test
  void aValueOverTheMaximumSessionSizeIsRefusedAtSetAttribute() {
    Browser browser = harness.start(Setup.APP).browser();
    assertBody("value set", browser.post("/set", "value", "42"));
    Reply refused = browser.post("/upload", "bytes", Integer.toString(2 * 1024 * 1024));
    assertEquals(200, refused.status(), refused.toString());
    assertTrue(refused.body().startsWith("refused: Session attribute 'upload' cannot be stored: its 2097"),
        refused.body());
    assertTrue(refused.body().contains("over SESSION_MAX_SIZE (524288 bytes)"), refused.body());
    assertBody("42", browser.get("/get"));
    assertBody("stored", browser.post("/upload", "bytes", "100000"));
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    assertEquals(Set.of("value", "upload"), StoredAttributes.of(id, harness.store().readEntry(id)).keySet());
  }

  /**
   * One value of every kind a session stores (records with nested records and an enum-keyed map of lists, an
   * EnumSet, java.time, a Serializable class of an allowed package...), set on one instance and read back equal, of
   * the same class, on another; objects changed in place there, without setAttribute, are stored too.
   */
  @Test
  void everyValueKindRoundTripsBetweenTwoInstances() {
    App first = harness.start(Setup.VALUES);
    App second = harness.start(Setup.VALUES);
    Browser browser = first.browser();
    assertBody("stored", browser.post("/values/store"));
    assertBody("ok", browser.at(second.uri()).get("/values/check"));
    assertBody("mutated", browser.post("/values/mutate"));
    List<String> names = new ArrayList<>(Samples.all().keySet());
    Collections.sort(names);
    assertBody(names + " cart=21 list=added in place", browser.at(first.uri()).get("/values/names"));
  }

  /**
   * A deserialization gadget written straight into the store is never instantiated: not as bare JDK
   * serialization, not in a record signed with another key, and not even in a record signed with the
   * application's own key, as the allow-list still refuses its class. The user sees a fresh session.
   */
  @Test
  void aGadgetPlantedInTheStoreIsNeverInstantiated() throws Exception {
    Browser browser = harness.start(Setup.VALUES).browser();
    assertBody("logged in", browser.post("/login", "user", "ann"));
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    byte[] gadget = SessionValues.of(AttributeTypes.none(), List.of(Gadget.class.getName())).encode("user", new Gadget());
    ByteArrayOutputStream bare = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bare)) {
      out.writeObject(new Gadget());
    }
    Gadget.READS.set(0);
    List<SessionRecord> planted = List.of(SessionRecord.of(Map.of("", bare.toByteArray(), "user", bare.toByteArray())),
        StoredRecords.signed(Secret.of(Cookies.randomId(48)), id, Map.of("user", gadget)),
        StoredRecords.signed(Secret.of(TestProperties.KEY), id, Map.of("user", gadget)));
    for (SessionRecord record : planted) {
      harness.store().writeEntry(id, record);
      assertBody("anonymous", browser.get("/user"));
    }
    assertEquals(0, Gadget.READS.get(), "the gadget's readObject never ran");
  }

  /** A record edited in the store (the user name changed by hand) fails its signature: a fresh session. */
  @Test
  void aRecordEditedInTheStoreIsRejected() {
    Browser browser = harness.start(Setup.APP).browser();
    assertBody("logged in", browser.post("/login", "user", "ann"));
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>(harness.store().readEntry(id).entries());
    byte[] user = entries.get("user").clone();
    int at = new String(user, StandardCharsets.ISO_8859_1).lastIndexOf("ann");
    assertTrue(at >= 0, "the user name is in the record");
    user[at] = 'b';
    user[at + 2] = 'b';
    entries.put("user", user);
    harness.store().writeEntry(id, SessionRecord.of(entries));
    assertBody("anonymous", browser.get("/user"));
  }

  /**
   * An object of an allowed class nested far deeper than any session value, in a record signed with the
   * application's key: the reader's limits stop it, and only that attribute is dropped.
   */
  @Test
  void anAllowedClassNestedTooDeeplyIsStoppedAndOnlyItsAttributeDropped() throws Exception {
    Browser browser = harness.start(Setup.VALUES).browser();
    assertBody("logged in", browser.post("/login", "user", "ann"));
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    SessionValues values = SessionValues.of(AttributeTypes.none(), List.of(Chain.class.getName()));
    harness.store().writeEntry(id, StoredRecords.signed(Secret.of(TestProperties.KEY), id,
        Map.of("user", values.encode("user", "ann"), "value", values.encode("value", Chain.of(1_000)))));
    assertBody("no value set", browser.get("/get"));
    assertBody("ann", browser.get("/user"));
  }

  /**
   * Session listeners registered the standard ways (declared as in web.xml, and added by the application with
   * ServletContext.addListener after initApp) hear a login and a logout as the Servlet specification says.
   */
  @Test
  void listenersRegisteredTheStandardWaysHearTheSessionEvents() {
    harness.assumeInThisJvm("the listeners that hear the events are classes of the tests, registered in this JVM");
    AuditListener.EVENTS.clear();
    Browser browser = harness.start(Setup.APP).browser();
    assertBody("logged in", browser.post("/login", "user", "ann"));
    assertBody("value set", browser.post("/set", "value", "1"));
    assertBody("value set", browser.post("/modify", "value", "2"));
    assertBody("value deleted", browser.post("/delete"));
    assertBody("logged out", browser.post("/logout"));
    for (String listener : List.of("declared", "programmatic")) {
      List<String> heard = AuditListener.EVENTS.stream().filter(event -> event.startsWith(listener + ": "))
          .map(event -> event.substring(listener.length() + 2)).toList();
      assertEquals(List.of("created", "id changed", "added user", "added value", "replaced value", "removed value",
          "destroyed user=ann", "removed user"), heard, listener + " listener");
    }
  }

  /**
   * A session left idle expires in the store, and the listeners of one instance of two hear it destroyed, once:
   * with its attributes where the store still has them when it reports (filesystem, JDBC), without them on Redis
   * (the key is gone when Redis tells), and not at all on memcached, which cannot tell.
   */
  @Test
  void aSessionThatExpiresInTheStoreIsDestroyedOnceOnOneInstance() throws InterruptedException {
    App first = harness.start(Setup.EXPIRY_EVENTS);
    harness.start(Setup.EXPIRY_EVENTS);
    AuditListener.EVENTS.clear();
    assertBody("logged in", first.browser().post("/login", "user", "ann"));
    String heard = switch (storeKind()) {
      case MEMCACHED -> null;
      case REDIS -> "destroyed user=null";
      default -> "destroyed user=ann";
    };
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (heard != null && destroyedEvents().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(2_500); // two more sweeps of each instance: nothing is reported twice
    List<String> expected = heard == null ? List.of() : List.of("declared: " + heard, "programmatic: " + heard);
    assertEquals(expected, destroyedEvents());
  }

  private static List<String> destroyedEvents() {
    return AuditListener.EVENTS.stream().filter(event -> event.contains(": destroyed")).sorted().toList();
  }

  /** The test app's /login stores the user's name; the index takes it as the session's owner. */
  private static final PrincipalResolver BY_USER = (request, session) ->
      Optional.ofNullable((String) session.getAttribute("user"));

  /**
   * A user with three sessions on two instances: one expires, one is invalidated; both instances list exactly the
   * live one, and ending all of the user's sessions on one instance ends it on the other.
   */
  @Test
  void theSessionsOfAUserAreListedOnEveryInstanceLiveOnesOnly() throws InterruptedException {
    App a = harness.start(Setup.EXPIRY_EVENTS);
    App b = harness.start(Setup.EXPIRY_EVENTS);
    a.sessions().principalResolver(BY_USER);
    b.sessions().principalResolver(BY_USER);
    if (storeKind() == StoreKind.MEMCACHED) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> a.sessions().users().of("ann"));
      assertTrue(e.getMessage().contains("memcached"), e.getMessage());
      return;
    }
    Browser expiring = a.browser();
    assertBody("logged in", expiring.post("/login", "user", "ann"));
    Thread.sleep(1_300);
    Browser invalidated = b.browser();
    assertBody("logged in", invalidated.post("/login", "user", "ann"));
    Browser live = a.browser();
    assertBody("logged in", live.post("/login", "user", "ann"));
    assertBody("logged in", b.browser().post("/login", "user", "bob"));
    assertEquals(Set.of(idOf(expiring), idOf(invalidated), idOf(live)), ids(b.sessions().users().of("ann")));

    Thread.sleep(1_300); // the first session has been idle for longer than its 2 s
    assertBody("ann", live.at(b.uri()).get("/user"));
    assertBody("logged out", invalidated.at(a.uri()).post("/logout"));
    assertEquals(Set.of(idOf(live)), ids(a.sessions().users().of("ann")), "on the instance the user left");
    assertEquals(Set.of(idOf(live)), ids(b.sessions().users().of("ann")), "on the other");
    assertEquals(1, a.sessions().users().of("bob").size(), "another user's session is his");

    assertEquals(1, b.sessions().users().invalidateAll("ann"));
    assertBody("anonymous", live.at(a.uri()).get("/user"), "logged out everywhere");
    assertEquals(List.of(), a.sessions().users().of("ann"));
  }

  private static String idOf(Browser browser) {
    return Cookies.id(browser.cookie(COOKIE).orElseThrow());
  }

  private static Set<String> ids(List<UserSession> sessions) {
    return sessions.stream().map(UserSession::id).collect(java.util.stream.Collectors.toSet());
  }

  /** The generated ServletContextListener, instantiated by the container as web.xml would have it. */
  @Test
  void generatedListenerStartsSessions() {
    Browser browser = harness.start(AppConfigLoader.Listener.class).browser();
    assertBody("value set", browser.post("/set", "value", "42"));
    assertBody("42", browser.get("/get"));
  }

  /** The id of the session cookie {@code reply} set; fails when it set none. */
  static String newSessionId(Reply reply) {
    SetCookie cookie = reply.setCookie(COOKIE)
        .orElseThrow(() -> new AssertionError("expected a new session cookie: " + reply));
    if (cookie.deletes()) {
      fail("expected a new session cookie, got one that clears it: " + reply);
    }
    return Cookies.id(cookie.value());
  }

  static void assertBody(String expected, Reply reply) {
    assertBody(expected, reply, "");
  }

  static void assertBody(String expected, Reply reply, String message) {
    assertEquals(200, reply.status(), message + " " + reply);
    assertEquals(expected, reply.body(), message + " " + reply);
  }
}
