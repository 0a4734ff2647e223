package dev.sessionconfig.jdbc;

import dev.sessionconfig.testing.MariaDbServer;
import dev.sessionconfig.testing.ServerProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store on a real MariaDB server (Debian's package), which asks for a password. */
class MariaDbSessionStoreTest extends ServerSessionStoreContract {
  /** Without URL-special characters: MariaDB Connector/J does not percent-decode a password in the URL. */
  static final String PASSWORD = "maria-Secret-82_x.y";

  @RegisterExtension
  static final MariaDbServer mariadb = MariaDbServer.create().password(PASSWORD);

  @Override
  protected ServerProcess<?> server() {
    return mariadb;
  }

  @Override
  protected String url() {
    return mariadb.jdbcUrl();
  }

  @Override
  protected String urlAt(int port) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + mariadb.database();
  }

  @Override
  protected String user() {
    return mariadb.user();
  }

  @Override
  protected String password() {
    return mariadb.password();
  }

  @Override
  protected Dialect dialect() {
    return Dialect.MARIADB;
  }

  @Override
  protected String schema() {
    return mariadb.database();
  }

  @Override
  protected String urlWithCredentials(String password) {
    return url() + "?user=" + user() + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
  }

  @Override
  protected String blobType() {
    return "LONGBLOB";
  }
}
