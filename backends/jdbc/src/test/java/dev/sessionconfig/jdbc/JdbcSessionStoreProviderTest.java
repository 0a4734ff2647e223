package dev.sessionconfig.jdbc;

import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.Lookup;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.SettingsCollector;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JdbcSessionStoreProviderTest {
  private static final String KEY = "q8Jx2vN5rT0wLz7bK4mP1sD9fG6hC3aE";
  private static final String URL = "jdbc:h2:mem:provider_test;DB_CLOSE_DELAY=-1";
  private static final String PASSWORD = "provider-Secret-5150";

  @Test
  void isTheServiceTheProcessorAndRuntimeLookFor() {
    List<SessionStoreProvider> providers = ServiceLoader.load(SessionStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.type() == SessionType.JDBC).collect(Collectors.toList());
    assertEquals(1, providers.size());
    assertEquals(SessionType.JDBC.storeClassName().orElseThrow(), providers.get(0).getClass().getName());
    assertEquals("dev.sessionconfig.jdbc.JdbcSessionStoreProvider", providers.get(0).getClass().getName());
  }

  @Test
  void opensTheStoreTheSettingsDescribeUnderFlaskSessionsName() throws SQLException {
    SessionSettings settings = SettingsCollector.forConfig("com.acme.Config", false, ConfigSource.of(Map.of(
            "SECRET_KEY", KEY, "DATABASE_URL", URL, "DATABASE_USER", "app", "DATABASE_PASSWORD", PASSWORD)))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
        .constant(Setting.SESSION_TYPE, "com.acme.Config.SESSION_TYPE", "sqlalchemy")
        .lookup(Setting.SESSION_JDBC_URL, Lookup.env("DATABASE_URL"))
        .lookup(Setting.SESSION_JDBC_USER, Lookup.env("DATABASE_USER"))
        .lookup(Setting.SESSION_JDBC_PASSWORD, Lookup.env("DATABASE_PASSWORD"))
        .constant(Setting.SESSION_JDBC_TABLE, "com.acme.Config.SESSION_JDBC_TABLE", "app_sessions")
        .settings();
    assertEquals(SessionType.JDBC, settings.sessionType());
    try (SessionStore store = new JdbcSessionStoreProvider().open(settings)) {
      store.checkAvailable();
      store.write("id1", record("data"), inAMinute(), null);
      assertEquals("data", text(store.read("id1")));
      assertEquals("jdbc at " + URL, store.description());
      assertFalse(store.toString().contains(PASSWORD));
    }
    try (Connection connection = DriverManager.getConnection(URL, "app", PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM app_sessions WHERE id = 'id1'")) {
      row.next();
      assertEquals(1, row.getInt(1), "SESSION_JDBC_TABLE names the table");
    }
  }

  @Test
  void refusesSettingsWithoutAUrl() {
    SessionSettings settings = SettingsCollector.forConfig("com.acme.Config", false,
            ConfigSource.of(Map.of("SECRET_KEY", KEY)))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
        .constant(Setting.SESSION_TYPE, "com.acme.Config.SESSION_TYPE", "filesystem")
        .settings();
    SessionStoreException e = assertThrows(SessionStoreException.class,
        () -> new JdbcSessionStoreProvider().open(settings));
    assertEquals("SESSION_JDBC_URL is not set: the jdbc store needs the database's JDBC URL, e.g."
        + " jdbc:postgresql://db.internal:5432/app", e.getMessage());
  }

  @Test
  void cleansUpEveryTenthOfTheLifetimeBetweenOneAndFiveMinutes() {
    assertEquals(Duration.ofMinutes(5), JdbcSessionStoreProvider.cleanupInterval(Duration.ofDays(31)));
    assertEquals(Duration.ofMinutes(3), JdbcSessionStoreProvider.cleanupInterval(Duration.ofMinutes(30)));
    assertEquals(Duration.ofMinutes(1), JdbcSessionStoreProvider.cleanupInterval(Duration.ofMinutes(5)));
  }
}
