package dev.sessionconfig.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL of one database family. Every session is one row {@code (id, data, expires_at, principal_name, version)}:
 * the id as the primary key, the session's record ({@code SessionRecord.toBytes()}), the expiry in epoch
 * milliseconds with an index on it, so that reads can filter on it and the cleanup finds expired rows without
 * scanning the table, the name of the user the session belongs to (or null) with an index, so that a user's
 * sessions are one indexed query, and the version of the record, which an update checks and moves on by one, so
 * that parallel requests of one session never overwrite each other's changes.
 *
 * <table>
 *   <caption>Per database</caption>
 *   <tr><th></th><th>data</th><th>write (one upsert)</th><th>cleanup (one batch)</th></tr>
 *   <tr><td>PostgreSQL</td><td>BYTEA</td><td>INSERT ... ON CONFLICT (id) DO UPDATE</td>
 *       <td>DELETE ... WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)</td></tr>
 *   <tr><td>MariaDB / MySQL</td><td>LONGBLOB</td><td>INSERT ... ON DUPLICATE KEY UPDATE</td>
 *       <td>DELETE ... WHERE expires_at &lt;= ? LIMIT n</td></tr>
 *   <tr><td>H2</td><td>VARBINARY</td><td>MERGE INTO ... KEY (id)</td>
 *       <td>DELETE ... WHERE expires_at &lt;= ? FETCH FIRST n ROWS ONLY</td></tr>
 *   <tr><td>SQLite</td><td>BLOB</td><td>INSERT ... ON CONFLICT (id) DO UPDATE</td>
 *       <td>DELETE ... WHERE rowid IN (SELECT rowid ... LIMIT n)</td></tr>
 * </table>
 * In every one, a read is {@code SELECT data, version ... WHERE id = ? AND expires_at > ?} and an update
 * {@code UPDATE ... SET data, expires_at, principal_name, version = expected + 1 WHERE id = ? AND version = expected
 * AND expires_at > ?}: one statement each.
 */
enum Dialect {
  POSTGRESQL("PostgreSQL", '"', "org.postgresql:postgresql") {
    @Override
    List<String> createTable(Table table) {
      return List.of(
          "CREATE TABLE IF NOT EXISTS " + table.name() + " (id VARCHAR(255) NOT NULL PRIMARY KEY,"
              + " data BYTEA NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255),"
              + " version BIGINT NOT NULL DEFAULT 0)",
          "CREATE INDEX IF NOT EXISTS " + table.indexName() + " ON " + table.name() + " (expires_at)",
          principalIndex(table));
    }

    @Override
    String principalIndex(Table table) {
      return "CREATE INDEX IF NOT EXISTS " + table.principalIndexName() + " ON " + table.name() + " (principal_name)";
    }

    @Override
    String upsert(Table table) {
      return "INSERT INTO " + table.name() + " (id, data, expires_at, principal_name, version)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at,"
          + " principal_name = EXCLUDED.principal_name, version = EXCLUDED.version";
    }

    @Override
    String cleanup(Table table, int batchSize) {
      // SKIP LOCKED: rows that a request is writing right now, or that another instance's cleanup holds, are left
      // for the next batch instead of waited for. The outer condition keeps a session refreshed meanwhile.
      return "DELETE FROM " + table.name() + " WHERE id IN (SELECT id FROM " + table.name()
          + " WHERE expires_at <= ? LIMIT " + batchSize + " FOR UPDATE SKIP LOCKED) AND expires_at <= ?";
    }
  },

  /** MariaDB, and MySQL through the same SQL ({@code VALUES()} in the upsert is understood by both). */
  MARIADB("MariaDB", '`', "org.mariadb.jdbc:mariadb-java-client") {
    @Override
    List<String> createTable(Table table) {
      // ascii_bin: session ids are case-sensitive base64url, and the default collations ignore case. The index is
      // declared inline because MySQL has no CREATE INDEX IF NOT EXISTS. InnoDB: row locks, not table locks.
      return List.of("CREATE TABLE IF NOT EXISTS " + table.name()
          + " (id VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,"
          + " data LONGBLOB NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255) CHARACTER SET utf8mb4"
          + " COLLATE utf8mb4_bin, version BIGINT NOT NULL DEFAULT 0, INDEX " + table.indexName() + " (expires_at),"
          + " INDEX " + table.principalIndexName()
          + " (principal_name)) ENGINE=InnoDB");
    }

    @Override
    String principalIndex(Table table) {
      return "CREATE INDEX " + table.principalIndexName() + " ON " + table.name() + " (principal_name)";
    }

    @Override
    String principalColumn() {
      return "principal_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    }

    @Override
    String upsert(Table table) {
      return "INSERT INTO " + table.name() + " (id, data, expires_at, principal_name, version)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE data = VALUES(data), expires_at = VALUES(expires_at),"
          + " principal_name = VALUES(principal_name), version = VALUES(version)";
    }

    @Override
    String cleanup(Table table, int batchSize) {
      return "DELETE FROM " + table.name() + " WHERE expires_at <= ? LIMIT " + batchSize;
    }
  },

  H2("H2", '"', "com.h2database:h2") {
    @Override
    List<String> createTable(Table table) {
      return List.of(
          "CREATE TABLE IF NOT EXISTS " + table.name() + " (id VARCHAR(255) NOT NULL PRIMARY KEY,"
              + " data VARBINARY NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255),"
              + " version BIGINT NOT NULL DEFAULT 0)",
          "CREATE INDEX IF NOT EXISTS " + table.qualifiedIndexName() + " ON " + table.name() + " (expires_at)",
          principalIndex(table));
    }

    @Override
    String principalIndex(Table table) {
      return "CREATE INDEX IF NOT EXISTS " + table.qualifiedPrincipalIndexName() + " ON " + table.name()
          + " (principal_name)";
    }

    @Override
    String upsert(Table table) {
      return "MERGE INTO " + table.name() + " (id, data, expires_at, principal_name, version) KEY (id)"
          + " VALUES (?, ?, ?, ?, ?)";
    }

    @Override
    String cleanup(Table table, int batchSize) {
      return "DELETE FROM " + table.name() + " WHERE expires_at <= ? FETCH FIRST " + batchSize + " ROWS ONLY";
    }
  },

  SQLITE("SQLite", '"', "org.xerial:sqlite-jdbc") {
    @Override
    List<String> createTable(Table table) {
      // SQLite names an index with the schema and its table without: CREATE INDEX main.i ON t (...).
      return List.of(
          "CREATE TABLE IF NOT EXISTS " + table.name() + " (id VARCHAR(255) NOT NULL PRIMARY KEY,"
              + " data BLOB NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255),"
              + " version BIGINT NOT NULL DEFAULT 0)",
          "CREATE INDEX IF NOT EXISTS " + table.qualifiedIndexName() + " ON " + table.localName() + " (expires_at)",
          principalIndex(table));
    }

    @Override
    String principalIndex(Table table) {
      return "CREATE INDEX IF NOT EXISTS " + table.qualifiedPrincipalIndexName() + " ON " + table.localName()
          + " (principal_name)";
    }

    @Override
    String upsert(Table table) {
      return "INSERT INTO " + table.name() + " (id, data, expires_at, principal_name, version)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at,"
          + " principal_name = excluded.principal_name, version = excluded.version";
    }

    @Override
    String cleanup(Table table, int batchSize) {
      return "DELETE FROM " + table.name() + " WHERE rowid IN (SELECT rowid FROM " + table.name()
          + " WHERE expires_at <= ? LIMIT " + batchSize + ")";
    }
  };

  private final String displayName;
  private final char quote;
  private final String driverCoordinates;

  Dialect(String displayName, char quote, String driverCoordinates) {
    this.displayName = displayName;
    this.quote = quote;
    this.driverCoordinates = driverCoordinates;
  }

  /** The statements that create the table and its index on {@code expires_at}, each idempotent. */
  abstract List<String> createTable(Table table);

  /**
   * Inserts or replaces one session: parameters id, data, expires_at, principal_name (null for none) and version,
   * which replaces the version of a row already there.
   */
  abstract String upsert(Table table);

  /** Creates the index on {@code principal_name}. */
  abstract String principalIndex(Table table);

  /** The {@code principal_name} column's definition. */
  String principalColumn() {
    return "principal_name VARCHAR(255)";
  }

  /** The {@code version} column's definition: rows already there when it is added start at 0. */
  String versionColumn() {
    return "version BIGINT NOT NULL DEFAULT 0";
  }

  /** Adds the index of sessions by user to a table made before there was one: the column, then its index. */
  List<String> addPrincipalColumn(Table table) {
    return List.of("ALTER TABLE " + table.name() + " ADD COLUMN " + principalColumn(), principalIndex(table));
  }

  /** Adds the version to a table made before updates checked it. */
  List<String> addVersionColumn(Table table) {
    return List.of("ALTER TABLE " + table.name() + " ADD COLUMN " + versionColumn());
  }

  /**
   * The columns that tables made by earlier versions of this library lack, each with the statements that add it,
   * in the order they came: a table from before the index by user lacks both.
   */
  List<AddedColumn> addedColumns(Table table) {
    return List.of(
        new AddedColumn("principal_name", probeColumn(table, "principal_name"), addPrincipalColumn(table),
            " and its index, for the sessions of each user"),
        new AddedColumn("version", probeColumn(table, "version"), addVersionColumn(table),
            ", so that parallel requests of one session keep each other's changes"));
  }

  /**
   * A column that a session table made by an earlier version lacks.
   *
   * @param name the column
   * @param probe succeeds, returning no row, exactly when the table has the column
   * @param add the statements that add the column and whatever goes with it (its index)
   * @param purpose what the column is for, for the log: follows "gained the column name"
   */
  record AddedColumn(String name, String probe, List<String> add, String purpose) {}

  /** The live sessions of a user: parameters principal_name and the current time. */
  String find(Table table) {
    return "SELECT id, data, version FROM " + table.name() + " WHERE principal_name = ? AND expires_at > ?";
  }

  /** At most {@code batchSize} expired rows, to be claimed one by one: parameter the current time. */
  String expired(Table table, int batchSize) {
    return "SELECT id, data, version FROM " + table.name() + " WHERE expires_at <= ? ORDER BY expires_at LIMIT "
        + batchSize;
  }

  /** Deletes one expired row unless it was refreshed meanwhile: parameters id and the current time. */
  String deleteExpired(Table table) {
    return "DELETE FROM " + table.name() + " WHERE id = ? AND expires_at <= ?";
  }

  /**
   * Deletes at most {@code batchSize} expired rows; every parameter is the current time in epoch millis. Run in
   * auto-commit, each batch is its own short transaction.
   */
  abstract String cleanup(Table table, int batchSize);

  /** Finds the session's data and version unless it expired: parameters id and the current time. */
  String read(Table table) {
    return "SELECT data, version FROM " + table.name() + " WHERE id = ? AND expires_at > ?";
  }

  /**
   * Replaces a session's row if it is still at the version read and has not expired: parameters data, expires_at,
   * principal_name, the new version, then id, the version read and the current time. One row updated, or none.
   */
  String update(Table table) {
    return "UPDATE " + table.name() + " SET data = ?, expires_at = ?, principal_name = ?, version = ?"
        + " WHERE id = ? AND version = ? AND expires_at > ?";
  }

  String delete(Table table) {
    return "DELETE FROM " + table.name() + " WHERE id = ?";
  }

  /** Succeeds, returning no row, exactly when the table exists with all the session columns. */
  String probe(Table table) {
    return "SELECT id, data, expires_at, principal_name, version FROM " + table.name() + " WHERE 1 = 0";
  }

  /**
   * {@link #probe} for the columns every session table has had: a table with these and not the others was made by
   * an earlier version, and gains the others ({@link #addedColumns}).
   */
  String probeRequired(Table table) {
    return "SELECT id, data, expires_at FROM " + table.name() + " WHERE 1 = 0";
  }

  /** Succeeds, returning no row, exactly when the table has {@code column}. */
  String probeColumn(Table table, String column) {
    return "SELECT " + column + " FROM " + table.name() + " WHERE 1 = 0";
  }

  /** Succeeds, returning no row, exactly when a table of that name exists, whatever its columns. */
  String exists(Table table) {
    return "SELECT * FROM " + table.name() + " WHERE 1 = 0";
  }

  /** How many parameters {@link #cleanup} has: all of them are the current time. */
  int cleanupParameters(Table table) {
    return (int) cleanup(table, 1).chars().filter(c -> c == '?').count();
  }

  /** Whether the table's DDL can run in a transaction, so that a failed index leaves no table behind. */
  boolean transactionalDdl() {
    return this != MARIADB;
  }

  String displayName() {
    return displayName;
  }

  /** The Maven coordinates of the usual driver, for the message when no driver accepts the URL. */
  String driverCoordinates() {
    return driverCoordinates;
  }

  String quote(String identifier) {
    return quote + identifier + quote;
  }

  /** The family a JDBC URL names, if its sub-protocol is a known one. */
  static Optional<Dialect> fromUrl(String url) {
    String lower = url.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return Optional.of(POSTGRESQL);
    }
    if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
      return Optional.of(MARIADB);
    }
    if (lower.startsWith("jdbc:h2:")) {
      return Optional.of(H2);
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return Optional.of(SQLITE);
    }
    return Optional.empty();
  }

  /** The family of {@code DatabaseMetaData.getDatabaseProductName()}, for URLs of wrapping drivers. */
  static Optional<Dialect> fromProductName(String product) {
    String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (lower.contains("postgresql")) {
      return Optional.of(POSTGRESQL);
    }
    if (lower.contains("mariadb") || lower.contains("mysql")) {
      return Optional.of(MARIADB);
    }
    if (lower.equals("h2")) {
      return Optional.of(H2);
    }
    if (lower.contains("sqlite")) {
      return Optional.of(SQLITE);
    }
    return Optional.empty();
  }

  /** The supported databases, for messages. */
  static String supported() {
    return "PostgreSQL, MariaDB (or MySQL), H2 and SQLite";
  }
}
