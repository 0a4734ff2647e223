package dev.sessionconfig.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store on an SQLite database file, which has no users or passwords. */
class SqliteSessionStoreTest extends JdbcSessionStoreContract {
  private static final Path FILE;

  static {
    try {
      Path directory = Files.createTempDirectory("sqlite-sessions");
      directory.toFile().deleteOnExit();
      FILE = directory.resolve("sessions.db");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected String url() {
    return "jdbc:sqlite:" + FILE;
  }

  @Override
  protected String user() {
    return null;
  }

  @Override
  protected String password() {
    return null;
  }

  @Override
  protected Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Override
  protected String schema() {
    return "main";
  }

  @Override
  protected String urlWithCredentials(String password) {
    return null;
  }

  @Override
  protected String blobType() {
    return "BLOB";
  }
}
