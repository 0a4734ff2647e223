package dev.sessionconfig.jdbc;

/** The store on an in-process H2 database (in memory, kept for the JVM's life), with a user and a password. */
class H2SessionStoreTest extends JdbcSessionStoreContract {
  private static final String URL = "jdbc:h2:mem:sessions_test;DB_CLOSE_DELAY=-1";
  private static final String USER = "app";
  /** H2 gives the database's first user the password of the first connection. */
  static final String PASSWORD = "h2-Secret-p4ssw0rd";

  @Override
  protected String url() {
    return URL;
  }

  @Override
  protected String user() {
    return USER;
  }

  @Override
  protected String password() {
    return PASSWORD;
  }

  @Override
  protected Dialect dialect() {
    return Dialect.H2;
  }

  @Override
  protected String schema() {
    return "PUBLIC";
  }

  @Override
  protected String urlWithCredentials(String password) {
    return URL + ";USER=" + USER + ";PASSWORD=" + password;
  }

  @Override
  protected String blobType() {
    return "VARBINARY(1000)";
  }
}
