package dev.sessionconfig.jdbc;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.testing.MutableClock;
import dev.sessionconfig.testing.StoreData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store does whatever the database: on H2 and SQLite, which need no server. */
class JdbcSessionStoreTest {
  @TempDir Path directory;

  @Test
  void theScheduledCleanupRunsOnADaemonThread() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("cleanup.db");
    MutableClock clock = new MutableClock();
    try (JdbcSessionStore store = JdbcSessionStore.builder(url).clock(clock).cleanupEvery(Duration.ofMillis(100))
        .open()) {
      store.checkAvailable();
      store.write("old", record("data"), clock.instant().plusSeconds(1), null);
      store.write("new", record("data"), clock.instant().plusSeconds(3600), null);
      clock.advance(Duration.ofSeconds(2));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (rows(url) > 1 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(1, rows(url), "the expired session is gone, the live one kept");
      Thread cleaner = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("sessionconfig-jdbc-cleanup")).findFirst().orElseThrow();
      assertTrue(cleaner.isDaemon());
    }
  }

  @Test
  void refusesAPrivateInMemorySqliteDatabase() {
    try (JdbcSessionStore store = JdbcSessionStore.builder("jdbc:sqlite::memory:").cleanupEvery(null).open()) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertTrue(e.getMessage().startsWith("jdbc at jdbc:sqlite::memory: cannot hold sessions: an in-memory SQLite"
          + " database belongs to one connection"), e.getMessage());
    }
  }

  @Test
  void refusesAnInMemoryH2DatabaseThatIsDroppedWithItsLastConnection() {
    try (JdbcSessionStore store = JdbcSessionStore.builder("jdbc:h2:mem:sessions").cleanupEvery(null).open()) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertTrue(e.getMessage().startsWith("jdbc at jdbc:h2:mem:sessions cannot hold sessions: an in-memory H2"
          + " database is dropped"), e.getMessage());
      assertTrue(e.getMessage().endsWith("add ;DB_CLOSE_DELAY=-1 to the URL to keep it for the life of the process"));
    }
  }

  @Test
  void anIdTooLongForTheColumnIsNeverStored() {
    String url = "jdbc:sqlite:" + directory.resolve("ids.db");
    String longId = "x".repeat(JdbcSessionStore.MAX_ID_LENGTH + 1);
    try (JdbcSessionStore store = JdbcSessionStore.builder(url).cleanupEvery(null).open()) {
      assertEquals(Optional.empty(), store.read(longId));
      assertThrows(IllegalArgumentException.class,
          () -> store.write(longId, record("data"), StoreData.inAMinute(), null));
      assertFalse(store.update(longId, record("data"), change(StoreData.inAMinute(), null, Set.of(), "", "more")),
          "no such session can exist");
      String longest = "x".repeat(JdbcSessionStore.MAX_ID_LENGTH);
      store.write(longest, record("data"), StoreData.inAMinute(), null);
      assertEquals("data", text(store.read(longest)));
      SessionRecord basis = store.read(longest).orElseThrow();
      assertTrue(store.update(longest, basis, change(StoreData.inAMinute(), null, Set.of(), "", "more")));
      assertEquals("more", text(store.read(longest)));
    }
  }

  @Test
  void namesTheMissingDriverWithoutThePassword() {
    String url = "jdbc:nosuchdb://db.internal/app?user=app&password=hunter2";
    try (JdbcSessionStore store = JdbcSessionStore.builder(url).cleanupEvery(null).open()) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertEquals("jdbc at jdbc:nosuchdb://db.internal/app?user=app&password=****: no JDBC driver on the class path"
          + " accepts this URL; add the database's driver to the application's dependencies", e.getMessage());
      Failures.assertDoesNotShow("hunter2", e);
      assertThrows(SessionStoreException.class, () -> store.read("id1"));
    }
    try (JdbcSessionStore store = JdbcSessionStore.builder("jdbc:postgresql:").cleanupEvery(null).open()) {
      assertTrue(store.description().startsWith("jdbc at jdbc:postgresql:"));
    }
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsReportedWithTheDriversReason() {
    String url = "jdbc:sqlite:" + directory.resolve("no-such-directory").resolve("sessions.db");
    try (JdbcSessionStore store = JdbcSessionStore.builder(url).cleanupEvery(null).open()) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertTrue(e.getMessage().startsWith("jdbc at " + url + " could not connect: "), e.getMessage());
    }
  }

  @Test
  void aPasswordInADriversMessageIsMaskedThroughoutTheFailure() {
    String password = "leaky-Secret-99";
    DataSource leaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            throw new SQLException("connection failed", "08001",
                new SQLInvalidAuthorizationSpecException("bad login for app/" + password, "28000"));
          }
          return null;
        });
    try (JdbcSessionStore store = JdbcSessionStore.builder("jdbc:h2:mem:leaky;DB_CLOSE_DELAY=-1").password(password)
        .cleanupEvery(null).decorate(source -> leaky).open()) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertEquals("jdbc at jdbc:h2:mem:leaky;DB_CLOSE_DELAY=-1 refused to log in (bad login for app/****): check SESSION_JDBC_USER"
          + " and SESSION_JDBC_PASSWORD", e.getMessage());
      Failures.assertDoesNotShow(password, e);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertTrue(trace.toString().contains("java.sql.SQLInvalidAuthorizationSpecException: bad login for app/****"),
          trace.toString());
      SQLException cause = (SQLException) e.getCause();
      assertEquals("08001", cause.getSQLState(), "the redacted copy keeps the SQL state");
    }
  }

  @Test
  void refusesATableNameThatIsNotPlainSql() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JdbcSessionStore.builder("jdbc:h2:mem:x").table("sessions; DROP TABLE users").cleanupEvery(null).open());
    assertTrue(e.getMessage().startsWith("SESSION_JDBC_TABLE must be a plain SQL name"), e.getMessage());
  }

  @Test
  void connectsOnlyWhenFirstUsed() {
    try (JdbcSessionStore store = JdbcSessionStore.builder("jdbc:postgresql://127.0.0.1:1/nowhere")
        .cleanupEvery(null).open()) {
      assertEquals(Optional.empty(), store.dialect());
      assertEquals("jdbc at jdbc:postgresql://127.0.0.1:1/nowhere", store.description());
    }
  }

  @Test
  void findsTheDialectOfAnUnknownUrlFromTheDatabase() throws SQLException {
    // A wrapping driver (as p6spy's jdbc:p6spy:...): the URL does not say which database is behind it.
    Driver wrapping = new Driver() {
      @Override
      public Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? DriverManager.getConnection("jdbc:h2:mem:by_product;DB_CLOSE_DELAY=-1") : null;
      }

      @Override
      public boolean acceptsURL(String url) {
        return url.startsWith("jdbc:wrapped:");
      }

      @Override
      public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
      }

      @Override
      public int getMajorVersion() {
        return 1;
      }

      @Override
      public int getMinorVersion() {
        return 0;
      }

      @Override
      public boolean jdbcCompliant() {
        return false;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getLogger("wrapped");
      }
    };
    DriverManager.registerDriver(wrapping);
    try (JdbcSessionStore store = JdbcSessionStore.builder("jdbc:wrapped:h2").cleanupEvery(null).open()) {
      store.checkAvailable();
      assertEquals(Optional.of(Dialect.H2), store.dialect());
      store.write("id1", record("data"), StoreData.inAMinute(), null);
      assertEquals("data", text(store.read("id1")));
    } finally {
      DriverManager.deregisterDriver(wrapping);
    }
  }

  private static long rows(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM sessions")) {
      result.next();
      return result.getLong(1);
    }
  }

  @Test
  void neverShowsTheDescriptionsPasswordFromTheUrl() {
    try (JdbcSessionStore store = JdbcSessionStore.builder("jdbc:mysql://app:hunter2@db/app").cleanupEvery(null)
        .open()) {
      assertFalse(store.description().contains("hunter2"));
      assertEquals("jdbc at jdbc:mysql://app:****@db/app", store.description());
    }
  }
}
