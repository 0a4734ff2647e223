package dev.sessionconfig.jdbc;

import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.ExpiryListener;
import dev.sessionconfig.runtime.store.OptimisticUpdate;
import dev.sessionconfig.runtime.store.PrincipalIndex;
import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Sessions in a SQL table, one row per session: {@code id} (primary key), {@code data} (the session's record as
 * one value, {@link SessionRecord#toBytes()}), {@code expires_at} (epoch milliseconds, indexed),
 * {@code principal_name} (the user's name, indexed) and {@code version}. The table is created when missing, with
 * the DDL of the database's {@link Dialect}; a table made by an earlier version gains the columns it lacks.
 *
 * <ul>
 *   <li><b>One statement per operation</b>: a read is one {@code SELECT} of the data and its version, a write one
 *       upsert, an update one conditional {@code UPDATE} (without contention), a delete one {@code DELETE}, each on
 *       a pooled connection in auto-commit mode. A request that only reads its session costs one statement, one
 *       that changes it two.
 *   <li><b>Parallel requests of one session</b>: an update replaces the row only if it is still at the version the
 *       request read ({@code WHERE version = ?}), and moves the version on by one. When another request replaced
 *       it meanwhile, the update reads the row again and applies its change to what it finds
 *       ({@link OptimisticUpdate}), so that both changes are kept; a session deleted or expired meanwhile is never
 *       written back. A write gives the row a random version, so that no request that read the session before it
 *       (or before a delete and a new write under the same id) can match it.
 *   <li><b>Expiry</b>: the read itself filters on {@code expires_at}, so an expired session is never returned,
 *       whether or not the cleanup has run; so does the update, so an expired session is never written back.
 *   <li><b>Cleanup</b>: a daemon thread deletes expired rows at an interval, in batches of {@value #CLEANUP_BATCH}
 *       rows, each batch its own short transaction found through the index, so that no lock is held for long
 *       and requests go on meanwhile. Every application instance on the table runs it; on PostgreSQL they skip
 *       the rows another one holds, elsewhere they wait for one batch at most.
 *   <li><b>Outages</b>: a request fails within the pool's two-second time-out (at once when the pool has no
 *       connection left) with a {@link SessionStoreException} naming the database, and the same store works again
 *       with the first request after the database is back.
 * </ul>
 * Messages name the database by its URL with any password masked, and never show a session id.
 */
final class JdbcSessionStore implements SessionStore {
  static final int CLEANUP_BATCH = 500;
  /** The id column's width: VARCHAR(255). Session ids are base64url, 43 characters for the default 32 bytes. */
  static final int MAX_ID_LENGTH = 255;
  /** At most this many batches per cleanup run (a million rows); what remains waits for the next run. */
  static final int MAX_BATCHES_PER_RUN = 2000;
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.store");
  /**
   * One lock per database and table, held while a store of this process looks at the table's columns and changes
   * them (creates the table, adds a column). H2 breaks when two sessions alter one table at once (the table lost,
   * NullPointerExceptions, both ALTERs reporting success) and fails queries that meet an ALTER in progress, so
   * stores of one process, the only ones that can share an in-memory H2 database, take turns. Across processes
   * the database itself refuses the second ALTER (PostgreSQL, MariaDB, SQLite), whose store then finds the column.
   */
  private static final ConcurrentMap<String, Object> SCHEMA_LOCKS = new ConcurrentHashMap<>();

  private final JdbcConnections db;
  private final String tableSetting;
  private final Clock clock;
  private final int batchSize;
  private final ScheduledExecutorService cleaner;
  private final long cleanupIntervalSeconds;
  /** The table's SQL, once the table is known to exist. */
  private volatile Sql sql;
  private volatile ExpiryListener expiries;

  /** The update's two operations on this table: the store's read, and the conditional {@code UPDATE}. */
  private final OptimisticUpdate.Target updates = new OptimisticUpdate.Target() {
    @Override
    public Optional<SessionRecord> read(String id) {
      return JdbcSessionStore.this.read(id);
    }

    @Override
    public boolean replace(String id, SessionRecord expected, SessionRecord next, SessionChange change) {
      return JdbcSessionStore.this.replace(id, expected, next, change);
    }
  };

  private JdbcSessionStore(Builder builder) {
    this.db = new JdbcConnections(builder.url, builder.user, builder.password, builder.limits, builder.decorate);
    this.tableSetting = builder.table;
    this.clock = builder.clock;
    this.batchSize = builder.batchSize;
    Table.of(tableSetting, Dialect.POSTGRESQL, Table.Case.AS_IS); // refuses a name that is not plain SQL now
    this.cleanupIntervalSeconds = builder.cleanupInterval == null ? 0 : builder.cleanupInterval.toSeconds();
    if (builder.cleanupInterval == null) {
      this.cleaner = null;
    } else {
      this.cleaner = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sessionconfig-jdbc-cleanup");
        thread.setDaemon(true); // never keeps an application from exiting
        return thread;
      });
      long millis = builder.cleanupInterval.toMillis();
      // A random first delay, so that instances started together do not all clean up at the same moment.
      long first = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
      cleaner.scheduleWithFixedDelay(this::cleanupLogged, first, millis, TimeUnit.MILLISECONDS);
    }
  }

  static Builder builder(String url) {
    return new Builder(url);
  }

  /** One {@code SELECT} of the data and its version, which filters out an expired row. */
  @Override
  public Optional<SessionRecord> read(String id) {
    Objects.requireNonNull(id, "id");
    if (id.length() > MAX_ID_LENGTH) {
      return Optional.empty(); // no such row can exist
    }
    Sql sql = ready();
    long now = clock.millis();
    Optional<Stored> stored = db.execute("read a session", id, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql.read)) {
        statement.setString(1, id);
        statement.setLong(2, now);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(new Stored(row.getBytes(1), row.getLong(2))) : Optional.<Stored>empty();
        }
      }
    });
    // Parsed once the connection is back in the pool; an unreadable record is the session layer's to handle.
    return stored.flatMap(Stored::parse);
  }

  /** One upsert, the user's name in the same row: the index costs no extra statement. */
  @Override
  public void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(record, "record");
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("a session id has at most " + MAX_ID_LENGTH + " characters (the id column)");
    }
    long expires = expiresAt.toEpochMilli();
    if (expires <= clock.millis()) {
      delete(id); // an entry already expired is one that must not be found
      return;
    }
    byte[] data = record.toBytes();
    // A random version: a row replaced by this write, or deleted and written anew, is at a version that no request
    // read before, so that an update from such a read finds it changed and starts again from the row as it is.
    long version = ThreadLocalRandom.current().nextLong();
    Sql sql = ready();
    db.execute("write a session", id, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql.upsert)) {
        statement.setString(1, id);
        statement.setBytes(2, data);
        statement.setLong(3, expires);
        statement.setString(4, principal);
        statement.setLong(5, version);
        return statement.executeUpdate();
      }
    });
  }

  /**
   * One conditional {@code UPDATE} when no other request changed the session since {@code basis} was read; else
   * the row is read again and the change applied to it, until one {@code UPDATE} holds ({@link OptimisticUpdate}).
   * A change that leaves the session expired deletes it.
   */
  @Override
  public boolean update(String id, SessionRecord basis, SessionChange change) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(change, "change");
    if (id.length() > MAX_ID_LENGTH) {
      return false; // no such row can exist
    }
    if (change.expiresAt().toEpochMilli() <= clock.millis()) {
      delete(id); // the session ends with this change: it must not be found again
      return false;
    }
    return OptimisticUpdate.apply(updates, id, basis, change, description());
  }

  /**
   * Replaces the row of {@code id} by {@code next}, at {@code expected}'s version plus one, if it is still at
   * {@code expected}'s version and has not expired: one statement.
   */
  private boolean replace(String id, SessionRecord expected, SessionRecord next, SessionChange change) {
    Sql sql = ready();
    byte[] data = next.toBytes();
    long expires = change.expiresAt().toEpochMilli();
    long now = clock.millis();
    return db.execute("update a session", id, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql.update)) {
        statement.setBytes(1, data);
        statement.setLong(2, expires);
        statement.setString(3, change.principal());
        statement.setLong(4, expected.version() + 1); // wraps around at the end of the range: still another value
        statement.setString(5, id);
        statement.setLong(6, expected.version());
        statement.setLong(7, now);
        return statement.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void delete(String id) {
    Objects.requireNonNull(id, "id");
    Sql sql = ready();
    db.execute("delete a session", id, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql.delete)) {
        statement.setString(1, id);
        return statement.executeUpdate();
      }
    });
  }

  /** A user's sessions: one indexed query on {@code principal_name}. A row that is no session record is left out. */
  @Override
  public Optional<PrincipalIndex> principalIndex() {
    return Optional.of(principal -> {
      Sql sql = ready();
      long now = clock.millis();
      Map<String, Stored> rows = db.execute("list the sessions of a user", null, connection -> {
        Map<String, Stored> found = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.find)) {
          statement.setString(1, principal);
          statement.setLong(2, now);
          try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              found.put(result.getString(1), new Stored(result.getBytes(2), result.getLong(3)));
            }
          }
        }
        return found;
      });
      Map<String, SessionRecord> records = new LinkedHashMap<>();
      rows.forEach((id, row) -> readable(row, System.Logger.Level.WARNING, "left out of the sessions of a user")
          .ifPresent(record -> records.put(id, record)));
      return records;
    });
  }

  /**
   * The cleanup reports the rows it deletes: it selects a batch of expired rows, then deletes each one unless it was
   * refreshed meanwhile, all in one JDBC batch. Only the instance whose delete removed a row reports it, so each
   * expiry is reported once, however many instances clean up.
   */
  @Override
  public Optional<String> reportExpiries(ExpiryListener listener) {
    this.expiries = listener;
    return cleaner == null ? Optional.empty()
        : Optional.of("sessions that expire are reported by the cleanup, which runs every "
            + cleanupIntervalSeconds + " s");
  }

  /**
   * Connects, and creates the table and its index when they are missing.
   *
   * @throws SessionStoreException naming the database (its URL, password masked) and the cause: unreachable,
   *     login refused, no driver, no right to create the table, a table of that name without the session columns
   */
  @Override
  public void checkAvailable() {
    db.connectDirectly(); // an unreachable database or a refused login is reported at once, by the driver's reason
    Sql known = sql;
    if (known == null) {
      ready();
    } else {
      db.execute("query the session table " + tableSetting, null, connection -> probe(connection, known));
    }
  }

  @Override
  public String description() {
    return db.prefix();
  }

  @Override
  public void close() {
    if (cleaner != null) {
      cleaner.shutdownNow();
    }
    db.close();
  }

  /** What one cleanup run did. */
  record Cleanup(int rows, int batches) {}

  /**
   * Deletes the rows that expired, {@link #batchSize} at a time until a batch finds fewer: each batch is one
   * statement in its own transaction (auto-commit), so locks last one batch.
   */
  Cleanup cleanup() {
    return expiries != null ? cleanupReporting(expiries) : cleanupInBatches();
  }

  private Cleanup cleanupInBatches() {
    Sql sql = ready();
    long now = clock.millis();
    return db.execute("delete expired sessions", null, connection -> {
      if (sql.dialect == Dialect.MARIADB) {
        // InnoDB's default REPEATABLE READ locks the gaps between the rows it deletes too; READ COMMITTED locks
        // only the expired rows themselves, so that new sessions are never held up. The pool restores the level.
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      int rows = 0;
      int batches = 0;
      try (PreparedStatement statement = connection.prepareStatement(sql.cleanup)) {
        int deleted;
        do {
          for (int i = 1; i <= sql.cleanupParameters; i++) {
            statement.setLong(i, now);
          }
          deleted = statement.executeUpdate();
          rows += deleted;
          batches++;
        } while (deleted >= batchSize && batches < MAX_BATCHES_PER_RUN && !Thread.currentThread().isInterrupted());
      }
      return new Cleanup(rows, batches);
    });
  }

  /** Deletes expired rows one by one (in JDBC batches), telling {@code listener} of each row this instance deleted. */
  private Cleanup cleanupReporting(ExpiryListener listener) {
    Sql sql = ready();
    long now = clock.millis();
    Map<String, Stored> claimed = new LinkedHashMap<>();
    int batches = 0;
    int found;
    do {
      Map<String, Stored> expired = db.execute("find expired sessions", null, connection -> {
        Map<String, Stored> rows = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.expired)) {
          statement.setLong(1, now);
          try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              rows.put(result.getString(1), new Stored(result.getBytes(2), result.getLong(3)));
            }
          }
        }
        return rows;
      });
      found = expired.size();
      if (found == 0) {
        break;
      }
      int[] deleted = db.execute("delete expired sessions", null, connection -> {
        try (PreparedStatement statement = connection.prepareStatement(sql.deleteExpired)) {
          for (String id : expired.keySet()) {
            statement.setString(1, id);
            statement.setLong(2, now);
            statement.addBatch();
          }
          return statement.executeBatch();
        }
      });
      int index = 0;
      for (Map.Entry<String, Stored> row : expired.entrySet()) {
        // A driver that cannot tell counts in a batch says SUCCESS_NO_INFO (-2): then the row is taken as deleted.
        int count = deleted[index++];
        if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
          claimed.put(row.getKey(), row.getValue());
        }
      }
      batches++;
    } while (found >= batchSize && batches < MAX_BATCHES_PER_RUN && !Thread.currentThread().isInterrupted());
    // Told outside the database calls: a listener's work must not hold a connection.
    // A row that is no session record is reported without one.
    claimed.forEach((id, row) -> listener.expired(id,
        readable(row, System.Logger.Level.DEBUG, "reported as expired without its record")));
    return new Cleanup(claimed.size(), batches);
  }

  private void cleanupLogged() {
    try {
      Cleanup done = cleanup();
      if (done.rows() > 0) {
        LOG.log(System.Logger.Level.DEBUG, () -> description() + ": deleted " + done.rows() + " expired sessions in "
            + done.batches() + " batches");
      }
    } catch (RuntimeException e) {
      // Caught, or the executor would silently stop cleaning up for good. The next run tries again.
      LOG.log(System.Logger.Level.WARNING, "deleting expired sessions failed: " + e.getMessage());
    }
  }

  /** The table's SQL; on first use connects, picks the dialect and creates the table if it is missing. */
  private Sql ready() {
    Sql known = sql;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (sql == null) {
        sql = db.execute("create the session table " + tableSetting, null, this::prepareTable);
      }
      return sql;
    }
  }

  private Sql prepareTable(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName();
    Dialect dialect = Dialect.fromProductName(product).or(db::urlDialect).orElseThrow(() ->
        new SessionStoreException(db.prefix() + " cannot hold sessions: " + product + " is not supported; use "
            + Dialect.supported()));
    Table.Case stored = meta.storesUpperCaseIdentifiers() ? Table.Case.UPPER
        : meta.storesLowerCaseIdentifiers() ? Table.Case.LOWER : Table.Case.AS_IS;
    Sql sql = new Sql(dialect, Table.of(tableSetting, dialect, stored), batchSize);
    try {
      return probe(connection, sql);
    } catch (SQLException missing) {
      // no such table, one made by an earlier version without some columns, or one without the session columns;
      // or, on H2, another store of this process altering the table right now
    }
    synchronized (SCHEMA_LOCKS.computeIfAbsent(db.prefix() + " " + sql.table.name(), key -> new Object())) {
      return prepareMissingTable(connection, sql);
    }
  }

  /** {@link #prepareTable} for a table without all the session columns, holding the table's schema lock. */
  private Sql prepareMissingTable(Connection connection, Sql sql) throws SQLException {
    try {
      return probe(connection, sql); // another store of this process prepared it meanwhile
    } catch (SQLException missing) {
      // told apart below
    }
    boolean earlierSessionTable;
    try {
      query(connection, sql.probeRequired);
      earlierSessionTable = true;
    } catch (SQLException missing) {
      earlierSessionTable = false; // no such table, or one without the session columns: told apart below
    }
    if (earlierSessionTable) {
      addMissingColumns(connection, sql);
      return probe(connection, sql);
    }
    try {
      query(connection, sql.exists);
      throw new SessionStoreException(db.prefix() + ": the table " + tableSetting + " exists but is not a session"
          + " table (it needs the columns id, data and expires_at); choose another SESSION_JDBC_TABLE");
    } catch (SQLException missing) {
      // no such table: create it
    }
    try {
      createTable(connection, sql);
    } catch (SQLException e) {
      try {
        return probe(connection, sql); // another instance created it meanwhile
      } catch (SQLException stillMissing) {
        throw e;
      }
    }
    probe(connection, sql);
    LOG.log(System.Logger.Level.INFO, description() + ": session table " + tableSetting + " is ready ("
        + sql.dialect.displayName() + ")");
    return sql;
  }

  /**
   * A table made by an earlier version gets the columns it lacks (the index by user, the version), each once, by
   * whoever comes first. Adding a column that another instance added meanwhile fails, and is then no failure.
   *
   * @throws SQLException when a column is missing and cannot be added (no right to alter the table)
   */
  private void addMissingColumns(Connection connection, Sql sql) throws SQLException {
    for (Dialect.AddedColumn column : sql.addedColumns) {
      try {
        query(connection, column.probe());
        continue; // there already
      } catch (SQLException missing) {
        // added below
      }
      try (Statement statement = connection.createStatement()) {
        for (String ddl : column.add()) {
          statement.execute(ddl);
        }
        LOG.log(System.Logger.Level.INFO, description() + ": session table " + tableSetting + " gained the column "
            + column.name() + column.purpose());
      } catch (SQLException e) {
        try {
          query(connection, column.probe()); // another instance added it meanwhile
        } catch (SQLException stillMissing) {
          throw e;
        }
      }
    }
  }

  private static Sql probe(Connection connection, Sql sql) throws SQLException {
    query(connection, sql.probe);
    return sql;
  }

  private static void query(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery(query).close(); // only whether it runs matters
    }
  }

  private static void createTable(Connection connection, Sql sql) throws SQLException {
    boolean transaction = sql.dialect.transactionalDdl();
    if (transaction) {
      connection.setAutoCommit(false); // the table and its index, or neither
    }
    try (Statement statement = connection.createStatement()) {
      for (String ddl : sql.createTable) {
        statement.execute(ddl);
      }
      if (transaction) {
        connection.commit();
      }
    } catch (SQLException e) {
      if (transaction) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
      }
      throw e;
    } finally {
      if (transaction) {
        connection.setAutoCommit(true);
      }
    }
  }

  /** The statements of one table in one dialect, built once. */
  static final class Sql {
    final Dialect dialect;
    final Table table;
    final String read;
    final String upsert;
    final String update;
    final String delete;
    final String probe;
    final String exists;
    final List<String> createTable;
    final String cleanup;
    final int cleanupParameters;
    final String probeRequired;
    final List<Dialect.AddedColumn> addedColumns;
    final String find;
    final String expired;
    final String deleteExpired;

    Sql(Dialect dialect, Table table, int batchSize) {
      this.dialect = dialect;
      this.table = table;
      this.read = dialect.read(table);
      this.upsert = dialect.upsert(table);
      this.update = dialect.update(table);
      this.delete = dialect.delete(table);
      this.probe = dialect.probe(table);
      this.exists = dialect.exists(table);
      this.createTable = dialect.createTable(table);
      this.cleanup = dialect.cleanup(table, batchSize);
      this.cleanupParameters = dialect.cleanupParameters(table);
      this.probeRequired = dialect.probeRequired(table);
      this.addedColumns = dialect.addedColumns(table);
      this.find = dialect.find(table);
      this.expired = dialect.expired(table, batchSize);
      this.deleteExpired = dialect.deleteExpired(table);
    }
  }

  /** A row's data and version as the database returned them, parsed once the connection is given back. */
  private record Stored(byte[] data, long version) {

    /**
     * The record; empty for a row without data (a table made by hand may allow it).
     *
     * @throws UnreadableRecordException when the data is not a session record
     */
    Optional<SessionRecord> parse() {
      return data == null ? Optional.empty() : Optional.of(SessionRecord.parse(data, version));
    }
  }

  /** The record of {@code row}, or empty, logged at {@code level}, when it is none (never with the session id). */
  private Optional<SessionRecord> readable(Stored row, System.Logger.Level level, String consequence) {
    try {
      return row.parse();
    } catch (UnreadableRecordException e) {
      LOG.log(level, () -> description() + ": a stored session is not a session record (" + e.getMessage() + "); "
          + consequence);
      return Optional.empty();
    }
  }

  /** The dialect in use, once the store has connected; for tests. */
  Optional<Dialect> dialect() {
    Sql known = sql;
    return known == null ? Optional.empty() : Optional.of(known.dialect);
  }

  /** How to open a store; tests set what production leaves at its default. */
  static final class Builder {
    private final String url;
    private String user;
    private String password;
    private String table = "sessions";
    private Clock clock = Clock.systemUTC();
    private Duration cleanupInterval = Duration.ofMinutes(5);
    private int batchSize = CLEANUP_BATCH;
    private UnaryOperator<DataSource> decorate = UnaryOperator.identity();
    private ConnectionLimits limits = ConnectionLimits.DEFAULTS;

    private Builder(String url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    Builder user(String user) {
      this.user = user;
      return this;
    }

    /** The password, handed to the driver only; null for none. */
    Builder password(String password) {
      this.password = password;
      return this;
    }

    Builder table(String table) {
      this.table = table;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How often the cleanup runs; null for never (tests call {@link #cleanup()} themselves). */
    Builder cleanupEvery(Duration interval) {
      if (interval != null && (interval.isNegative() || interval.isZero())) {
        throw new IllegalArgumentException("the cleanup interval must be positive");
      }
      this.cleanupInterval = interval;
      return this;
    }

    Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("the cleanup batch size must be positive");
      }
      this.batchSize = batchSize;
      return this;
    }

    /** SESSION_STORE_TIMEOUT and SESSION_STORE_POOL_SIZE. */
    Builder limits(ConnectionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Wraps the source of new connections, e.g. to count statements. */
    Builder decorate(UnaryOperator<DataSource> decorate) {
      this.decorate = decorate;
      return this;
    }

    /** A store on the database; it connects on first use ({@code checkAvailable()} at startup). */
    JdbcSessionStore open() {
      return new JdbcSessionStore(this);
    }
  }
}
