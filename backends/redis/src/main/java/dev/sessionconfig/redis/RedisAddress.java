package dev.sessionconfig.redis;

import dev.sessionconfig.Setting;
import dev.sessionconfig.SettingRules;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the Redis server is and how to log in, parsed from a SESSION_REDIS URL:
 * {@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://} for TLS. The same forms redis-py's
 * {@code Redis.from_url} takes, so a Flask-Session URL carries over unchanged.
 *
 * <p>Not a record, on purpose: a record's generated {@code toString()} would print the password.
 */
final class RedisAddress {
  static final int DEFAULT_PORT = 6379;

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
   * @throws SessionStoreException when it is not one (by the setting's own rules, which the loader applied
   *     already); the message never shows the URL's credentials
   */
  static RedisAddress parse(String url) {
    Optional<SettingRules.Violation> violation = SettingRules.check(Setting.SESSION_REDIS, url);
    if (violation.isPresent()) {
      throw new SessionStoreException(Setting.SESSION_REDIS + ": " + violation.get().text());
    }
    URI uri = URI.create(url.trim());
    String path = uri.getPath();
    int database = path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
    String[] credentials = credentials(uri.getRawUserInfo());
    return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database,
        credentials[0], credentials[1], uri.getScheme().equalsIgnoreCase("rediss"));
  }

  /** {@code [user, password]}, each null when absent, percent-decoded so any character can be used. */
  private static String[] credentials(String rawUserInfo) {
    if (rawUserInfo == null) {
      return new String[2];
    }
    int colon = rawUserInfo.indexOf(':');
    String user = decode(rawUserInfo.substring(0, colon));
    String password = decode(rawUserInfo.substring(colon + 1));
    return new String[] {user.isEmpty() ? null : user, password.isEmpty() ? null : password};
  }

  private static String decode(String text) {
    // URLDecoder would turn '+' into a space; in a URL's user info '+' is itself.
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
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
