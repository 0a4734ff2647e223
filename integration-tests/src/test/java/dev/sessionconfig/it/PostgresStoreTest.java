package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.container.ContainerStartException;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.testing.PostgresServer;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The JDBC store on a real PostgreSQL server: {@link JdbcStoreTest}'s tests, and what only a server brings
 * (outages and unreachable servers, in {@link NetworkStoreTest}; logins). Run on each container by
 * {@link JettyPostgresStoreTest} and {@link TomcatPostgresStoreTest}.
 */
abstract class PostgresStoreTest extends JdbcStoreTest implements NetworkStoreTest<PostgresServer> {

  PostgresStoreTest(ContainerKind containerKind) {
    super(containerKind, StoreKind.POSTGRESQL);
  }

  /** The password written in the unreachable database's URL, which initApp's error must not show. */
  private final String urlSecret = "url-secret-" + UUID.randomUUID();


  @Override
  public String storeTag() {
    return "jdbc";
  }

  @Override
  public String serverName() {
    return "PostgreSQL";
  }

  @Override
  public PostgresServer newServer() {
    return PostgresServer.create();
  }

  @Override
  public Map<String, String> pointingAt(PostgresServer server) {
    return Map.of("it.jdbc.url", server.jdbcUrl(), "it.jdbc.user", server.user(), "it.jdbc.password",
        server.password());
  }

  /**
   * PostgreSQL goes away in a fast shutdown (connections cut) and comes back on the same port with its data: the
   * same application serves the same session again from the first request on.
   */
  @Override
  public String bodyAfterRestart() {
    return "42";
  }

  @Override
  public Map<String, String> unreachableAt(int port) {
    return Map.of("it.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/sessionconfig?password=" + urlSecret);
  }

  /** The database's URL, any password in it masked. */
  @Override
  public String unreachableName(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/sessionconfig";
  }

  @Override
  public String unreachableNameIs() {
    return "the database by its URL";
  }

  @Override
  public Stream<Executable> moreUnreachableChecks(String message) {
    return Stream.of(
        () -> assertFalse(message.contains(urlSecret), "initApp's error shows the URL's password"),
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
