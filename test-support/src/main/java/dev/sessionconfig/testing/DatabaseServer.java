package dev.sessionconfig.testing;

import java.util.regex.Pattern;

/**
 * A SQL server the tests start: the database, user and password it creates on first start, and its JDBC URL.
 * The subclasses know how to run their server; this holds what they have in common.
 */
public abstract class DatabaseServer<S extends DatabaseServer<S>> extends ServerProcess<S> {
  public static final String DEFAULT_DATABASE = "sessionconfig";
  public static final String DEFAULT_USER = "sessionconfig";
  public static final String DEFAULT_PASSWORD = "sessionconfig-test-password";

  private final String jdbcScheme;
  private final Pattern identifier;
  private final String identifierRule;
  private String database = DEFAULT_DATABASE;
  private String user = DEFAULT_USER;
  private String password = DEFAULT_PASSWORD;

  /**
   * @param jdbcScheme the JDBC sub-protocol, e.g. {@code postgresql}
   * @param identifier the names this server takes unquoted, described by {@code identifierRule} in errors
   */
  protected DatabaseServer(String name, String jdbcScheme, Pattern identifier, String identifierRule) {
    super(name);
    this.jdbcScheme = jdbcScheme;
    this.identifier = identifier;
    this.identifierRule = identifierRule;
  }

  /** The database to create (default {@value #DEFAULT_DATABASE}). */
  public S database(String name) {
    this.database = identifier(name);
    return self();
  }

  /** The user to create, with every right on the database (default {@value #DEFAULT_USER}). */
  public S user(String name) {
    this.user = identifier(name);
    return self();
  }

  /** The user's password (default {@value #DEFAULT_PASSWORD}). */
  public S password(String secret) {
    if (secret == null || secret.isEmpty() || secret.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("the password must be one non-empty line");
    }
    this.password = secret;
    return self();
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** {@code jdbc:<scheme>://127.0.0.1:<port>/<database>}. */
  public String jdbcUrl() {
    return "jdbc:" + jdbcScheme + "://" + HOST + ":" + port() + "/" + database;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  private String identifier(String name) {
    if (name == null || !identifier.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier (" + identifierRule + "): " + name);
    }
    return name;
  }
}
