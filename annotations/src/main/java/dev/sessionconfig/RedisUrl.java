package dev.sessionconfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SESSION_REDIS URL, parsed once by the rules that both the annotation processor (on a constant) and the Redis
 * store (at startup) apply, so that what compiles is exactly what connects:
 *
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:6379][/db]}, {@code rediss://} for TLS: one server;
 *   <li>{@code redis-sentinel://[[user]:password@]host[:26379][,host[:port]...][/db]#master}, {@code rediss-sentinel://}
 *       for TLS: the sentinels to ask where the master named after {@code #} is;
 *   <li>{@code redis-cluster://[[user]:password@]host[:6379][,host[:port]...]}, {@code rediss-cluster://} for TLS: some
 *       nodes of a Redis Cluster, from which the others are found; no database, Cluster has only database 0.
 * </ul>
 *
 * The user and password are those of the Redis servers (for Sentinel: the master and its replicas; the sentinels
 * are asked without a password). TLS applies to every connection, the sentinels' too.
 *
 * <p>Not a record, on purpose: a record's generated {@code toString()} would print the password.
 */
public final class RedisUrl {
  /** What a URL points at. */
  public enum Topology {
    /** One server: {@code redis://}, {@code rediss://}. */
    STANDALONE("redis", 6379),
    /** A master found through sentinels: {@code redis-sentinel://}, {@code rediss-sentinel://}. */
    SENTINEL("redis-sentinel", 26379),
    /** A Redis Cluster: {@code redis-cluster://}, {@code rediss-cluster://}. */
    CLUSTER("redis-cluster", 6379);

    private final String scheme;
    private final int defaultPort;

    Topology(String scheme, int defaultPort) {
      this.scheme = scheme;
      this.defaultPort = defaultPort;
    }

    /** The port of a host listed without one. */
    public int defaultPort() {
      return defaultPort;
    }
  }

  /**
   * A host and port of the URL.
   *
   * @param host as written, an IPv6 address in brackets
   * @param port the port, or the topology's default
   */
  public record Node(String host, int port) {
    /** The host name or address to connect to: an IPv6 address without its brackets. */
    public String connectHost() {
      return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** {@code host:port}. */
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  /** A URL that breaks the rules; {@link #violation()} says which and how to fix it, never with its password. */
  public static final class InvalidRedisUrlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient SettingRules.Violation violation;

    InvalidRedisUrlException(SettingRules.Violation violation) {
      super(violation.text());
      this.violation = violation;
    }

    public SettingRules.Violation violation() {
      return violation;
    }
  }

  /** Every form, for the fixes of messages. */
  static final String FORMS = "redis://[[user]:password@]host[:port][/db] (rediss:// for TLS),"
      + " redis-sentinel://[[user]:password@]host[:26379][,host[:port]...][/db]#masterName or"
      + " redis-cluster://[[user]:password@]host[:6379][,host[:port]...] (rediss-sentinel://, rediss-cluster:// for TLS)";

  private static final String ENCODING = "percent-encode special characters of a password (e.g. '@' as %40, '#' as"
      + " %23, '/' as %2F)";

  private final Topology topology;
  private final boolean tls;
  private final List<Node> nodes;
  private final int database;
  private final String user;
  private final String password;
  private final String masterName;

  private RedisUrl(Topology topology, boolean tls, List<Node> nodes, int database, String user, String password,
      String masterName) {
    this.topology = topology;
    this.tls = tls;
    this.nodes = nodes;
    this.database = database;
    this.user = user;
    this.password = password;
    this.masterName = masterName;
  }

  /**
   * Parses a SESSION_REDIS URL.
   *
   * @throws InvalidRedisUrlException when it is not one; its message never shows the URL's user info
   */
  public static RedisUrl parse(String value) {
    String url = value.trim();
    // Everything up to the last '@' is hidden: a malformed URL may hold a password where no pattern expects one.
    String shown = "'" + url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://).*@", "$1****@") + "'";
    int separator = url.indexOf("://");
    String scheme = separator < 0 ? "" : url.substring(0, separator).toLowerCase(Locale.ROOT);
    boolean tls = scheme.startsWith("rediss");
    Topology topology = null;
    for (Topology candidate : Topology.values()) {
      if (scheme.equals(candidate.scheme) || scheme.equals(candidate.scheme.replaceFirst("^redis", "rediss"))) {
        topology = candidate;
      }
    }
    if (topology == null) {
      throw invalid(shown + " is not a Redis URL", "write it as one of " + FORMS);
    }
    String form = form(topology);
    String rest = url.substring(separator + 3);
    int authorityEnd = indexOfAny(rest, "/?#");
    String authority = rest.substring(0, authorityEnd);
    String tail = rest.substring(authorityEnd);
    int at = authority.lastIndexOf('@');
    String rawUserInfo = at < 0 ? null : authority.substring(0, at);
    String hostList = authority.substring(at + 1);

    String fragment = null;
    int hash = tail.indexOf('#');
    if (hash >= 0) {
      fragment = tail.substring(hash + 1);
      tail = tail.substring(0, hash);
    }
    if (tail.indexOf('?') >= 0 || (fragment != null && topology != Topology.SENTINEL)) {
      throw invalid(shown + " has options after '?' or '#', which are not supported", "leave them out: " + form);
    }
    if (rawUserInfo != null) {
      checkUserInfo(shown, rawUserInfo, form);
    }
    List<Node> nodes = nodes(shown, hostList, topology, form);
    int database = database(shown, tail, topology, form);
    String masterName = null;
    if (topology == Topology.SENTINEL) {
      masterName = fragment == null ? "" : decode(fragment);
      if (masterName.isBlank() || SettingRules.containsControlOrSpace(masterName)) {
        throw invalid(shown + " names no master after '#', which the sentinels need to tell where the master is",
            "end it with the name the sentinels monitor it under, as in sentinel.conf's 'sentinel monitor NAME ...',"
                + " e.g. redis-sentinel://host1:26379,host2:26379/0#mymaster");
      }
    }
    String user = null;
    String password = null;
    if (rawUserInfo != null) {
      int colon = rawUserInfo.indexOf(':');
      user = decode(rawUserInfo.substring(0, colon));
      password = decode(rawUserInfo.substring(colon + 1));
    }
    return new RedisUrl(topology, tls, List.copyOf(nodes), database, user == null || user.isEmpty() ? null : user,
        password == null || password.isEmpty() ? null : password, masterName);
  }

  private static void checkUserInfo(String shown, String rawUserInfo, String form) {
    try {
      URI uri = new URI("redis://" + rawUserInfo + "@host");
      if (!rawUserInfo.equals(uri.getRawUserInfo())) {
        throw new URISyntaxException(rawUserInfo, "Illegal character in user info");
      }
    } catch (URISyntaxException e) {
      throw invalid(shown + " is not a valid URL (illegal character in its user info)",
          ENCODING + ", and write it as " + form);
    }
    if (rawUserInfo.indexOf(':') < 0) {
      // redis-py reads "redis://name@host" as a user without a password, which people mean as a password more
      // often than not: refuse the guess rather than connect without authenticating.
      throw invalid(shown + " has user info without a colon, so it is unclear whether it is a user or a password",
          "put a colon before the password or between user and password: " + form);
    }
  }

  private static List<Node> nodes(String shown, String hostList, Topology topology, String form) {
    if (hostList.isEmpty()) {
      throw invalid(shown + " names no host", "write it as " + form + ", and " + ENCODING);
    }
    String[] pieces = hostList.split(",", -1);
    if (pieces.length > 1 && topology == Topology.STANDALONE) {
      throw invalid(shown + " lists several hosts, but a redis:// URL names one server",
          "name one server, or use redis-sentinel://host1,host2#masterName for sentinels or"
              + " redis-cluster://host1,host2 for the nodes of a Redis Cluster");
    }
    List<Node> nodes = new ArrayList<>();
    for (String piece : pieces) {
      nodes.add(node(shown, piece.trim(), topology, form));
    }
    return nodes;
  }

  private static Node node(String shown, String piece, Topology topology, String form) {
    if (piece.isEmpty()) {
      throw invalid(shown + " has an empty entry in its list of hosts", "separate hosts by single commas, with no"
          + " comma at either end: " + form);
    }
    int hostEnd = piece.startsWith("[") ? piece.indexOf(']') + 1 : piece.indexOf(':');
    if (hostEnd <= 0) {
      hostEnd = piece.length();
    }
    String host = piece.substring(0, hostEnd);
    String portText = piece.substring(hostEnd);
    int port = topology.defaultPort;
    if (!portText.isEmpty()) {
      if (portText.charAt(0) != ':' || !isNumber(portText.substring(1), 5)
          || Integer.parseInt(portText.substring(1)) < 1 || Integer.parseInt(portText.substring(1)) > 65535) {
        throw invalid(shown + " has a port that is not a number from 1 to 65535 after host '" + host + "'",
            "write each host as host or host:port, e.g. cache:" + topology.defaultPort + ": " + form);
      }
      port = Integer.parseInt(portText.substring(1));
    }
    try {
      URI uri = new URI("redis://" + host);
      if (uri.getHost() == null || !host.equals(uri.getRawAuthority())) {
        throw new URISyntaxException(host, "not a host name");
      }
    } catch (URISyntaxException e) {
      throw invalid(shown + " names a host that is not a valid host name or address",
          "write it as " + form + ", and " + ENCODING);
    }
    return new Node(host, port);
  }

  private static int database(String shown, String path, Topology topology, String form) {
    if (path.isEmpty() || path.equals("/")) {
      return 0;
    }
    if (!isNumber(path.substring(1), 9)) {
      throw invalid(shown + " ends in a path that is not a database number",
          "end it with a database number such as /0, or with no path for database 0: " + form);
    }
    int database = Integer.parseInt(path.substring(1));
    if (database != 0 && topology == Topology.CLUSTER) {
      throw invalid(shown + " selects database " + database + ", but a Redis Cluster has only database 0",
          "leave the database out of a redis-cluster:// URL, or use SESSION_KEY_PREFIX to keep these sessions apart");
    }
    return database;
  }

  /** The form of one topology, for the fixes of messages. */
  private static String form(Topology topology) {
    switch (topology) {
      case SENTINEL:
        return "redis-sentinel://[[user]:password@]host[:26379][,host[:port]...][/db]#masterName, or"
            + " rediss-sentinel://... for TLS";
      case CLUSTER:
        return "redis-cluster://[[user]:password@]host[:6379][,host[:port]...], or rediss-cluster://... for TLS";
      default:
        return "redis://[[user]:password@]host[:port][/db], or rediss://... for TLS";
    }
  }

  private static InvalidRedisUrlException invalid(String reason, String fix) {
    return new InvalidRedisUrlException(new SettingRules.Violation(Setting.SESSION_REDIS,
        SettingRules.Severity.INVALID, reason, fix));
  }

  private static int indexOfAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static boolean isNumber(String text, int maxDigits) {
    if (text.isEmpty() || text.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String decode(String text) {
    // URLDecoder would turn '+' into a space; in a URL's user info '+' is itself.
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public Topology topology() {
    return topology;
  }

  /** Whether every connection, the sentinels' too, speaks TLS ({@code rediss...://}). */
  public boolean tls() {
    return tls;
  }

  /** The server; the sentinels; or the cluster nodes to start from. Never empty. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The database number; always 0 for a cluster. */
  public int database() {
    return database;
  }

  /** The ACL user, or null for Redis's {@code default} user. */
  public String user() {
    return user;
  }

  /** The password, or null when Redis asks for none. Never put it in a message. */
  public String password() {
    return password;
  }

  /** The name the sentinels know the master by; null unless {@link Topology#SENTINEL}. */
  public String masterName() {
    return masterName;
  }

  /**
   * What the URL points at, for messages, never with credentials: {@code cache:6379/0 (TLS)},
   * {@code master mymaster of sentinels s1:26379,s2:26379, db 0}, {@code cluster of n1:6379,n2:6379}.
   */
  @Override
  public String toString() {
    String nodeList = nodes.toString().replace(" ", "");
    nodeList = nodeList.substring(1, nodeList.length() - 1);
    String described;
    switch (topology) {
      case SENTINEL:
        described = "master " + masterName + " of sentinels " + nodeList + "/" + database;
        break;
      case CLUSTER:
        described = "cluster of " + nodeList;
        break;
      default:
        described = nodeList + "/" + database;
    }
    return described + (tls ? " (TLS)" : "");
  }
}
