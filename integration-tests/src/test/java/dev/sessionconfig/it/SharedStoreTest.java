package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.store.StoreFixture;
import org.junit.jupiter.api.Test;

/**
 * What every store that instances can share promises (SPEC section 7): two application instances on one store see
 * each other's sessions. Implemented by {@link RedisStoreTest}, {@link MemcachedStoreTest} and
 * {@link JdbcStoreTest}, which provide the test's harness.
 */
interface SharedStoreTest {

  /** This test's harness, started before each test and closed after it. */
  Harness harness();

  /** Two application instances on one store see each other's sessions. */
  @Test
  default void twoInstancesShareSessions() {
    App a = harness().start(AppConfigLoader::initApp);
    App b = harness().start(AppConfigLoader::initApp);
    Browser browser = a.browser();
    assertBody("value set", browser.post("/set", "value", "42"));
    assertBody("42", browser.at(b.uri()).get("/get"), "instance B does not see A's session");
    assertBody("value set", browser.post("/modify", "value", "43"));
    assertBody("43", browser.at(a.uri()).get("/get"), "instance A does not see B's change");
    assertBody("logged in", browser.at(b.uri()).post("/login", "user", "alice"));
    assertBody("alice", browser.at(a.uri()).get("/user"), "A does not know B's renewed id");
    assertBody("logged out", browser.at(a.uri()).post("/logout"));
    StoreFixture store = harness().store();
    assertEquals(0, store.entryCount());
  }
}
