package dev.sessionconfig.memcached;

import dev.sessionconfig.runtime.store.SessionStoreException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One memcached server of SESSION_MEMCACHED: {@code host:port}, {@code [IPv6]:port}. The same form pylibmc and
 * pymemcache take in Flask-Session, so a Flask configuration carries over unchanged.
 */
final class MemcachedAddress {
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):([0-9]{1,5})");
  private static final String FORM = "list servers as host:port, e.g. 'cache1:11211,cache2:11211'";

  private final String host;
  private final int port;

  private MemcachedAddress(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * Parses SESSION_MEMCACHED's servers, keeping their order and dropping exact repetitions.
   *
   * @throws SessionStoreException when the list is empty or an entry is not {@code host:port}
   */
  static List<MemcachedAddress> parseAll(List<String> servers) {
    if (servers.isEmpty()) {
      throw new SessionStoreException("SESSION_MEMCACHED lists no server; " + FORM);
    }
    Set<String> seen = new LinkedHashSet<>();
    List<MemcachedAddress> addresses = new ArrayList<>();
    for (String server : servers) {
      MemcachedAddress address = parse(server);
      if (seen.add(address.hostAndPort())) {
        addresses.add(address);
      }
    }
    return List.copyOf(addresses);
  }

  static MemcachedAddress parse(String server) {
    String text = server == null ? "" : server.trim();
    Matcher matcher = HOST_PORT.matcher(text);
    if (!matcher.matches()) {
      throw new SessionStoreException("SESSION_MEMCACHED entry '" + text + "' cannot be used: it is not host:port; "
          + FORM);
    }
    int port = Integer.parseInt(matcher.group(2));
    if (port < 1 || port > 65535) {
      throw new SessionStoreException("SESSION_MEMCACHED entry '" + text + "' cannot be used: port " + port
          + " is not between 1 and 65535; " + FORM);
    }
    // Host names are case-insensitive; lower case keeps every instance's hash ring the same however they are typed.
    return new MemcachedAddress(matcher.group(1).toLowerCase(Locale.ROOT), port);
  }

  /** The host name or address to connect to, IPv6 addresses without their brackets. */
  String connectHost() {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  int port() {
    return port;
  }

  /**
   * {@code host:port} as configured: how messages name the server, and what the consistent hash places on its
   * ring, so every application instance listing the same servers (in any order) finds a session on the same one.
   */
  String hostAndPort() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return hostAndPort();
  }
}
