package dev.sessionconfig.jdbc;

import static dev.sessionconfig.testing.StoreData.bytes;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.testing.StoreData.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionconfig.runtime.store.SessionStoreContract;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.testing.MutableClock;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store does on every database it supports; one subclass per database runs it against a real one.
 * Each test gets its own table, so that no test sees another's rows.
 */
abstract class JdbcSessionStoreContract extends SessionStoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();

  /** The database's JDBC URL, without credentials. */
  protected abstract String url();

  /** The user to log in as; null for none. */
  protected abstract String user();

  /** The user's password; null for none. */
  protected abstract String password();

  /** The dialect the store must pick for this database. */
  protected abstract Dialect dialect();

  /** An existing schema (or database, or attached database) to qualify a table name with. */
  protected abstract String schema();

  /** {@link #url()} with the user and {@code password} written into it; null for a database without passwords. */
  protected abstract String urlWithCredentials(String password);

  protected final MutableClock clock = new MutableClock();

  @Override
  protected Instant now() {
    return clock.instant();
  }

  @Override
  protected void pass(Duration duration) {
    clock.advance(duration);
  }
  protected final StatementCounter counter = new StatementCounter();
  protected String table;
  protected JdbcSessionStore store;
  private final List<JdbcSessionStore> opened = new ArrayList<>();

  @BeforeEach
  void openStore() {
    table = "sessions_" + TABLES.incrementAndGet();
    store = open(builder().table(table));
  }

  @Override
  protected JdbcSessionStore store() {
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcSessionStore::close);
  }

  /** A store on this database, the test's clock, no scheduled cleanup, statements counted. */
  protected JdbcSessionStore.Builder builder() {
    return JdbcSessionStore.builder(url()).user(user()).password(password()).clock(clock).cleanupEvery(null)
        .decorate(counter);
  }

  /** Opens a store that is closed after the test. */
  protected JdbcSessionStore open(JdbcSessionStore.Builder builder) {
    JdbcSessionStore opened = builder.open();
    this.opened.add(opened);
    return opened;
  }

  /** A connection of the test's own, beside the store's pool. */
  protected Connection connect() throws SQLException {
    Properties properties = new Properties();
    if (user() != null) {
      properties.setProperty("user", user());
    }
    if (password() != null) {
      properties.setProperty("password", password());
    }
    return DriverManager.getConnection(url(), properties);
  }

  protected long count(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  protected void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void aWriteReplacesDataAndExpiry() throws SQLException {
    Instant later = clock.instant().plusSeconds(3600);
    store.write("id1", bytes("old"), clock.instant().plusSeconds(5));
    store.write("id1", bytes("new"), later);
    assertEquals("new", text(store.read("id1")));
    assertEquals(1, count("SELECT COUNT(*) FROM " + table));
    assertEquals(later.toEpochMilli(), count("SELECT expires_at FROM " + table + " WHERE id = 'id1'"));
  }

  @Test
  void idsAreCaseSensitive() {
    store.write("AbC", bytes("upper"), inAMinute());
    store.write("abc", bytes("lower"), inAMinute());
    assertEquals("upper", text(store.read("AbC")));
    assertEquals("lower", text(store.read("abc")));
    assertEquals(Optional.empty(), store.read("ABC"));
  }

  @Test
  void keepsLargeSessions() {
    byte[] large = new byte[1 << 20];
    new Random(7).nextBytes(large);
    store.write("large", large, inAMinute());
    assertArrayEquals(large, store.read("large").orElseThrow());
  }

  @Test
  void createsTheTableWhenMissingAndOpensItAgainAsItIs() throws SQLException {
    assertFalse(tableExists(table));
    store.checkAvailable();
    assertTrue(tableExists(table));
    store.write("kept", bytes("data"), inAMinute());

    JdbcSessionStore second = open(builder().table(table)); // another instance, or the next start
    second.checkAvailable();
    second.checkAvailable();
    assertEquals("data", text(second.read("kept")));
    assertEquals(Optional.of(dialect()), second.dialect());
  }

  @Test
  void indexesTheExpiry() throws SQLException {
    store.checkAvailable();
    try (Connection connection = connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
      List<String> indexed = new ArrayList<>();
      try (ResultSet index = meta.getIndexInfo(connection.getCatalog(), null, stored, false, false)) {
        while (index.next()) {
          if ("expires_at".equalsIgnoreCase(index.getString("COLUMN_NAME"))) {
            indexed.add(index.getString("INDEX_NAME"));
          }
        }
      }
      assertEquals(1, indexed.size(), "indexes on expires_at: " + indexed);
      assertTrue(indexed.get(0).equalsIgnoreCase(table + "_expires_at_idx"), indexed.get(0));
    }
  }

  @Test
  void aTableNameCanBeQualifiedOrAReservedWord() throws SQLException {
    String qualified = schema() + ".qualified_" + table;
    JdbcSessionStore inSchema = open(builder().table(qualified));
    inSchema.checkAvailable();
    inSchema.write("id1", bytes("in a schema"), inAMinute());
    assertEquals("in a schema", text(inSchema.read("id1")));
    assertEquals(1, count("SELECT COUNT(*) FROM " + qualified));

    JdbcSessionStore reserved = open(builder().table("order"));
    reserved.checkAvailable();
    reserved.write("id1", bytes("reserved"), inAMinute());
    assertEquals("reserved", text(reserved.read("id1")));
  }

  @Test
  void refusesATableOfThatNameWithoutTheSessionColumns() throws SQLException {
    execute("CREATE TABLE " + table + " (name VARCHAR(10))");
    SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
    assertEquals(store.description() + ": the table " + table + " exists but is not a session table (it needs the"
        + " columns id, data and expires_at); choose another SESSION_JDBC_TABLE", e.getMessage());
  }

  @Test
  void anExpiredSessionIsNeverReturnedEvenBeforeTheCleanupRuns() throws SQLException {
    store.write("id1", bytes("data"), clock.instant().plusSeconds(60));
    assertEquals("data", text(store.read("id1")));
    clock.advance(Duration.ofSeconds(60));
    assertEquals(Optional.empty(), store.read("id1"), "expired at this very millisecond");
    assertEquals(1, count("SELECT COUNT(*) FROM " + table), "the row is still there: no cleanup ran");

    assertEquals(new JdbcSessionStore.Cleanup(1, 1), store.cleanup());
    assertEquals(0, count("SELECT COUNT(*) FROM " + table));
  }

  @Test
  void writingAnExpiredSessionDeletesIt() throws SQLException {
    store.write("gone", bytes("data"), inAMinute());
    store.write("gone", bytes("data"), clock.instant().minusSeconds(1));
    assertEquals(Optional.empty(), store.read("gone"));
    assertEquals(0, count("SELECT COUNT(*) FROM " + table));
  }

  @Test
  void theCleanupDeletesExpiredRowsInBatchesAndKeepsLiveOnes() throws SQLException {
    JdbcSessionStore batched = open(builder().table(table).batchSize(500));
    batched.checkAvailable();
    long now = clock.millis();
    insertRows(1234, now - 1);
    for (int i = 0; i < 5; i++) {
      batched.write("live" + i, bytes("live"), clock.instant().plusSeconds(60));
    }
    counter.reset();

    assertEquals(new JdbcSessionStore.Cleanup(1234, 3), batched.cleanup());
    assertEquals(3, counter.executed().size(), "one statement per batch: " + counter.executed());
    assertTrue(counter.executed().stream().allMatch(sql -> sql.startsWith("DELETE FROM")), counter.executed().toString());
    assertEquals(5, count("SELECT COUNT(*) FROM " + table));
    assertEquals("live", text(batched.read("live0")));

    assertEquals(new JdbcSessionStore.Cleanup(0, 1), batched.cleanup(), "nothing left to do");
  }

  @Test
  void aReadIsOneStatementAndSoAreAWriteAndADelete() {
    store.checkAvailable(); // connected, table ready: what follows is what a request costs
    store.write("id1", bytes("data"), inAMinute());

    counter.reset();
    store.read("id1");
    assertEquals(List.of(dialect().read(table(table))), counter.executed());
    assertEquals(1, counter.prepared().size());

    counter.reset();
    store.read("unknown");
    assertEquals(1, counter.executed().size());

    counter.reset();
    store.write("id1", bytes("more"), inAMinute());
    assertEquals(List.of(dialect().upsert(table(table))), counter.executed());
    assertEquals(1, counter.prepared().size());

    counter.reset();
    store.delete("id1");
    assertEquals(List.of(dialect().delete(table(table))), counter.executed());
    assertEquals(1, counter.prepared().size());
  }

  @Test
  void aModifyingRequestCostsOneReadAndOneWrite() {
    store.write("id1", bytes("1"), inAMinute());
    counter.reset();
    store.read("id1");
    store.write("id1", bytes("2"), inAMinute());
    assertEquals(2, counter.executed().size(), counter.executed().toString());
    assertEquals(2, counter.prepared().size(), counter.prepared().toString());
  }

  @Test
  void aConnectionCutWhileIdleCostsNoRequest() {
    store.write("id1", bytes("data"), inAMinute());
    counter.reset();
    counter.cutNextConnections(1);
    assertEquals("data", text(store.read("id1")), "retried once on a new connection");
    assertEquals(2, counter.prepared().size(), "the cut attempt and the retry: " + counter.prepared());
    assertEquals(1, counter.executed().size(), counter.executed().toString());
  }

  @Test
  void aFailingStatementIsReportedAndNotRetried() throws SQLException {
    store.write("secret-session-id-123", bytes("data"), inAMinute());
    execute("DROP TABLE " + table);
    counter.reset();
    SessionStoreException e = assertThrows(SessionStoreException.class, () -> store.read("secret-session-id-123"));
    assertTrue(e.getMessage().startsWith(store.description() + " could not read a session: "), e.getMessage());
    assertEquals(1, counter.prepared().size(), "not retried: " + counter.prepared());
    Failures.assertDoesNotShow("secret-session-id-123", e);
  }

  @Test
  void theCleanupReportsEachExpiredSessionOnceWhateverTheInstancesDo() {
    JdbcSessionStore other = open(builder().table(table));
    List<String> reported = java.util.Collections.synchronizedList(new ArrayList<>());
    store.reportExpiries((id, record) -> reported.add(id + "=" + text(record)));
    other.reportExpiries((id, record) -> reported.add(id + "=" + text(record)));
    store.write("a", bytes("one"), clock.instant().plusSeconds(10), "ann");
    store.write("b", bytes("two"), clock.instant().plusSeconds(10), null);
    store.write("live", bytes("three"), clock.instant().plusSeconds(100), null);
    clock.advance(Duration.ofSeconds(20));
    store.cleanup();
    other.cleanup();
    store.cleanup();
    assertEquals(java.util.Set.of("a=one", "b=two"), java.util.Set.copyOf(reported));
    assertEquals(2, reported.size(), "each once: " + reported);
    assertEquals("three", text(store.read("live")));
  }

  @Test
  void aTableMadeBeforeSessionsWereIndexedByUserGainsTheIndex() throws SQLException {
    String old = table + "_old";
    execute("CREATE TABLE " + old + " (id VARCHAR(255) NOT NULL PRIMARY KEY, data " + blobType()
        + " NOT NULL, expires_at BIGINT NOT NULL)");
    execute("INSERT INTO " + old + " (id, data, expires_at) VALUES ('kept', " + blobLiteral() + ", "
        + clock.instant().plusSeconds(60).toEpochMilli() + ")");
    JdbcSessionStore upgraded = open(builder().table(old));
    upgraded.checkAvailable();
    assertEquals(true, upgraded.read("kept").isPresent(), "the sessions already there are kept");
    upgraded.write("new", bytes("two"), clock.instant().plusSeconds(60), "ann");
    assertEquals(java.util.Set.of("new"), upgraded.principalIndex().orElseThrow().find("ann").keySet());
  }

  /** The column type of the session bytes in this database, for a table made by hand. */
  protected abstract String blobType();

  /** A literal of a few bytes in this database. */
  protected String blobLiteral() {
    return "X'6F6E65'";
  }

  @Test
  void twoInstancesOnOneTableShareSessions() {
    JdbcSessionStore other = open(builder().table(table));
    store.write("shared", bytes("from one"), inAMinute());
    assertEquals("from one", text(other.read("shared")));
    other.write("shared", bytes("from the other"), inAMinute());
    assertEquals("from the other", text(store.read("shared")));
    other.delete("shared");
    assertEquals(Optional.empty(), store.read("shared"));
  }

  @Test
  void logsInWithAPasswordInTheUrlAndNeverShowsIt() {
    assumeTrue(password() != null, "the database has no passwords");
    String url = urlWithCredentials(password());
    JdbcSessionStore withUrl = open(JdbcSessionStore.builder(url).clock(clock).cleanupEvery(null).table(table));
    withUrl.checkAvailable();
    withUrl.write("id1", bytes("data"), inAMinute());
    assertEquals("data", text(withUrl.read("id1")));
    assertEquals("jdbc at " + JdbcUrls.mask(url), withUrl.description());
    assertFalse(withUrl.description().contains(password()), withUrl.description());
    assertTrue(withUrl.description().toLowerCase(Locale.ROOT).contains("password=****"), withUrl.description());
  }

  @Test
  void aWrongPasswordIsRefusedWithoutShowingAnyPassword() {
    assumeTrue(password() != null, "the database has no passwords");
    String wrong = "wrong-Guess-" + password().length() + "x";
    JdbcSessionStore refused = open(builder().table(table).password(wrong));
    SessionStoreException e = assertThrows(SessionStoreException.class, refused::checkAvailable);
    assertTrue(e.getMessage().startsWith("jdbc at " + url() + " refused to log in ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("): check SESSION_JDBC_USER and SESSION_JDBC_PASSWORD"), e.getMessage());
    Failures.assertDoesNotShow(wrong, e);
    Failures.assertDoesNotShow(password(), e);
    assertFalse(refused.description().contains(wrong));

    String inUrl = urlWithCredentials(wrong);
    JdbcSessionStore refusedByUrl = open(JdbcSessionStore.builder(inUrl).clock(clock).cleanupEvery(null).table(table));
    SessionStoreException byUrl = assertThrows(SessionStoreException.class, () -> refusedByUrl.read("id1"));
    assertTrue(byUrl.getMessage().startsWith("jdbc at " + JdbcUrls.mask(inUrl) + " refused to log in ("),
        byUrl.getMessage());
    Failures.assertDoesNotShow(wrong, byUrl);
  }

  @Test
  void describesItselfByUrl() {
    assertEquals("jdbc at " + url(), store.description());
  }

  @Test
  void aClosedStoreSaysSo() {
    store.checkAvailable();
    store.close();
    SessionStoreException e = assertThrows(SessionStoreException.class, () -> store.read("id1"));
    assertEquals(store.description() + " is closed", e.getMessage());
  }

  /** The table as the store's SQL names it. */
  protected Table table(String name) {
    try (Connection connection = connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      return Table.of(name, dialect(), meta.storesUpperCaseIdentifiers() ? Table.Case.UPPER
          : meta.storesLowerCaseIdentifiers() ? Table.Case.LOWER : Table.Case.AS_IS);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private boolean tableExists(String name) {
    try {
      count("SELECT COUNT(*) FROM " + name);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Inserts {@code rows} sessions expiring at {@code expiresAt}, behind the store's back. */
  protected void insertRows(int rows, long expiresAt) throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + table + " (id, data, expires_at) VALUES (?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          insert.setString(1, "expired" + i);
          insert.setBytes(2, bytes("old"));
          insert.setLong(3, expiresAt);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }
}
