package dev.sessionconfig.redis;

import dev.sessionconfig.runtime.store.SessionStoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the Redis server is and how to log in, parsed from a SESSION_REDIS URL:
 * {@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://} for TLS. The same forms redis-py's
 * {@code Redis.from_url} takes, so a Flask-Session URL carries over unchanged.
 *
 * <p>Not a record, on purpose: a record's generated {@code toString()} would print the password.
 */
final class RedisAddress {
  static final int DEFAULT_PORT = 6379;
  private static final String FORM = "use redis://[[user]:password@]host[:port][/db], or rediss://... for TLS";

  private final String host;
  private final int port;
  private final int database;
  private final String user;
  private final String password;
  private final boolean tls;

  private RedisAddress(String host, int port, int database, String user, String password, boolean tls) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.tls = tls;
  }

  /**
   * Parses a SESSION_REDIS URL.
   *
   * @throws SessionStoreException when it is not one; the message never shows the URL's credentials
   */
  static RedisAddress parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid(url, "it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw invalid(url, "the scheme must be redis or rediss");
    }
    if (uri.getHost() == null) {
      throw invalid(url, "it names no host (percent-encode special characters of a password, e.g. '@' as %40)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(url, "options after '?' or '#' are not supported");
    }
    String[] credentials = credentials(url, uri.getRawUserInfo());
    return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
        database(url, uri.getPath()), credentials[0], credentials[1], scheme.equals("rediss"));
  }

  /** {@code [user, password]}, each null when absent, percent-decoded so any character can be used. */
  private static String[] credentials(String url, String rawUserInfo) {
    if (rawUserInfo == null) {
      return new String[2];
    }
    int colon = rawUserInfo.indexOf(':');
    if (colon < 0) {
      // redis-py reads "redis://name@host" as a user without a password, which people mean as a password more
      // often than not: refuse the guess rather than connect without authenticating.
      throw invalid(url, "put a colon before the password (redis://:password@host) or between user and password");
    }
    String user = decode(rawUserInfo.substring(0, colon));
    String password = decode(rawUserInfo.substring(colon + 1));
    return new String[] {user.isEmpty() ? null : user, password.isEmpty() ? null : password};
  }

  private static int database(String url, String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int database = Integer.parseInt(path.substring(1));
      if (database >= 0) {
        return database;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(url, "the path must be a database number such as /0");
  }

  private static String decode(String text) {
    // URLDecoder would turn '+' into a space; in a URL's user info '+' is itself.
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static SessionStoreException invalid(String url, String why) {
    return new SessionStoreException(
        "SESSION_REDIS '" + withoutCredentials(url) + "' cannot be used: " + why + "; " + FORM);
  }

  /** The URL with all user info hidden: a malformed URL may hold a password where no pattern expects one. */
  private static String withoutCredentials(String url) {
    return url.trim().replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", "$1****@");
  }

  /** The host name or address to connect to, IPv6 addresses without their URL brackets. */
  String connectHost() {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  int port() {
    return port;
  }

  int database() {
    return database;
  }

  /** The ACL user, or null for Redis's {@code default} user. */
  String user() {
    return user;
  }

  /** The password, or null when Redis asks for none. Never put it in a message. */
  String password() {
    return password;
  }

  boolean tls() {
    return tls;
  }

  /** {@code host:port}, how error messages name the server. */
  String hostAndPort() {
    return host + ":" + port;
  }

  /** {@code host:port/db}, plus {@code (TLS)} for rediss; never the credentials. */
  @Override
  public String toString() {
    return hostAndPort() + "/" + database + (tls ? " (TLS)" : "");
  }
}
