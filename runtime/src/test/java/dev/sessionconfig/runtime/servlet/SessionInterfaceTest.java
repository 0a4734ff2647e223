package dev.sessionconfig.runtime.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import dev.sessionconfig.runtime.testing.MemoryStore;
import dev.sessionconfig.runtime.testing.TestSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionInterfaceTest {
  @TempDir
  Path temp;
  private final FakeServletContext fake = new FakeServletContext();

  private SessionSettings filesystem(Path dir) {
    return TestSettings.builder().with(Setting.SESSION_FILE_DIR, dir.toString()).build();
  }

  private static SessionSettings memory(String url) {
    return TestSettings.builder().with(Setting.SESSION_TYPE, SessionType.JDBC).with(Setting.SESSION_JDBC_URL, url).build();
  }

  @Test
  void installOpensTheConfiguredStoreAndFiltersEveryRequest() {
    Path dir = temp.resolve("sessions");
    try (SessionInterface sessions = SessionInterface.install(fake.context(), filesystem(dir))) {
      assertEquals("filesystem at " + dir, sessions.store().description());
      assertTrue(Files.isDirectory(dir), "checkAvailable ran");
      assertEquals(SessionType.FILESYSTEM, sessions.settings().sessionType());
      assertInstanceOf(SessionFilter.class, fake.filters.get(SessionInterface.FILTER_NAME));
      assertEquals(List.of("/*"), fake.mappings);
      assertEquals(List.of(EnumSet.allOf(DispatcherType.class)), fake.dispatcherTypes);
      assertEquals(List.of(false), fake.matchAfter, "before the application's own filters");
      assertTrue(fake.asyncSupported);
      assertSame(sessions, fake.attributes.get(SessionInterface.class.getName()));
    }
  }

  @Test
  void theStoreFailsFastWhileItIsDown() {
    try (SessionInterface sessions = SessionInterface.install(fake.context(), memory("jdbc:memory"))) {
      MemoryStore store = MemoryStoreProvider.last;
      store.down = true;
      int before = store.attempts.get();
      assertThrows(StoreUnavailableException.class, () -> sessions.store().read("id1"));
      assertThrows(StoreUnavailableException.class, () -> sessions.store().read("id1"));
      assertEquals(before + 1, store.attempts.get(), "the second read failed without asking the store");
      assertFalse(sessions.health().up(), "the health check says so at once");
      assertEquals(before + 1, store.attempts.get(), "the health check did not ask the store either");
    }
  }

  @Test
  void describeNamesTheStoreAndWhetherItAnswers() {
    try (SessionInterface sessions = SessionInterface.install(fake.context(), memory("jdbc:memory"))) {
      assertEquals("store: memory at test:1 (answers)", sessions.describe());
      MemoryStoreProvider.last.down = true;
      assertEquals("store: memory at test:1 (not reachable: Connection refused)", sessions.describe());
    }
  }

  @Test
  void contextDestroyedClosesTheStore() {
    SessionInterface sessions = SessionInterface.install(fake.context(), memory("jdbc:memory"));
    assertEquals(MemoryStoreProvider.last.description(), sessions.store().description());
    assertEquals(1, fake.listeners.size());
    ServletContextListener listener = (ServletContextListener) fake.listeners.get(0);
    assertFalse(MemoryStoreProvider.last.closed);
    listener.contextDestroyed(new ServletContextEvent(fake.context()));
    assertTrue(MemoryStoreProvider.last.closed);
  }

  @Test
  void calledFromAServletContextListenerTheFilterClosesTheStoreOnShutdown() {
    fake.insideListener = true;
    SessionInterface.install(fake.context(), memory("jdbc:memory"));
    assertEquals(List.of(), fake.listeners);
    assertFalse(MemoryStoreProvider.last.closed);
    fake.filters.get(SessionInterface.FILTER_NAME).destroy();
    assertTrue(MemoryStoreProvider.last.closed);
  }

  @Test
  void aMissingStoreArtifactIsNamed() {
    SessionConfigException e = assertThrows(SessionConfigException.class, () ->
        SessionInterface.install(fake.context(), TestSettings.builder().with(Setting.SESSION_TYPE, SessionType.MEMCACHED).build()));
    assertEquals(List.of("SESSION_TYPE: no memcached session store on the class path; add the Maven artifact"
        + " dev.sessionconfig:sessionconfig-memcached to the application's dependencies"), e.problems());
    assertTrue(fake.filters.isEmpty());
  }

  @Test
  void aStoreThatCannotBeOpenedIsAStartupProblemNamingItsSetting() {
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> SessionInterface.install(fake.context(), memory("jdbc:unusable")));
    assertEquals(List.of("SESSION_JDBC_URL: memory at test:1 cannot hold sessions: the URL asks for an unusable store"),
        e.problems());
    assertTrue(e.getCause() instanceof SessionStoreException);
    assertTrue(fake.filters.isEmpty());
  }

  @Test
  void anUnavailableStoreFailsTheStartNamingItAndIsClosed() {
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> SessionInterface.install(fake.context(), memory("jdbc:down")));
    assertEquals(List.of("SESSION_JDBC_URL: memory at test:1 is not reachable: Connection refused"), e.problems());
    assertTrue(e.getCause() instanceof SessionStoreException);
    assertTrue(MemoryStoreProvider.last.closed);
    assertTrue(fake.filters.isEmpty());

    Path file = temp.resolve("file");
    SessionConfigException dir = assertThrows(SessionConfigException.class, () -> {
      Files.write(file, new byte[0]);
      SessionInterface.install(fake.context(), filesystem(file.resolve("sessions")));
    });
    assertTrue(dir.problems().get(0).startsWith("SESSION_FILE_DIR: the session directory " + file.resolve("sessions")
        + " cannot be created"), dir.getMessage());
  }

  @Test
  void installingIntoARunningContextIsAClearError() {
    fake.running = true;
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SessionInterface.install(fake.context(), memory("jdbc:memory")));
    assertTrue(e.getMessage().startsWith("SessionInterface.install must be called while the servlet context is"
        + " initializing"), e.getMessage());
    assertTrue(MemoryStoreProvider.last.closed, "the store opened for it is closed again");
  }

  @Test
  void installingTwiceIsAClearError() {
    SessionInterface.install(fake.context(), memory("jdbc:memory"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SessionInterface.install(fake.context(), memory("jdbc:memory")));
    assertTrue(e.getMessage().contains("installed only once per context"), e.getMessage());
  }

  @Test
  void closeIsIdempotentAndNamesNoSecret() {
    SessionInterface sessions = SessionInterface.install(fake.context(), memory("jdbc:memory"));
    sessions.close();
    sessions.close();
    assertTrue(MemoryStoreProvider.last.closed);
    assertFalse(sessions.toString().contains(TestSettings.KEY));
  }
}
