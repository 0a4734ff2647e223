package dev.sessionconfig.jdbc;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreContract;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
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
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    store.write("id1", record("old"), clock.instant().plusSeconds(5), null);
    store.write("id1", record("new"), later, null);
    assertEquals("new", text(store.read("id1")));
    assertEquals(1, count("SELECT COUNT(*) FROM " + table));
    assertEquals(later.toEpochMilli(), count("SELECT expires_at FROM " + table + " WHERE id = 'id1'"));
  }

  @Test
  void idsAreCaseSensitive() {
    store.write("AbC", record("upper"), inAMinute(), null);
    store.write("abc", record("lower"), inAMinute(), null);
    assertEquals("upper", text(store.read("AbC")));
    assertEquals("lower", text(store.read("abc")));
    assertEquals(Optional.empty(), store.read("ABC"));
  }

  @Test
  void keepsLargeSessions() {
    byte[] large = new byte[1 << 20];
    new Random(7).nextBytes(large);
    store.write("large", SessionRecord.of(Map.of(SessionRecord.METADATA, large)), inAMinute(), null);
    assertArrayEquals(large, store.read("large").orElseThrow().entries().get(SessionRecord.METADATA));
  }

  @Test
  void createsTheTableWhenMissingAndOpensItAgainAsItIs() throws SQLException {
    assertFalse(tableExists(table));
    store.checkAvailable();
    assertTrue(tableExists(table));
    store.write("kept", record("data"), inAMinute(), null);

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
    inSchema.write("id1", record("in a schema"), inAMinute(), null);
    assertEquals("in a schema", text(inSchema.read("id1")));
    assertEquals(1, count("SELECT COUNT(*) FROM " + qualified));

    JdbcSessionStore reserved = open(builder().table("order"));
    reserved.checkAvailable();
    reserved.write("id1", record("reserved"), inAMinute(), null);
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
    store.write("id1", record("data"), clock.instant().plusSeconds(60), null);
    assertEquals("data", text(store.read("id1")));
    clock.advance(Duration.ofSeconds(60));
    assertEquals(Optional.empty(), store.read("id1"), "expired at this very millisecond");
    assertEquals(1, count("SELECT COUNT(*) FROM " + table), "the row is still there: no cleanup ran");

    assertEquals(new JdbcSessionStore.Cleanup(1, 1), store.cleanup());
    assertEquals(0, count("SELECT COUNT(*) FROM " + table));
  }

  @Test
  void writingAnExpiredSessionDeletesIt() throws SQLException {
    store.write("gone", record("data"), inAMinute(), null);
    store.write("gone", record("data"), clock.instant().minusSeconds(1), null);
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
      batched.write("live" + i, record("live"), clock.instant().plusSeconds(60), null);
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
    store.write("id1", record("data"), inAMinute(), null);

    counter.reset();
    store.read("id1");
    assertEquals(List.of(dialect().read(table(table))), counter.executed());
    assertEquals(1, counter.prepared().size());

    counter.reset();
    store.read("unknown");
    assertEquals(1, counter.executed().size());

    counter.reset();
    store.write("id1", record("more"), inAMinute(), null);
    assertEquals(List.of(dialect().upsert(table(table))), counter.executed());
    assertEquals(1, counter.prepared().size());

    counter.reset();
    store.delete("id1");
    assertEquals(List.of(dialect().delete(table(table))), counter.executed());
    assertEquals(1, counter.prepared().size());
  }

  @Test
  void anUncontendedUpdateIsOneStatement() {
    store.checkAvailable();
    store.write("id1", record("", "times 1", "cart", "book"), inAMinute(), null);
    SessionRecord basis = store.read("id1").orElseThrow();

    counter.reset();
    assertTrue(store.update("id1", basis, change(inAMinute(), "ann", Set.of(), "", "times 2", "seen", "page 7")));
    assertEquals(List.of(dialect().update(table(table))), counter.executed());
    assertEquals(1, counter.prepared().size(), counter.prepared().toString());

    SessionRecord updated = store.read("id1").orElseThrow();
    assertEquals(Map.of("", "times 2", "cart", "book", "seen", "page 7"), texts(updated));
    assertEquals(basis.version() + 1, updated.version(), "an update moves the version on by one");
    assertEquals(Set.of("id1"), store.principalIndex().orElseThrow().find("ann").keySet(), "indexed by the change");
  }

  @Test
  void aModifyingRequestCostsOneReadAndOneWrite() {
    store.write("id1", record("1"), inAMinute(), null);
    counter.reset();
    store.read("id1");
    store.write("id1", record("2"), inAMinute(), null);
    assertEquals(2, counter.executed().size(), counter.executed().toString());
    assertEquals(2, counter.prepared().size(), counter.prepared().toString());

    counter.reset();
    SessionRecord basis = store.read("id1").orElseThrow();
    assertTrue(store.update("id1", basis, change(inAMinute(), null, Set.of(), "", "3")));
    assertEquals(2, counter.executed().size(), counter.executed().toString());
    assertEquals(2, counter.prepared().size(), counter.prepared().toString());
  }

  @Test
  void anUpdateFromAStaleReadReadsOnceMoreAndKeepsBothChanges() {
    store.write("id1", record("", "times 1", "shared", "s"), inAMinute(), null);
    JdbcSessionStore other = open(builder().table(table)); // another instance on the same table
    SessionRecord stale = store.read("id1").orElseThrow();
    SessionRecord fresh = other.read("id1").orElseThrow();
    assertTrue(other.update("id1", fresh, change(inAMinute(), null, Set.of(), "", "times 2", "cart", "book")));

    counter.reset();
    assertTrue(store.update("id1", stale, change(inAMinute(), null, Set.of("shared"), "", "times 3", "seen", "p7")));
    Table named = table(table);
    assertEquals(List.of(dialect().update(named), dialect().read(named), dialect().update(named)),
        counter.executed(), "the update that found the row changed, one read, the update that held");
    assertEquals(Map.of("", "times 3", "cart", "book", "seen", "p7"), texts(store.read("id1").orElseThrow()));
    assertEquals(texts(store.read("id1").orElseThrow()), texts(other.read("id1").orElseThrow()));
  }

  @Test
  void anUpdateAfterAWriteStartsFromTheRecordWritten() {
    store.write("id1", record("", "times 1", "old", "replaced"), inAMinute(), null);
    SessionRecord beforeWrite = store.read("id1").orElseThrow();
    store.write("id1", record("", "times 2", "new", "written"), inAMinute(), null);
    assertTrue(store.update("id1", beforeWrite, change(inAMinute(), null, Set.of(), "", "times 3", "cart", "book")));
    assertEquals(Map.of("", "times 3", "new", "written", "cart", "book"), texts(store.read("id1").orElseThrow()),
        "the write gave the row a version no earlier read has");

    SessionRecord beforeDelete = store.read("id1").orElseThrow();
    store.delete("id1");
    store.write("id1", record("", "times 4", "again", "anew"), inAMinute(), null);
    assertTrue(store.update("id1", beforeDelete, change(inAMinute(), null, Set.of(), "", "times 5")));
    assertEquals(Map.of("", "times 5", "again", "anew"), texts(store.read("id1").orElseThrow()),
        "a row deleted and written again under the same id is at another version too");
  }

  @Test
  void anUpdateThatEndsTheSessionDeletesIt() throws SQLException {
    store.write("id1", record("", "times 1"), inAMinute(), "ann");
    SessionRecord basis = store.read("id1").orElseThrow();
    assertFalse(store.update("id1", basis, change(clock.instant().minusSeconds(1), "ann", Set.of(), "", "times 2")));
    assertEquals(Optional.empty(), store.read("id1"));
    assertEquals(0, count("SELECT COUNT(*) FROM " + table));
    assertEquals(Map.of(), store.principalIndex().orElseThrow().find("ann"));
  }

  @Test
  void anUpdateOfAnExpiredRowThatNoCleanupRemovedYetWritesNothing() throws SQLException {
    Instant expiry = clock.instant().plusSeconds(10);
    store.write("id1", record("", "times 1"), expiry, null);
    SessionRecord basis = store.read("id1").orElseThrow();
    clock.advance(Duration.ofSeconds(10));
    counter.reset();
    assertFalse(store.update("id1", basis, change(clock.instant().plusSeconds(60), null, Set.of(), "", "times 2")));
    assertEquals(2, counter.executed().size(), "the update that found no live row, the read: " + counter.executed());
    assertEquals(expiry.toEpochMilli(), count("SELECT expires_at FROM " + table + " WHERE id = 'id1'"),
        "the row is as it was, for the cleanup");
  }

  @Test
  void aRowThatIsNoSessionRecordIsReportedAndLeftOutOfTheIndex() throws SQLException {
    store.checkAvailable();
    store.write("good", record("one"), clock.instant().plusSeconds(10), "ann");
    try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("INSERT INTO "
        + table + " (id, data, expires_at, principal_name, version) VALUES ('bad', ?, ?, 'ann', 7)")) {
      insert.setBytes(1, "not a session record".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      insert.setLong(2, clock.instant().plusSeconds(10).toEpochMilli());
      insert.executeUpdate();
    }
    assertThrows(UnreadableRecordException.class, () -> store.read("bad"));
    assertThrows(UnreadableRecordException.class,
        () -> store.update("bad", record("x"), change(inAMinute(), "ann", Set.of(), "", "y")));
    assertEquals(Set.of("good"), store.principalIndex().orElseThrow().find("ann").keySet());

    Map<String, Optional<SessionRecord>> reported = new java.util.concurrent.ConcurrentHashMap<>();
    store.reportExpiries(reported::put);
    clock.advance(Duration.ofSeconds(20));
    assertEquals(new JdbcSessionStore.Cleanup(2, 1), store.cleanup());
    assertEquals(Set.of("good", "bad"), reported.keySet());
    assertEquals("one", text(reported.get("good")));
    assertEquals(Optional.empty(), reported.get("bad"), "expired, without a record");
  }

  @Test
  void aConnectionCutWhileIdleCostsNoRequest() {
    store.write("id1", record("data"), inAMinute(), null);
    counter.reset();
    counter.cutNextConnections(1);
    assertEquals("data", text(store.read("id1")), "retried once on a new connection");
    assertEquals(2, counter.prepared().size(), "the cut attempt and the retry: " + counter.prepared());
    assertEquals(1, counter.executed().size(), counter.executed().toString());
  }

  @Test
  void aFailingStatementIsReportedAndNotRetried() throws SQLException {
    store.write("secret-session-id-123", record("data"), inAMinute(), null);
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
    store.write("a", record("one"), clock.instant().plusSeconds(10), "ann");
    store.write("b", record("two"), clock.instant().plusSeconds(10), null);
    store.write("live", record("three"), clock.instant().plusSeconds(100), null);
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
    insertEarlierSession(old, false);
    JdbcSessionStore upgraded = open(builder().table(old));
    upgraded.checkAvailable();
    assertEquals(true, upgraded.read("kept").isPresent(), "the sessions already there are kept");
    assertEquals(EARLIER_RECORD, upgraded.read("kept").orElseThrow(), "as they were, at version 0");
    upgraded.write("new", record("two"), clock.instant().plusSeconds(60), "ann");
    assertEquals(java.util.Set.of("new"), upgraded.principalIndex().orElseThrow().find("ann").keySet());
    assertGainedTheVersion(upgraded, old);
  }

  @Test
  void aTableMadeBeforeUpdatesCheckedAVersionGainsTheColumnOnceWhoeverComesFirst() throws Exception {
    String old = table + "_old";
    execute("CREATE TABLE " + old + " (id VARCHAR(255) NOT NULL PRIMARY KEY, data " + blobType()
        + " NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255))");
    insertEarlierSession(old, true);
    JdbcSessionStore upgraded = open(builder().table(old));
    JdbcSessionStore alongside = open(builder().table(old)); // another instance, starting at the same time
    ExecutorService starting = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> started = List.of(starting.submit(upgraded::checkAvailable),
          starting.submit(alongside::checkAvailable));
      for (Future<?> each : started) {
        each.get();
      }
    } finally {
      starting.shutdownNow();
    }
    assertEquals(1, count("SELECT COUNT(*) FROM " + old), "the table and its rows are still there");
    assertEquals(EARLIER_RECORD, upgraded.read("kept").orElseThrow(), "the sessions already there are kept");
    assertEquals(EARLIER_RECORD, alongside.read("kept").orElseThrow());
    assertEquals(Set.of("kept"), upgraded.principalIndex().orElseThrow().find("ann").keySet());
    assertGainedTheVersion(upgraded, old);
    open(builder().table(old)).checkAvailable(); // the next start finds the table as it needs it
  }

  /** A session as the previous version stored it, which a table made by it holds. */
  private static final SessionRecord EARLIER_RECORD = SessionRecord.of(Map.of(
      SessionRecord.METADATA, signed("times 1"), "cart", signed("book")));

  /** An entry of format 2: its bytes, then a 32-byte signature, which format 3 keeps as part of the entry. */
  private static byte[] signed(String text) {
    byte[] value = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] entry = java.util.Arrays.copyOf(value, value.length + 32);
    java.util.Arrays.fill(entry, value.length, entry.length, (byte) 0x5A);
    return entry;
  }

  /** {@link #EARLIER_RECORD} in format 2, as the previous version wrote it. */
  private static byte[] earlierFormat() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.write(new byte[] {'S', 'C', 2});
      out.writeInt(EARLIER_RECORD.entries().size());
      for (Map.Entry<String, byte[]> entry : EARLIER_RECORD.entries().entrySet()) {
        byte[] name = entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(entry.getValue().length - 32); // the signature follows the counted bytes
        out.write(entry.getValue());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Row {@code kept} of a table made by an earlier version, for user {@code ann} when it has the column. */
  private void insertEarlierSession(String old, boolean withPrincipal) throws SQLException {
    String sql = withPrincipal
        ? "INSERT INTO " + old + " (id, data, expires_at, principal_name) VALUES ('kept', ?, ?, 'ann')"
        : "INSERT INTO " + old + " (id, data, expires_at) VALUES ('kept', ?, ?)";
    try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setBytes(1, earlierFormat());
      insert.setLong(2, clock.instant().plusSeconds(60).toEpochMilli());
      insert.executeUpdate();
    }
  }

  /** The upgraded table has the version, at 0 for the rows already there, and updates check it. */
  private void assertGainedTheVersion(JdbcSessionStore upgraded, String old) throws SQLException {
    assertEquals(1, count("SELECT COUNT(*) FROM " + old + " WHERE id = 'kept' AND version = 0"));
    SessionRecord basis = upgraded.read("kept").orElseThrow();
    assertEquals(0, basis.version());
    counter.reset();
    assertTrue(upgraded.update("kept", basis, change(clock.instant().plusSeconds(60), "ann", Set.of(), "", "times 2")));
    assertEquals(List.of(dialect().update(table(old))), counter.executed(), "one statement");
    SessionRecord updated = upgraded.read("kept").orElseThrow();
    assertEquals("times 2", text(Optional.of(updated)));
    assertEquals(Set.of("", "cart"), updated.entries().keySet());
    assertArrayEquals(signed("book"), updated.entries().get("cart"), "an entry the change left alone is kept");
    assertEquals(1, updated.version());
    assertTrue(upgraded.update("kept", basis, change(clock.instant().plusSeconds(60), "ann", Set.of(), "", "times 3")),
        "from the stale basis: read again, then applied");
    assertEquals(2, upgraded.read("kept").orElseThrow().version());
    assertEquals("times 3", text(upgraded.read("kept")));
  }

  /** The column type of the session bytes in this database, for a table made by hand. */
  protected abstract String blobType();

  @Test
  void twoInstancesOnOneTableShareSessions() {
    JdbcSessionStore other = open(builder().table(table));
    store.write("shared", record("from one"), inAMinute(), null);
    assertEquals("from one", text(other.read("shared")));
    other.write("shared", record("from the other"), inAMinute(), null);
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
    withUrl.write("id1", record("data"), inAMinute(), null);
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
          insert.setBytes(2, record("old").toBytes());
          insert.setLong(3, expiresAt);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }
}
