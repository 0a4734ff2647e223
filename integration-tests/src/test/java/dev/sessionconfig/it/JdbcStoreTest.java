package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.COOKIE;
import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static dev.sessionconfig.it.SessionBehaviourTest.newSessionId;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.ExpiryConfigLoader;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.it.store.JdbcFixture;
import dev.sessionconfig.it.store.StoreKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store promises (SPEC section 7 and the store issue) on every database: one row per session in a
 * table the store creates, one statement per store call (counted by the database itself), sessions shared by
 * instances ({@link SharedStoreTest}), and expiry enforced before any cleanup. Extended by {@link PostgresStoreTest}
 * (a real server: outages, unreachable servers, logins) and {@link H2StoreTest} (embedded), each run on both
 * containers.
 */
abstract class JdbcStoreTest extends HarnessTest implements SharedStoreTest {

  JdbcFixture db;

  JdbcStoreTest(ContainerKind containerKind, StoreKind storeKind) {
    super(containerKind, storeKind);
  }

  /** Runs after {@link HarnessTest#startHarness()}, as JUnit runs a superclass's {@code @BeforeEach} first. */
  @BeforeEach
  void fixture() {
    db = (JdbcFixture) harness.store();
  }

  /**
   * Statements per request, counted by the database: a read-only request one SELECT, a modifying one a SELECT and
   * one upsert, a logout a SELECT and a DELETE, GET / nothing at all.
   */
  @Test
  void statementsPerRequest() throws InterruptedException {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42");
    untilThePoolIsFilled(browser);

    Map<String, Long> hello = db.statements(() -> assertBody("hello world", browser.get("/")));
    Map<String, Long> get = db.statements(() -> assertBody("42", browser.get("/get")));
    Map<String, Long> modify = db.statements(() -> assertBody("value set", browser.post("/modify", "value", "43")));
    Map<String, Long> set = db.statements(() -> assertBody("value set", browser.post("/set", "value", "44")));
    Map<String, Long> getAgain = db.statements(() -> assertBody("44", browser.get("/get")));
    Map<String, Long> logout = db.statements(() -> assertBody("logged out", browser.post("/logout")));
    String all = "GET / " + hello + ", GET /get " + get + ", POST /modify " + modify + ", POST /set " + set
        + ", GET /get " + getAgain + ", POST /logout " + logout;
    assertAll(all,
        () -> assertEquals(Map.of(), hello, "GET /"),
        () -> assertEquals(Map.of("select", 1L), get, "GET /get"),
        // The change only, to the row as read: UPDATE ... WHERE id = ? AND version = ?, no retry uncontended.
        () -> assertEquals(Map.of("select", 1L, "update", 1L), modify, "POST /modify"),
        () -> assertEquals(Map.of("select", 1L, "update", 1L), set, "POST /set"),
        () -> assertEquals(Map.of("select", 1L), getAgain, "GET /get"),
        () -> assertEquals(Map.of("select", 1L, "delete", 1L), logout, "POST /logout"));
  }

  /**
   * The pool opens its connections in the background after the first use; until it holds one, the store lends a
   * new connection for each call, and opening a connection runs statements of its own (pgjdbc's
   * {@code SET application_name}; HikariCP's {@code SHOW TRANSACTION ISOLATION LEVEL} on PostgreSQL,
   * {@code CALL READONLY()} on H2, when it sets up its first one). That is the cost of a connection, not of a
   * request: the counting starts once the database shows the pool's connection, within {@link #POOL_FILLED}, and a
   * read-only request then costs its one SELECT and nothing else.
   */
  private void untilThePoolIsFilled(Browser browser) throws InterruptedException {
    db.awaitPooledConnection(POOL_FILLED);
    Map<String, Long> get = db.statements(() -> assertBody("42", browser.get("/get")));
    if (!get.equals(Map.of("select", 1L))) {
      fail("with the pool's connection open, GET /get still costs " + get);
    }
  }

  static final Duration POOL_FILLED = Duration.ofSeconds(3);

  /**
   * initApp creates the table when it is missing; each session is one row: its id, its signed record, and its
   * expiry (epoch milliseconds) one PERMANENT_SESSION_LIFETIME (31 days) after the request.
   */
  @Test
  void oneRowPerSessionInATableTheStoreCreates() {
    assertFalse(db.tableExists(), "the test should start without a session table");
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    assertTrue(db.tableExists(), "initApp did not create the session table " + JdbcFixture.TABLE);
    assertEquals(0, db.entryCount());

    long before = System.currentTimeMillis();
    browser.post("/set", "value", "42");
    long after = System.currentTimeMillis();
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());

    assertEquals(1, db.entryCount());
    JdbcFixture.Row row = db.row(id).orElseThrow(() -> new AssertionError("no row for the session's id"));
    assertEquals(Map.of("value", "42"), StoredAttributes.of(id, db.readEntry(id)));
    long lifetime = Duration.ofDays(31).toMillis();
    assertTrue(row.expiresAt() >= before + lifetime && row.expiresAt() <= after + lifetime,
        "expires_at should be the request's time plus 31 days, " + (before + lifetime) + " to " + (after + lifetime)
            + ", not " + row.expiresAt());
  }

  /**
   * Expired sessions are never served, although their rows stay in the table until the cleanup runs (every minute
   * at most, first after half a minute at least: not during this test). Two sessions of a 2-second lifetime: one
   * left alone (its row expired: the store's own query must not return it), one whose row's expires_at was moved
   * an hour ahead behind the application's back, as a lagging clock or a stale row would leave it (the session's
   * own lifetime, kept in its data, must still end it).
   */
  @Test
  void expiredSessionsAreNeverServedBeforeCleanup() throws InterruptedException {
    App app = harness.start(ExpiryConfigLoader::initApp);
    Browser expired = app.browser();
    expired.post("/set", "value", "1");
    String expiredId = Cookies.id(expired.cookie(COOKIE).orElseThrow());
    Browser stale = app.browser();
    stale.post("/set", "value", "2");
    String staleId = Cookies.id(stale.cookie(COOKIE).orElseThrow());
    db.setExpiresAt(staleId, System.currentTimeMillis() + Duration.ofHours(1).toMillis());

    Thread.sleep(3000); // the lifetime is 2 s
    long now = System.currentTimeMillis();
    JdbcFixture.Row row = db.row(expiredId).orElseThrow(() -> new AssertionError(
        "the expired row is gone already: this test needs it in the table, as it is until the cleanup runs"));
    assertTrue(row.expiresAt() < now, "the row should have expired: expires_at " + row.expiresAt() + ", now " + now);
    assertAll("expired sessions",
        () -> assertTrue(app.sessions().store().read(expiredId).isEmpty(),
            "the store's read returned a row whose expires_at has passed"),
        () -> assertBody("no value set", expired.get("/get"), "an expired row was served"),
        () -> assertBody("no value set", stale.get("/get"),
            "a session past its lifetime was served because its row's expires_at said it was live"));
    Reply set = expired.post("/set", "value", "3");
    assertNotEquals(expiredId, newSessionId(set), "the expired session's id was reused");
  }

  /**
   * A row whose expires_at has passed is no session, however live its data says it is (31 days of lifetime): the
   * store's read filters on expires_at, so expiry holds even when the cleanup never ran.
   */
  @Test
  void rowPastItsExpiryIsNeverServed() {
    App app = harness.start(AppConfigLoader::initApp);
    Browser browser = app.browser();
    browser.post("/set", "value", "42");
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    db.setExpiresAt(id, System.currentTimeMillis() - 1000);

    assertTrue(db.hasEntry(id));
    assertTrue(app.sessions().store().read(id).isEmpty(), "the store's read returned an expired row");
    assertBody("no value set", browser.get("/get"), "an expired row was served");
  }
}
