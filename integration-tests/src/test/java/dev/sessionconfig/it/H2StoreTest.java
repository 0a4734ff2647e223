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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on an embedded H2 database, the no-server case: {@link JdbcStoreTest}'s tests (two instances in
 * one JVM share the database file), and a database that cannot be opened. Run on each container by
 * {@link JettyH2StoreTest} and {@link TomcatH2StoreTest}.
 */
abstract class H2StoreTest extends JdbcStoreTest {

  H2StoreTest(ContainerKind containerKind) {
    super(containerKind, StoreKind.H2);
  }

  /**
   * A database file that cannot be created (its directory's parent is a regular file) fails initApp, naming the
   * database by its URL with the password written in it masked.
   */
  @Test
  void unusableDatabaseIsAStartupError() throws IOException {
    Path regularFile = Files.writeString(workDir.resolve("not-a-directory"), "a file, not a directory");
    String secret = "url-secret-" + UUID.randomUUID();
    String path = regularFile.resolve("db").resolve("sessions").toString();
    Map<String, String> overrides = new HashMap<>();
    overrides.put("it.jdbc.url", "jdbc:h2:file:" + path + ";USER=sa;PASSWORD=" + secret);
    overrides.put("it.jdbc.user", null);
    overrides.put("it.jdbc.password", null);
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> harness.start(AppConfigLoader::initApp, overrides));
    Throwable cause = e.getCause();
    assertNotNull(cause, "the container failed, but not because of initApp: " + e);
    assertInstanceOf(SessionConfigException.class, cause, "initApp's error: " + cause);
    String message = String.valueOf(cause.getMessage());
    assertAll(message,
        () -> assertTrue(message.contains("jdbc:h2:file:" + path), "initApp's error must name the database"),
        () -> assertFalse(message.contains(secret), "initApp's error shows the URL's password"));
  }
}
