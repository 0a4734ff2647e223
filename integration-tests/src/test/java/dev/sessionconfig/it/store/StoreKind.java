package dev.sessionconfig.it.store;

/** The session stores the suite runs against. */
public enum StoreKind {
  FILESYSTEM("filesystem", "filesystem"),
  REDIS("redis", "Redis"),
  MEMCACHED("memcached", "memcached"),
  /** The JDBC store on a real PostgreSQL server. */
  POSTGRESQL("jdbc", "JDBC on PostgreSQL"),
  /** The JDBC store on an embedded H2 database (in-process, file-based): the no-server case. */
  H2("jdbc", "JDBC on H2"),
  /** The JDBC store on a real MariaDB server. */
  MARIADB("jdbc", "JDBC on MariaDB"),
  /** The JDBC store on a SQLite database file: the other no-server case. */
  SQLITE("jdbc", "JDBC on SQLite");

  private final String configName;
  private final String displayName;

  StoreKind(String configName, String displayName) {
    this.configName = configName;
    this.displayName = displayName;
  }

  /** The SESSION_TYPE value that selects it. */
  public String configName() {
    return configName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
