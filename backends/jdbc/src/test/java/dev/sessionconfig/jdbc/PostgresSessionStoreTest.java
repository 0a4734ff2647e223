package dev.sessionconfig.jdbc;

import dev.sessionconfig.testing.PostgresServer;
import dev.sessionconfig.testing.ServerProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store on a real PostgreSQL server (Debian's package), which asks for a password over TCP. */
class PostgresSessionStoreTest extends ServerSessionStoreContract {
  static final String PASSWORD = "pg-Secret-71;x&y";

  @RegisterExtension
  static final PostgresServer postgres = PostgresServer.create().password(PASSWORD);

  @Override
  protected ServerProcess<?> server() {
    return postgres;
  }

  @Override
  protected String url() {
    return postgres.jdbcUrl();
  }

  @Override
  protected String urlAt(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + postgres.database();
  }

  @Override
  protected String user() {
    return postgres.user();
  }

  @Override
  protected String password() {
    return postgres.password();
  }

  @Override
  protected Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  protected String schema() {
    return "public";
  }

  @Override
  protected String urlWithCredentials(String password) {
    return url() + "?user=" + user() + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
  }

  @Override
  protected String blobType() {
    return "BYTEA";
  }
}
