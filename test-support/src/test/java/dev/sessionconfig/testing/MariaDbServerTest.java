package dev.sessionconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MariaDbServerTest {

  @Test
  void startsWithAPasswordUserRestartsOnTheSamePortWithItsDataAndStops() throws Exception {
    Path directory;
    try (MariaDbServer mariadb = MariaDbServer.create().password("it's a \\ secret").start()) {
      int port = mariadb.port();
      directory = mariadb.directory();
      assertNotEquals(3306, port);
      assertEquals("jdbc:mariadb://127.0.0.1:" + port + "/sessionconfig", mariadb.jdbcUrl());

      // Over TCP, as a JDBC driver connects: the user's password is needed, and enough.
      assertEquals("sessionconfig@%\tsessionconfig", tcp(mariadb, mariadb.password(),
          "SELECT current_user(), database()").outputOrThrow("select"));
      CommandResult wrong = tcp(mariadb, "wrong-password", "SELECT 1");
      assertFalse(wrong.succeeded(), wrong.toString());
      assertTrue(wrong.output().contains("Access denied"), wrong.output());
      tcp(mariadb, mariadb.password(), "CREATE TABLE t (v VARCHAR(10)); INSERT INTO t VALUES ('kept')")
          .outputOrThrow("create");
      assertEquals("utf8mb4", mariadb.sql("SELECT @@character_set_server"));

      mariadb.stop();
      assertFalse(mariadb.isRunning());
      assertFalse(Ports.listening(port), "stopped, yet port " + port + " answers");

      mariadb.start();
      assertEquals(port, mariadb.port());
      assertEquals("kept", mariadb.sql("SELECT v FROM t"));
    }
    assertFalse(Files.exists(directory), "close() deletes " + directory);
  }

  private static CommandResult tcp(MariaDbServer mariadb, String password, String sql) throws Exception {
    CommandResult result = ServerProcess.run(List.of("mariadb", "--no-defaults", "--protocol=TCP", "--host=127.0.0.1",
        "--port=" + mariadb.port(), "--user=" + mariadb.user(), "--batch", "--skip-column-names",
        "--database=" + mariadb.database(), "--execute=" + sql), Map.of("MYSQL_PWD", password), null,
        Duration.ofSeconds(30));
    return new CommandResult(result.command(), result.exitCode(), result.output().trim());
  }
}
