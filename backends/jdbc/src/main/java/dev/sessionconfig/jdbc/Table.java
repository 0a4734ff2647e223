package dev.sessionconfig.jdbc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SESSION_JDBC_TABLE ({@code table} or {@code schema.table}) as SQL: each part quoted, after folding it to the case
 * in which the database stores unquoted names. The table then is the very one {@code SELECT * FROM sessions}
 * finds, and a name that happens to be a reserved word ({@code user}, {@code order}) still works.
 */
final class Table {
  /** The rule SESSION_JDBC_TABLE is checked against: plain identifiers, which need no escaping inside quotes. */
  private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final String INDEX_SUFFIX = "_expires_at_idx";
  private static final String PRINCIPAL_INDEX_SUFFIX = "_principal_idx";
  /** Index names stay within every database's limit (MariaDB's 64, PostgreSQL's 63). */
  private static final int MAX_INDEX_NAME = 60;

  /** How the database stores unquoted identifiers ({@code DatabaseMetaData.stores*CaseIdentifiers}). */
  enum Case { UPPER, LOWER, AS_IS }

  private final String setting;
  private final Dialect dialect;
  private final String schema;
  private final String local;

  private Table(String setting, Dialect dialect, String schema, String local) {
    this.setting = setting;
    this.dialect = dialect;
    this.schema = schema;
    this.local = local;
  }

  /**
   * @throws IllegalArgumentException when {@code setting} is not a plain {@code [schema.]table} name (the loader
   *     refuses such names before a store is opened; this guards the SQL all the same)
   */
  static Table of(String setting, Dialect dialect, Case stored) {
    if (setting == null || !NAME.matcher(setting).matches()) {
      throw new IllegalArgumentException("SESSION_JDBC_TABLE must be a plain SQL name, [schema.]table, made of"
          + " letters, digits and underscores");
    }
    int dot = setting.indexOf('.');
    String schema = dot < 0 ? null : fold(setting.substring(0, dot), stored);
    return new Table(setting, dialect, schema, fold(setting.substring(dot + 1), stored));
  }

  private static String fold(String identifier, Case stored) {
    switch (stored) {
      case UPPER:
        return identifier.toUpperCase(Locale.ROOT);
      case LOWER:
        return identifier.toLowerCase(Locale.ROOT);
      default:
        return identifier;
    }
  }

  /** The table as SQL: {@code "sessions"} or {@code "app"."sessions"}. */
  String name() {
    return schema == null ? dialect.quote(local) : dialect.quote(schema) + "." + dialect.quote(local);
  }

  /** The table as SQL without its schema. */
  String localName() {
    return dialect.quote(local);
  }

  /** The index on {@code expires_at} as SQL, unqualified: {@code "sessions_expires_at_idx"}. */
  String indexName() {
    return index(INDEX_SUFFIX);
  }

  /** The index on {@code principal_name} as SQL, unqualified: {@code "sessions_principal_idx"}. */
  String principalIndexName() {
    return index(PRINCIPAL_INDEX_SUFFIX);
  }

  /** The index on {@code expires_at} in the table's schema, for databases that name an index's schema explicitly. */
  String qualifiedIndexName() {
    return qualified(indexName());
  }

  /** The index on {@code principal_name} in the table's schema. */
  String qualifiedPrincipalIndexName() {
    return qualified(principalIndexName());
  }

  private String qualified(String index) {
    return schema == null ? index : dialect.quote(schema) + "." + index;
  }

  private String index(String suffix) {
    String base = local.length() + suffix.length() > MAX_INDEX_NAME
        ? local.substring(0, MAX_INDEX_NAME - suffix.length()) : local;
    boolean upper = local.equals(local.toUpperCase(Locale.ROOT)) && !local.equals(local.toLowerCase(Locale.ROOT));
    return dialect.quote(base + (upper ? suffix.toUpperCase(Locale.ROOT) : suffix));
  }

  /** The table as configured, for messages. */
  @Override
  public String toString() {
    return setting;
  }
}
