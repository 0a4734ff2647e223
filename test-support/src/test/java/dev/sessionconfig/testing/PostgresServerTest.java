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

class PostgresServerTest {

  @Test
  void startsWithAPasswordUserRestartsOnTheSamePortWithItsDataAndStops() throws Exception {
    Path directory;
    try (PostgresServer postgres = PostgresServer.create().start()) {
      int port = postgres.port();
      directory = postgres.directory();
      assertNotEquals(5432, port);
      assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/sessionconfig", postgres.jdbcUrl());

      // Over TCP, as a JDBC driver connects: the user's password is needed, and enough.
      assertEquals("sessionconfig|sessionconfig", tcp(postgres, postgres.password(),
          "SELECT current_user, current_database()").output().trim());
      CommandResult wrong = tcp(postgres, "wrong-password", "SELECT 1");
      assertFalse(wrong.succeeded(), wrong.toString());
      assertTrue(wrong.output().contains("password authentication failed"), wrong.output());
      // The user owns the database: it can create its table.
      tcp(postgres, postgres.password(), "CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')")
          .outputOrThrow("create");

      postgres.stop();
      assertFalse(postgres.isRunning());
      assertFalse(Ports.listening(port), "stopped, yet port " + port + " answers");

      postgres.start();
      assertEquals(port, postgres.port());
      assertEquals("kept", postgres.sql("SELECT v FROM t"));
    }
    assertFalse(Files.exists(directory), "close() deletes " + directory);
  }

  private static CommandResult tcp(PostgresServer postgres, String password, String sql) throws Exception {
    return ServerProcess.run(List.of(postgres.binDirectory().resolve("psql").toString(), "-X", "-q", "-A", "-t",
        "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String.valueOf(postgres.port()), "-U", postgres.user(),
        "-d", postgres.database(), "-c", sql), Map.of("PGPASSWORD", password), null, Duration.ofSeconds(30));
  }
}
