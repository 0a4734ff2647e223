package dev.sessionconfig.redis;

import dev.sessionconfig.Setting;
import dev.sessionconfig.RedisUrl;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.util.List;

/**
 * Where the Redis servers are and how to log in, from a SESSION_REDIS URL parsed by {@link RedisUrl}, the rules the
 * annotation processor checks constants with: {@code redis://[[user]:password@]host[:port][/db]} ({@code rediss://}
 * for TLS), the forms redis-py's {@code Redis.from_url} takes, so a Flask-Session URL carries over unchanged; and
 * {@code redis-sentinel://} and {@code redis-cluster://} for a master watched by sentinels or a Redis Cluster.
 *
 * <p>Not a record, on purpose: a record's generated {@code toString()} would print the password.
 */
final class RedisAddress {
  private final RedisUrl url;

  private RedisAddress(RedisUrl url) {
    this.url = url;
  }

  /**
   * Parses a SESSION_REDIS URL.
   *
   * @throws SessionStoreException when it is not one (by the setting's own rules, which the loader applied
   *     already); the message never shows the URL's credentials
   */
  static RedisAddress parse(String url) {
    try {
      return new RedisAddress(RedisUrl.parse(url));
    } catch (RedisUrl.InvalidRedisUrlException e) {
      throw new SessionStoreException(Setting.SESSION_REDIS + ": " + e.getMessage());
    }
  }

  RedisUrl.Topology topology() {
    return url.topology();
  }

  /** The server; the sentinels; or the cluster nodes to start from. */
  List<RedisUrl.Node> nodes() {
    return url.nodes();
  }

  /** The host name or address of the first node, IPv6 addresses without their URL brackets. */
  String connectHost() {
    return url.nodes().get(0).connectHost();
  }

  int port() {
    return url.nodes().get(0).port();
  }

  int database() {
    return url.database();
  }

  /** The ACL user, or null for Redis's {@code default} user. */
  String user() {
    return url.user();
  }

  /** The password, or null when Redis asks for none. Never put it in a message. */
  String password() {
    return url.password();
  }

  boolean tls() {
    return url.tls();
  }

  /** The name the sentinels know the master by; null unless Sentinel. */
  String masterName() {
    return url.masterName();
  }

  /** {@code host:port} of the first node, how error messages name a single server. */
  String hostAndPort() {
    return url.nodes().get(0).toString();
  }

  /**
   * {@code host:port/db}, plus {@code (TLS)} for rediss; {@code master NAME of sentinels h1:p1,h2:p2/db};
   * {@code cluster of h1:p1,h2:p2}: never the credentials.
   */
  @Override
  public String toString() {
    return url.toString();
  }
}
