package dev.sessionconfig.it.store;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.testing.MariaDbServer;
import dev.sessionconfig.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JDBC store as rows of its table {@code sessions} (the default SESSION_JDBC_TABLE: columns {@code id},
 * {@code data}, {@code expires_at} in epoch milliseconds), seen through a plain JDBC connection of the test's own,
 * never through the store under test.
 *
 * <ul>
 *   <li><b>PostgreSQL</b>: the shared server of {@link SharedPostgres}. The application logs in as the server's
 *       ordinary role ({@link PostgresServer#user()}), the fixture as the superuser; every fixture drops the table,
 *       so that each test starts without one and the application creates it.
 *   <li><b>H2</b>: an embedded database in a file of the test's own directory
 *       ({@code jdbc:h2:file:<workDir>/h2/sessions}). Every connection in this JVM to that URL, the fixture's and
 *       every application instance's pool, shares one database, as instances on one server share a PostgreSQL
 *       database. The fixture connects first, so its user ({@code sa}) is the database's administrator. For an
 *       application in another process the URL adds {@code AUTO_SERVER=TRUE}: the fixture's JVM, which opened the
 *       database first, serves it to the others over TCP.
 *   <li><b>MariaDB</b>: the shared server of {@link SharedMariaDb}, the application's user for both; every fixture
 *       drops the table, as on PostgreSQL.
 *   <li><b>SQLite</b>: a database file of the test's own directory, shared by every connection to it.
 * </ul>
 *
 * <p><b>How reads are counted</b>: by the database itself, per statement, never by wrapping the code under test.
 * PostgreSQL: {@code pg_stat_statements}, which adds each statement's execution to shared memory when the
 * statement ends (before the client gets its answer), filtered to the application's role, after
 * {@code pg_stat_statements_reset()}. (The cumulative statistics views such as {@code pg_stat_user_tables} were no
 * option: a backend reports its counts to them at most once a second and, when idle, up to ten seconds later, and
 * {@code pg_stat_force_next_flush()} only works for the backend that calls it, not for the pool's.) H2:
 * {@code SET QUERY_STATISTICS TRUE} and {@code INFORMATION_SCHEMA.QUERY_STATISTICS}, whose counts are kept per SQL
 * text for the whole database and reset by switching them off and on; the fixture's own statements are never run
 * while an action is being counted, and its query of the statistics is left out. MariaDB: the server's
 * {@code Com_select} status counter, before and after (its own {@code SHOW STATUS} is no {@code SELECT}), so only
 * the reads are counted there. SQLite, a library inside the application's process, keeps no count to ask.
 */
public final class JdbcFixture implements StoreFixture {
  public static final String TABLE = "sessions";
  /** The H2 database's password: its administrator's, set by the fixture's first connection. */
  public static final String H2_PASSWORD = "it-h2-password";
  private static final Pattern MENTIONS_TABLE = Pattern.compile("(?i)(^|[^a-z0-9_])\"?sessions\"?($|[^a-z0-9_])");

  private final StoreKind kind;
  private final String url;
  private final String user;
  private final String password;
  private final String adminUser;
  private final String adminPassword;
  private Connection connection;

  private JdbcFixture(StoreKind kind, String url, String user, String password, String adminUser,
      String adminPassword) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  /** The shared PostgreSQL server, without a session table (the application creates it). */
  public static JdbcFixture postgres(PostgresServer server) {
    JdbcFixture fixture = new JdbcFixture(StoreKind.POSTGRESQL, server.jdbcUrl(), server.user(), server.password(),
        PostgresServer.SUPERUSER, server.password());
    fixture.update("DROP TABLE IF EXISTS " + TABLE);
    return fixture;
  }

  /** A new H2 database in {@code workDir}, created by this fixture's connection. */
  public static JdbcFixture h2(Path workDir) {
    return h2(workDir, false);
  }

  /**
   * A new H2 database in {@code workDir}, created by this fixture's connection; with {@code otherProcesses}, served
   * from this JVM to applications in other processes too.
   */
  public static JdbcFixture h2(Path workDir, boolean otherProcesses) {
    String url = "jdbc:h2:file:" + workDir.resolve("h2").resolve("sessions").toAbsolutePath()
        + (otherProcesses ? ";AUTO_SERVER=TRUE" : "");
    JdbcFixture fixture = new JdbcFixture(StoreKind.H2, url, "sa", H2_PASSWORD, "sa", H2_PASSWORD);
    fixture.connection(); // creates the database, with sa as its administrator
    return fixture;
  }

  /** The shared MariaDB server, without a session table (the application creates it). */
  public static JdbcFixture mariadb(MariaDbServer server) {
    JdbcFixture fixture = new JdbcFixture(StoreKind.MARIADB, server.jdbcUrl(), server.user(), server.password(),
        server.user(), server.password());
    fixture.update("DROP TABLE IF EXISTS " + TABLE);
    return fixture;
  }

  /** A new SQLite database file in {@code workDir}, without a session table; SQLite knows no users. */
  public static JdbcFixture sqlite(Path workDir) {
    String url = "jdbc:sqlite:" + workDir.resolve("sessions.db").toAbsolutePath();
    return new JdbcFixture(StoreKind.SQLITE, url, null, null, null, null);
  }

  /** The URL the application is given (SESSION_JDBC_URL), the fixture connects to the same. */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  @Override
  public StoreKind kind() {
    return kind;
  }

  @Override
  public Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>(Map.of("it.session.type", "jdbc", "it.jdbc.url", url));
    if (user != null) {
      properties.put("it.jdbc.user", user);
      properties.put("it.jdbc.password", password);
    }
    return properties;
  }

  /** Whether the application has created the session table. */
  public boolean tableExists() {
    try {
      Connection connection = connection();
      DatabaseMetaData meta = connection.getMetaData();
      String name = meta.storesUpperCaseIdentifiers() ? TABLE.toUpperCase(Locale.ROOT) : TABLE;
      // In the default schema (public, PUBLIC): H2 has an INFORMATION_SCHEMA.SESSIONS of its own.
      try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name,
          new String[] {"TABLE", "BASE TABLE"})) {
        return tables.next();
      }
    } catch (SQLException e) {
      throw failure("look for the table " + TABLE, e);
    }
  }

  @Override
  public boolean hasEntry(String id) {
    return tableExists() && queryLong("SELECT COUNT(*) FROM " + TABLE + " WHERE id = ?", id) > 0;
  }

  @Override
  public int entryCount() {
    return tableExists() ? (int) queryLong("SELECT COUNT(*) FROM " + TABLE) : 0;
  }

  @Override
  public void clear() {
    if (tableExists()) {
      update("DELETE FROM " + TABLE);
    }
  }

  @Override
  public void deleteEntry(String id) {
    update("DELETE FROM " + TABLE + " WHERE id = ?", id);
  }

  @Override
  public SessionRecord readEntry(String id) {
    return SessionRecord.parse(row(id).orElseThrow(() -> new IllegalStateException("the session is not in the table"))
        .data(), 0);
  }

  @Override
  public void writeEntry(String id, SessionRecord record) {
    writeBytes(id, record.toBytes());
  }

  @Override
  public void corruptEntry(String id) {
    writeBytes(id, GARBAGE);
  }

  private void writeBytes(String id, byte[] record) {
    if (update("UPDATE " + TABLE + " SET data = ?, version = version + 1 WHERE id = ?", record, id) != 1) {
      throw new IllegalStateException("no row to replace: the session is not in the table");
    }
  }

  /** A session's row, expired or not. */
  public record Row(byte[] data, long expiresAt) {}

  public Optional<Row> row(String id) {
    try (PreparedStatement statement = connection().prepareStatement(
        "SELECT data, expires_at FROM " + TABLE + " WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(new Row(row.getBytes(1), row.getLong(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read a row", e);
    }
  }

  /** Moves a row's {@code expires_at}, as a lagging clock or a cleanup that has not run yet would leave it. */
  public void setExpiresAt(String id, long epochMillis) {
    if (update("UPDATE " + TABLE + " SET expires_at = ? WHERE id = ?", epochMillis, id) != 1) {
      throw new IllegalStateException("no row to change: the session is not in the table");
    }
  }

  /**
   * Waits until the application keeps a connection open between requests (its pool's: a connection the store lends
   * while the pool is still empty is closed after its one statement) that was opened at least 300 ms ago, so that
   * the pool has set it up.
   *
   * @throws IllegalStateException when there is none within {@code timeout}
   */
  public void awaitPooledConnection(java.time.Duration timeout) throws InterruptedException {
    String sql = kind == StoreKind.POSTGRESQL
        ? "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = ? AND datname = current_database()"
            + " AND backend_start < clock_timestamp() - INTERVAL '300 milliseconds'"
        : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() AND USER_NAME = ?"
            + " AND SESSION_START < DATEADD('MILLISECOND', -300, CURRENT_TIMESTAMP)";
    String role = kind == StoreKind.POSTGRESQL ? user : user.toUpperCase(Locale.ROOT);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (queryLong(sql, role) == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the application opened no pooled connection to " + url + " within "
            + timeout.toMillis() + " ms");
      }
      Thread.sleep(50);
    }
  }

  @Override
  public int reads(Runnable action) {
    return (int) (long) statements(action).getOrDefault("select", 0L);
  }

  /**
   * The statements the application ran while {@code action} ran, as counted by the database: those on the session
   * table by their kind ({@code select}, {@code upsert} for PostgreSQL's INSERT ... ON CONFLICT and H2's MERGE,
   * {@code update}, {@code delete}), any other as {@code other: <its SQL>}. Kinds that did not run are left out.
   */
  public Map<String, Long> statements(Runnable action) {
    Map<String, Long> bySql;
    switch (kind) {
      case POSTGRESQL:
        bySql = postgresStatements(action);
        break;
      case H2:
        bySql = h2Statements(action);
        break;
      case MARIADB:
        return selects(action);
      default:
        throw new UnsupportedOperationException(kind + " keeps no count of the statements it ran");
    }
    Map<String, Long> statements = new LinkedHashMap<>();
    bySql.forEach((sql, calls) -> {
      if (calls > 0) {
        statements.merge(kindOf(sql), calls, Long::sum);
      }
    });
    return statements;
  }

  private Map<String, Long> postgresStatements(Runnable action) {
    update("SELECT pg_stat_statements_reset()");
    action.run();
    Map<String, Long> bySql = new LinkedHashMap<>();
    try (PreparedStatement statement = connection().prepareStatement("SELECT s.query, s.calls"
        + " FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid"
        + " WHERE r.rolname = ? AND d.datname = current_database()")) {
      statement.setString(1, user);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          bySql.merge(rows.getString(1), rows.getLong(2), Long::sum);
        }
      }
    } catch (SQLException e) {
      throw failure("read pg_stat_statements", e);
    }
    return bySql;
  }

  /** MariaDB counts statements by kind only, for the whole server: the {@code SELECT}s, as {@code select}. */
  private Map<String, Long> selects(Runnable action) {
    long before = comSelect();
    action.run();
    long selects = comSelect() - before;
    return selects == 0 ? Map.of() : Map.of("select", selects);
  }

  private long comSelect() {
    try (Statement statement = connection().createStatement();
        ResultSet row = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
      row.next();
      return row.getLong(2);
    } catch (SQLException e) {
      throw failure("read Com_select", e);
    }
  }

  @Override
  public boolean countsReadsOfOtherProcesses() {
    return kind != StoreKind.SQLITE;
  }

  private synchronized Map<String, Long> h2Statements(Runnable action) {
    update("SET QUERY_STATISTICS FALSE"); // forgets what was counted so far
    update("SET QUERY_STATISTICS TRUE");
    try {
      action.run();
      Map<String, Long> bySql = new LinkedHashMap<>();
      try (Statement statement = connection().createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
        while (rows.next()) {
          String sql = rows.getString(1);
          if (!sql.toUpperCase(Locale.ROOT).contains("QUERY_STATISTICS")) { // the fixture's own
            bySql.merge(sql, rows.getLong(2), Long::sum);
          }
        }
      } catch (SQLException e) {
        throw failure("read INFORMATION_SCHEMA.QUERY_STATISTICS", e);
      }
      return bySql;
    } finally {
      update("SET QUERY_STATISTICS FALSE");
    }
  }

  private static String kindOf(String sql) {
    String trimmed = sql.strip();
    String verb = trimmed.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
    if (!MENTIONS_TABLE.matcher(trimmed).find()) {
      return "other: " + trimmed;
    }
    switch (verb) {
      case "insert":
      case "merge":
        return "upsert";
      case "select":
      case "update":
      case "delete":
        return verb;
      default:
        return "other: " + trimmed;
    }
  }

  private long queryLong(String sql, Object... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters); ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  private int update(String sql, Object... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      if (statement.execute()) {
        return 0;
      }
      return statement.getUpdateCount();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection().prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  /** The fixture's connection, opened again when it was lost (a server restarted by a test). */
  private synchronized Connection connection() {
    try {
      if (connection == null || connection.isClosed() || !connection.isValid(2)) {
        if (connection != null) {
          connection.close();
        }
        connection = DriverManager.getConnection(url, adminUser, adminPassword);
        connection.setAutoCommit(true);
      }
      return connection;
    } catch (SQLException e) {
      throw failure("connect", e);
    }
  }

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(kind + " at " + url + ": the fixture could not " + what + ": "
        + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    try {
      if (connection != null) {
        connection.close(); // H2: the last connection, once the applications have stopped, closes the database
      }
    } catch (SQLException e) {
      // closing
    }
  }
}
