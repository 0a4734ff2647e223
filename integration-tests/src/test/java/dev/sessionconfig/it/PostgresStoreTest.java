package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.container.ContainerStartException;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.testing.PostgresServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on a real PostgreSQL server: {@link JdbcStoreTest}'s tests, and what only a server brings
 * (outages, unreachable servers, logins). Run on each container by {@link JettyPostgresStoreTest} and
 * {@link TomcatPostgresStoreTest}.
 */
abstract class PostgresStoreTest extends JdbcStoreTest {

  PostgresStoreTest(ContainerKind containerKind) {
    super(containerKind, StoreKind.POSTGRESQL);
  }

  /**
   * PostgreSQL goes away mid-run (a fast shutdown: connections cut): requests that need it fail with 503, and
   * once it is back on the same port, with its data, the same application serves the same session again from the
   * first request on, without a restart.
   */
  @Test
  void outageIs503AndRecoversWithoutRestart() {
    try (PostgresServer own = PostgresServer.create().start()) {
      App app = harness.start(AppConfigLoader::initApp,
          Map.of("it.jdbc.url", own.jdbcUrl(), "it.jdbc.user", own.user(), "it.jdbc.password", own.password()));
      Browser browser = app.browser();
      assertBody("value set", browser.post("/set", "value", "42"));
      assertBody("42", browser.get("/get"));

      own.stop();
      Reply get = browser.get("/get");
      Reply set = browser.post("/set", "value", "43");
      Reply fresh = app.browser().post("/set", "value", "1");
      Reply hello = browser.get("/");
      assertAll("with PostgreSQL down",
          () -> assertEquals(503, get.status(), "GET /get: " + get),
          () -> assertEquals(503, set.status(), "POST /set: " + set),
          () -> assertEquals(503, fresh.status(), "POST /set without a session: " + fresh),
          () -> assertEquals(200, hello.status(), "GET / does not need the store: " + hello));

      own.start(); // same port, same data
      assertBody("42", browser.get("/get"), "the first request after PostgreSQL came back");
      assertBody("value set", browser.post("/set", "value", "44"));
      assertBody("44", browser.get("/get"));
    }
  }

  /** initApp checks that the database answers, and names it by its URL, any password in it masked. */
  @Test
  void unreachableDatabaseIsAStartupError() {
    int port = PostgresServer.freePort();
    String secret = "url-secret-" + UUID.randomUUID();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/sessionconfig?password=" + secret;
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> harness.start(AppConfigLoader::initApp, Map.of("it.jdbc.url", url)));
    Throwable cause = e.getCause();
    assertNotNull(cause, "the container failed, but not because of initApp: " + e);
    assertInstanceOf(SessionConfigException.class, cause, "initApp's error: " + cause);
    String message = String.valueOf(cause.getMessage());
    assertAll(message,
        () -> assertTrue(message.contains("jdbc:postgresql://127.0.0.1:" + port + "/sessionconfig"),
            "initApp's error must name the database by its URL"),
        () -> assertFalse(message.contains(secret), "initApp's error shows the URL's password"),
        () -> assertFalse(message.contains(db.password()), "initApp's error shows SESSION_JDBC_PASSWORD"));
  }

  /** A wrong SESSION_JDBC_PASSWORD fails initApp, saying so, and never shows the password it tried. */
  @Test
  void refusedLoginIsAStartupErrorWithoutThePassword() {
    String wrong = "wrong-" + UUID.randomUUID();
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> harness.start(AppConfigLoader::initApp, Map.of("it.jdbc.password", wrong)));
    Throwable cause = e.getCause();
    assertNotNull(cause, "the container failed, but not because of initApp: " + e);
    assertInstanceOf(SessionConfigException.class, cause, "initApp's error: " + cause);
    String message = String.valueOf(cause.getMessage());
    assertAll(message,
        () -> assertTrue(message.contains(db.url()), "initApp's error must name the database by its URL"),
        () -> assertTrue(message.contains("SESSION_JDBC_PASSWORD"), "initApp's error must point at the password"),
        () -> assertFalse(message.contains(wrong), "initApp's error shows the password"));
  }
}
