package dev.sessionconfig.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialectTest {

  @Test
  void isChosenByTheUrlsSubProtocol() {
    assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.fromUrl("jdbc:postgresql://db/app"));
    assertEquals(Optional.of(Dialect.MARIADB), Dialect.fromUrl("jdbc:mariadb://db/app"));
    assertEquals(Optional.of(Dialect.MARIADB), Dialect.fromUrl("JDBC:MySQL://db/app"));
    assertEquals(Optional.of(Dialect.H2), Dialect.fromUrl("jdbc:h2:mem:x"));
    assertEquals(Optional.of(Dialect.SQLITE), Dialect.fromUrl(" jdbc:sqlite:/tmp/x.db"));
    assertEquals(Optional.empty(), Dialect.fromUrl("jdbc:p6spy:postgresql://db/app"));
  }

  @Test
  void isChosenByTheProductNameForOtherUrls() {
    assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.fromProductName("PostgreSQL"));
    assertEquals(Optional.of(Dialect.MARIADB), Dialect.fromProductName("MariaDB"));
    assertEquals(Optional.of(Dialect.MARIADB), Dialect.fromProductName("MySQL"));
    assertEquals(Optional.of(Dialect.H2), Dialect.fromProductName("H2"));
    assertEquals(Optional.of(Dialect.SQLITE), Dialect.fromProductName("SQLite"));
    assertEquals(Optional.empty(), Dialect.fromProductName("Oracle"));
    assertEquals(Optional.empty(), Dialect.fromProductName(null));
  }

  @Test
  void writesEachDatabasesDdlUpsertAndBatchedCleanup() {
    Table pg = Table.of("sessions", Dialect.POSTGRESQL, Table.Case.LOWER);
    assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"sessions\" (id VARCHAR(255) NOT NULL PRIMARY KEY,"
            + " data BYTEA NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255),"
            + " version BIGINT NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS \"sessions_expires_at_idx\" ON \"sessions\" (expires_at)",
        "CREATE INDEX IF NOT EXISTS \"sessions_principal_idx\" ON \"sessions\" (principal_name)"),
        Dialect.POSTGRESQL.createTable(pg));
    assertEquals("INSERT INTO \"sessions\" (id, data, expires_at, principal_name, version) VALUES (?, ?, ?, ?, ?)"
        + " ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at, principal_name ="
        + " EXCLUDED.principal_name, version = EXCLUDED.version", Dialect.POSTGRESQL.upsert(pg));
    assertEquals("DELETE FROM \"sessions\" WHERE id IN (SELECT id FROM \"sessions\" WHERE expires_at <= ?"
        + " LIMIT 500 FOR UPDATE SKIP LOCKED) AND expires_at <= ?", Dialect.POSTGRESQL.cleanup(pg, 500));
    assertEquals(2, Dialect.POSTGRESQL.cleanupParameters(pg));
    assertEquals(List.of("ALTER TABLE \"sessions\" ADD COLUMN principal_name VARCHAR(255)",
        "CREATE INDEX IF NOT EXISTS \"sessions_principal_idx\" ON \"sessions\" (principal_name)"),
        Dialect.POSTGRESQL.addPrincipalColumn(pg));
    assertEquals(List.of("ALTER TABLE \"sessions\" ADD COLUMN version BIGINT NOT NULL DEFAULT 0"),
        Dialect.POSTGRESQL.addVersionColumn(pg));

    Table maria = Table.of("app.sessions", Dialect.MARIADB, Table.Case.AS_IS);
    assertEquals(List.of("CREATE TABLE IF NOT EXISTS `app`.`sessions` (id VARCHAR(255) CHARACTER SET ascii"
        + " COLLATE ascii_bin NOT NULL PRIMARY KEY, data LONGBLOB NOT NULL, expires_at BIGINT NOT NULL,"
        + " principal_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, version BIGINT NOT NULL DEFAULT 0,"
        + " INDEX `sessions_expires_at_idx` (expires_at), INDEX `sessions_principal_idx` (principal_name))"
        + " ENGINE=InnoDB"), Dialect.MARIADB.createTable(maria));
    assertEquals("INSERT INTO `app`.`sessions` (id, data, expires_at, principal_name, version) VALUES (?, ?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE data = VALUES(data), expires_at = VALUES(expires_at), principal_name ="
        + " VALUES(principal_name), version = VALUES(version)", Dialect.MARIADB.upsert(maria));
    assertEquals("DELETE FROM `app`.`sessions` WHERE expires_at <= ? LIMIT 500", Dialect.MARIADB.cleanup(maria, 500));
    assertEquals(1, Dialect.MARIADB.cleanupParameters(maria));

    Table h2 = Table.of("app.sessions", Dialect.H2, Table.Case.UPPER);
    assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"APP\".\"SESSIONS\" (id VARCHAR(255) NOT NULL PRIMARY KEY,"
            + " data VARBINARY NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255),"
            + " version BIGINT NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS \"APP\".\"SESSIONS_EXPIRES_AT_IDX\" ON \"APP\".\"SESSIONS\" (expires_at)",
        "CREATE INDEX IF NOT EXISTS \"APP\".\"SESSIONS_PRINCIPAL_IDX\" ON \"APP\".\"SESSIONS\" (principal_name)"),
        Dialect.H2.createTable(h2));
    assertEquals("MERGE INTO \"APP\".\"SESSIONS\" (id, data, expires_at, principal_name, version) KEY (id)"
        + " VALUES (?, ?, ?, ?, ?)", Dialect.H2.upsert(h2));
    assertEquals("DELETE FROM \"APP\".\"SESSIONS\" WHERE expires_at <= ? FETCH FIRST 500 ROWS ONLY",
        Dialect.H2.cleanup(h2, 500));

    Table sqlite = Table.of("main.sessions", Dialect.SQLITE, Table.Case.AS_IS);
    assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"main\".\"sessions\" (id VARCHAR(255) NOT NULL PRIMARY KEY,"
            + " data BLOB NOT NULL, expires_at BIGINT NOT NULL, principal_name VARCHAR(255),"
            + " version BIGINT NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS \"main\".\"sessions_expires_at_idx\" ON \"sessions\" (expires_at)",
        "CREATE INDEX IF NOT EXISTS \"main\".\"sessions_principal_idx\" ON \"sessions\" (principal_name)"),
        Dialect.SQLITE.createTable(sqlite));
    assertEquals("INSERT INTO \"main\".\"sessions\" (id, data, expires_at, principal_name, version)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at ="
        + " excluded.expires_at, principal_name = excluded.principal_name, version = excluded.version",
        Dialect.SQLITE.upsert(sqlite));
    assertEquals("DELETE FROM \"main\".\"sessions\" WHERE rowid IN (SELECT rowid FROM \"main\".\"sessions\""
        + " WHERE expires_at <= ? LIMIT 500)", Dialect.SQLITE.cleanup(sqlite, 500));
  }

  @Test
  void findsAUsersSessionsAndClaimsExpiredOnesOneByOne() {
    Table table = Table.of("sessions", Dialect.POSTGRESQL, Table.Case.LOWER);
    assertEquals("SELECT id, data, version FROM \"sessions\" WHERE principal_name = ? AND expires_at > ?",
        Dialect.POSTGRESQL.find(table));
    assertEquals("SELECT id, data, version FROM \"sessions\" WHERE expires_at <= ? ORDER BY expires_at LIMIT 500",
        Dialect.POSTGRESQL.expired(table, 500));
    assertEquals("DELETE FROM \"sessions\" WHERE id = ? AND expires_at <= ?", Dialect.POSTGRESQL.deleteExpired(table));
  }

  @Test
  void readsWithOneQueryThatFiltersOnTheExpiry() {
    Table table = Table.of("sessions", Dialect.POSTGRESQL, Table.Case.LOWER);
    assertEquals("SELECT data, version FROM \"sessions\" WHERE id = ? AND expires_at > ?",
        Dialect.POSTGRESQL.read(table));
    assertEquals("DELETE FROM \"sessions\" WHERE id = ?", Dialect.POSTGRESQL.delete(table));
  }

  @Test
  void updatesWithOneStatementOnlyTheVersionReadOfALiveSession() {
    for (Dialect dialect : Dialect.values()) {
      Table table = Table.of("sessions", dialect, Table.Case.AS_IS);
      assertEquals("UPDATE " + table.name() + " SET data = ?, expires_at = ?, principal_name = ?, version = ?"
          + " WHERE id = ? AND version = ? AND expires_at > ?", dialect.update(table), dialect.name());
    }
  }

  @Test
  void knowsTheColumnsThatTablesOfEarlierVersionsLack() {
    Table table = Table.of("sessions", Dialect.MARIADB, Table.Case.AS_IS);
    assertEquals("SELECT id, data, expires_at, principal_name, version FROM `sessions` WHERE 1 = 0",
        Dialect.MARIADB.probe(table));
    assertEquals("SELECT id, data, expires_at FROM `sessions` WHERE 1 = 0", Dialect.MARIADB.probeRequired(table));
    List<Dialect.AddedColumn> added = Dialect.MARIADB.addedColumns(table);
    assertEquals(List.of("principal_name", "version"), added.stream().map(Dialect.AddedColumn::name).toList());
    assertEquals("SELECT principal_name FROM `sessions` WHERE 1 = 0", added.get(0).probe());
    assertEquals(List.of("ALTER TABLE `sessions` ADD COLUMN principal_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE"
        + " utf8mb4_bin", "CREATE INDEX `sessions_principal_idx` ON `sessions` (principal_name)"), added.get(0).add());
    assertEquals("SELECT version FROM `sessions` WHERE 1 = 0", added.get(1).probe());
    assertEquals(List.of("ALTER TABLE `sessions` ADD COLUMN version BIGINT NOT NULL DEFAULT 0"), added.get(1).add());
  }

  @Test
  void foldsTableNamesAsTheDatabaseFoldsUnquotedOnes() {
    assertEquals("\"sessions\"", Table.of("Sessions", Dialect.POSTGRESQL, Table.Case.LOWER).name());
    assertEquals("\"SESSIONS\"", Table.of("Sessions", Dialect.H2, Table.Case.UPPER).name());
    assertEquals("`Sessions`", Table.of("Sessions", Dialect.MARIADB, Table.Case.AS_IS).name());
    assertEquals("\"user\"", Table.of("user", Dialect.POSTGRESQL, Table.Case.LOWER).name());
  }

  @Test
  void keepsIndexNamesWithinEveryDatabasesLimit() {
    String longest = "t".repeat(63);
    String index = Table.of(longest, Dialect.MARIADB, Table.Case.AS_IS).indexName();
    assertEquals("`" + "t".repeat(45) + "_expires_at_idx`", index);
    assertEquals(62, index.length());
  }

  @Test
  void refusesTableNamesThatAreNotPlainSql() {
    for (String name : List.of("", "sessions; DROP TABLE users", "a.b.c", "1sessions", "my-sessions", "\"x\"")) {
      assertThrows(IllegalArgumentException.class, () -> Table.of(name, Dialect.POSTGRESQL, Table.Case.LOWER), name);
    }
  }
}
