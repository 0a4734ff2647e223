package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.COOKIE;
import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.Harness.App;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.container.ContainerStartException;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.store.FilesystemFixture;
import dev.sessionconfig.it.store.StoreKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the filesystem store promises: run on each container by {@link JettyFilesystemStoreTest} and
 * {@link TomcatFilesystemStoreTest}.
 */
abstract class FilesystemStoreTest extends HarnessTest {

  FilesystemFixture files;

  FilesystemStoreTest(ContainerKind containerKind) {
    super(containerKind, StoreKind.FILESYSTEM);
  }

  /** Runs after {@link HarnessTest#startHarness()}, as JUnit runs a superclass's {@code @BeforeEach} first. */
  @BeforeEach
  void fixture() {
    files = (FilesystemFixture) harness.store();
  }

  /** All state is in SESSION_FILE_DIR: a new application on the same directory serves the same sessions. */
  @Test
  void restartKeepsSessions() {
    App first = harness.start(AppConfigLoader::initApp);
    Browser browser = first.browser();
    assertBody("value set", browser.post("/set", "value", "42"));
    assertBody("logged in", browser.post("/login", "user", "alice"));
    first.stop();

    App second = harness.start(AppConfigLoader::initApp);
    browser.at(second.uri());
    assertBody("42", browser.get("/get"), "the session did not survive the restart");
    assertBody("alice", browser.get("/user"));
  }

  /** A SESSION_FILE_DIR that cannot be created (its parent is a regular file) stops the start, naming it. */
  @Test
  void unusableDirectoryIsAStartupError() throws IOException {
    Path regularFile = Files.writeString(workDir.resolve("not-a-directory"), "a file, not a directory");
    Path dir = regularFile.resolve("sessions");
    ContainerStartException e = assertThrows(ContainerStartException.class,
        () -> harness.start(AppConfigLoader::initApp, Map.of("it.file.dir", dir.toString())));
    Throwable cause = e.getCause();
    assertNotNull(cause, "the container failed, but not because of initApp: " + e);
    assertTrue(String.valueOf(cause.getMessage()).contains(dir.toString()),
        "initApp's error must name the directory " + dir + ": " + cause);
  }

  /** Session files get SESSION_FILE_MODE (default 0600): nobody but the application's user reads them. */
  @Test
  void sessionFilesAreOwnerOnly() throws IOException {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42");
    Path file = files.file(Cookies.id(browser.cookie(COOKIE).orElseThrow()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
  }

  /** The probe behind the store-read counts sees reads of session files (so a count of 0 or 1 means something). */
  @Test
  void readCounterSeesSessionFileReads() {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42");
    Path file = files.file(Cookies.id(browser.cookie(COOKIE).orElseThrow()));
    assertEquals(1, FilesystemFixture.countReads(files.dir(), () -> {
      try {
        Files.readAllBytes(file);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }));
    assertEquals(1, files.reads(() -> assertBody("42", browser.get("/get"))),
        "GET /get of an existing session should read its file once");
  }
}
