package dev.sessionconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

  @AfterEach
  void clear() {
    System.clearProperty("memcached");
    System.clearProperty("postgres.bin.dir");
  }

  @Test
  void aMissingBinarySaysHowToGetIt() {
    ServerNotInstalledException e = new ServerNotInstalledException("memcached", "memcached", "MEMCACHED");
    assertEquals("memcached is not installed: run ./test.sh, which installs it from Debian's packages (apt-get"
        + " install memcached), or set MEMCACHED to its path (an environment variable, or the system property"
        + " memcached)", e.getMessage());
  }

  @Test
  void aConfiguredBinaryThatIsNotThereIsNamedAndNothingIsLeftBehind() {
    System.setProperty("memcached", "/nonexistent/memcached");
    MemcachedServer memcached = MemcachedServer.create();
    IllegalStateException e = assertThrows(IllegalStateException.class, memcached::start);
    assertEquals("the system property memcached is /nonexistent/memcached, which is no executable memcached",
        e.getMessage());
    assertNull(memcached.directory());
    assertEquals(0, memcached.port());
  }

  @Test
  void aServerThatExitsAtStartIsReportedWithItsLog() {
    System.setProperty("memcached", "/bin/false");
    try (MemcachedServer memcached = MemcachedServer.create()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, memcached::start);
      assertTrue(e.getMessage().startsWith("memcached exited at start with code 1 (/bin/false -l 127.0.0.1 -p "),
          e.getMessage());
    }
  }

  @Test
  void systemPropertiesAreTheVariablesLowerCaseDotted() {
    assertEquals("postgres.bin.dir", ServerProcess.propertyName("POSTGRES_BIN_DIR"));
    assertEquals("redis.server", ServerProcess.propertyName("REDIS_SERVER"));
  }

  @Test
  void aConfiguredPostgresDirectoryWithoutPostgresIsNamed(@TempDir Path empty) {
    System.setProperty("postgres.bin.dir", empty.toString());
    try (PostgresServer postgres = PostgresServer.create()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, postgres::start);
      assertEquals("the system property postgres.bin.dir is " + empty + ", which holds no executable postgres,"
          + " initdb, pg_isready and psql", e.getMessage());
      assertNull(postgres.directory());
    }
  }
}
