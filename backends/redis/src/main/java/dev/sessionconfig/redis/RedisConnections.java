package dev.sessionconfig.redis;

import dev.sessionconfig.RedisUrl;
import dev.sessionconfig.runtime.outage.StoreFailures;
import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Pooled connections to Redis that run one command per call (a second one on the same connection only when the
 * first one's error reply asks for it) and turn every failure into a {@link SessionStoreException} naming the
 * servers, never their password. Where a command goes depends on the URL: the one server; the master the sentinels
 * name now (Jedis follows their {@code +switch-master}); or, in a Redis Cluster, the master of the key's slot (the
 * slot map is read again when a node fails or answers {@code MOVED}, and every 5 s).
 *
 * <p>The pools are Jedis's own, driven directly rather than through {@code RedisClient} so that a connection
 * that fails on first use can be told apart from a server that cannot be reached (see {@link #exchange}).
 */
final class RedisConnections implements AutoCloseable {
  /** Each request holds a connection for one command only, so a few connections serve many threads. */
  static final int DEFAULT_POOL_SIZE = 32;

  private final RedisAddress address;
  /** Short, so that an outage fails the request at once instead of holding a container thread. */
  private final Duration timeout;
  private final int maxConnections;
  private final DefaultJedisClientConfig clientConfig;
  private final Nodes nodes;
  // RESP2 pinned here and in the client config: replies then have the shape these command objects expect,
  // and a new connection needs no HELLO round trip.
  private final CommandObjects commands = new CommandObjects(RedisProtocol.RESP2);

  /**
   * @param tlsOptions for {@code rediss://}: null for the JVM's default trust store (a private CA goes there, or in
   *     {@code -Djavax.net.ssl.trustStore}); tests pass options that trust their own certificate
   */
  RedisConnections(RedisAddress address, SslOptions tlsOptions, ConnectionLimits limits) {
    this.address = address;
    this.timeout = limits.timeout();
    this.maxConnections = limits.poolSize(DEFAULT_POOL_SIZE);
    this.clientConfig = clientConfig(address, tlsOptions, timeout);
    ConnectionPoolConfig pool = poolConfig(maxConnections, timeout);
    switch (address.topology()) {
      case SENTINEL:
        this.nodes = new SentinelNodes(address, clientConfig, sentinelConfig(address, tlsOptions, timeout), pool);
        break;
      case CLUSTER:
        this.nodes = new ClusterNodes(address, clientConfig, pool);
        break;
      default:
        this.nodes = new OneServer(address, clientConfig, pool);
    }
  }

  /**
   * A connection of its own to {@code node}, outside the pools, logged in like the pooled ones: for a subscription,
   * which holds its connection for as long as it listens.
   */
  Connection dedicatedConnection(HostAndPort node) {
    return new Connection(node, clientConfig);
  }

  /**
   * The masters now: the one server, the master the sentinels named last, or every master of the cluster.
   *
   * @throws SessionStoreException when the sentinels or the cluster cannot tell
   */
  List<HostAndPort> masters() {
    try {
      return nodes.masters();
    } catch (JedisException e) {
      throw StoreFailures.causedBy(e, JedisConnectionException.class) ? unreachable(e) : failed("find the masters", e);
    }
  }

  /** Something suggests the masters changed (a subscription lost its connection): look again, soon. */
  void topologyMayHaveChanged() {
    nodes.connectionLost();
  }

  RedisAddress address() {
    return address;
  }

  /** Whether a command or script may name only keys of one slot: in a Redis Cluster. */
  boolean oneSlotPerCommand() {
    return address.topology() == RedisUrl.Topology.CLUSTER;
  }

  /** How to reach the Redis servers: logged in as the URL says, on its database. */
  private static DefaultJedisClientConfig clientConfig(RedisAddress address, SslOptions tlsOptions,
      Duration timeout) {
    return connectionConfig(address, tlsOptions, timeout).user(address.user()).password(address.password())
        .database(address.database()).build();
  }

  /**
   * The sentinels are asked without a password (Sentinel's own {@code requirepass} is not supported), over TLS when
   * the servers are.
   */
  private static DefaultJedisClientConfig sentinelConfig(RedisAddress address, SslOptions tlsOptions,
      Duration timeout) {
    return connectionConfig(address, tlsOptions, timeout).build();
  }

  private static DefaultJedisClientConfig.Builder connectionConfig(RedisAddress address, SslOptions tlsOptions,
      Duration timeout) {
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis((int) timeout.toMillis())
        .socketTimeoutMillis((int) timeout.toMillis())
        .protocol(RedisProtocol.RESP2)
        // CLIENT SETINFO only labels connections, and servers before 7.2 answer it with an error.
        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (address.tls()) {
      // SslOptions verify in FULL mode by default: the certificate chain and that it was issued for this host,
      // so that a certificate stolen from another server is refused.
      config.sslOptions(tlsOptions != null ? tlsOptions : SslOptions.builder().build());
    }
    return config;
  }

  private static ConnectionPoolConfig poolConfig(int maxConnections, Duration timeout) {
    ConnectionPoolConfig config = new ConnectionPoolConfig();
    config.setMaxTotal(maxConnections);
    config.setMaxIdle(maxConnections);
    config.setMinIdle(0);
    // Waiting forever for a free connection (the default) would turn a slow Redis into hung requests.
    config.setMaxWait(timeout);
    config.setJmxEnabled(false);
    return config;
  }

  /**
   * Runs one command and returns its reply.
   *
   * @param action what the command does, for messages: {@code "read a session"}
   * @param key the key the command is about, which picks the cluster node; null for any master
   * @throws SessionStoreException when Redis cannot be reached or answers with an error
   */
  <T> T execute(String action, byte[] key, Function<CommandObjects, CommandObject<T>> command) {
    return exchange(action, key, (connection, commands) -> connection.executeCommand(command.apply(commands)));
  }

  /** Runs {@code exchange} on every master (one, but for a cluster): a health check, a setting. */
  void executeOnEachMaster(String action, Exchange<?> exchange) {
    for (HostAndPort master : masters()) {
      run(action, () -> nodes.connection(master), exchange);
    }
  }

  /** What one call does on the connection it borrowed: a command, and a second one only if the first's answer asks. */
  @FunctionalInterface
  interface Exchange<T> {
    /** Errors it does not handle itself propagate as Jedis threw them, to be explained by {@link #exchange}. */
    T run(Connection connection, CommandObjects commands);
  }

  /**
   * Runs {@code exchange} on one pooled connection and returns its result: for a command whose error reply is
   * handled (a script Redis no longer knows, a key of another type), which {@link #execute} would report.
   *
   * @param action what the exchange does, for messages: {@code "write a session"}
   * @param key the key the exchange is about (every key it names must share its cluster slot); null for any master
   * @throws SessionStoreException when Redis cannot be reached or answers with an error {@code exchange} let through
   */
  <T> T exchange(String action, byte[] key, Exchange<T> exchange) {
    return run(action, () -> nodes.connection(key), exchange);
  }

  private <T> T run(String action, java.util.function.Supplier<Connection> source, Exchange<T> exchange) {
    boolean retried = false;
    int redirects = 0;
    while (true) {
      Connection connection = borrow(action, source);
      boolean hung = false;
      try {
        return exchange.run(connection, commands);
      } catch (JedisRedirectionException e) {
        // MOVED (or ASK): a failover or resharding moved the slot; read the slot map again and follow it, twice at
        // most, so that a cluster in flux fails the request rather than holding it.
        nodes.connectionLost();
        if (++redirects > 2) {
          throw new StoreUnavailableException(prefix() + " could not " + action + ": the cluster kept moving the key"
              + " (" + reason(e) + ")", e);
        }
      } catch (JedisConnectionException e) {
        if (StoreFailures.causedBy(e, SocketTimeoutException.class)) {
          // A server that hangs: its idle connections hang too, and closing them, or asking it for the slot map,
          // would cost this request another time-out each. The sentinels' announcement, or the cluster's background
          // refresh, finds a successor.
          hung = true;
          throw unreachable(e);
        }
        nodes.connectionLost();
        if (retried) {
          throw unreachable(e);
        }
        // A pooled connection that fails at once was most likely cut while idle by a Redis restart or failover, and
        // so were the other idle ones: drop them all and try once more on a new connection, so that a restart costs
        // no request. Repeating what the store sends is harmless: reads, PING, DEL, and scripts that set values and
        // a relative TTL (applying a session's change twice leaves it as applying it once).
        retried = true;
      } catch (JedisException e) {
        throw failed(action, e);
      } finally {
        if (hung) {
          // The pool replaces a broken connection as it takes it back, by connecting to the hung server in this
          // thread: one more time-out. A thread of its own pays that instead of the request.
          BROKEN_RETURNS.execute(() -> giveBack(connection));
        } else {
          giveBack(connection);
        }
      }
    }
  }

  /**
   * Returns {@code connection} to its pool. The pool may fail to replace a broken one (the server is down): that
   * failure is the one the request already reports, or the next request's to meet.
   */
  private static void giveBack(Connection connection) {
    try {
      connection.close();
    } catch (JedisException e) {
      // see above
    }
  }

  /** Gives broken connections back to their pool away from requests; a daemon, so it never keeps a JVM alive. */
  private static final Executor BROKEN_RETURNS = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "sessionconfig-redis-broken-connections");
    thread.setDaemon(true);
    return thread;
  });

  /** A connection from the pool, connected and logged in. */
  private Connection borrow(String action, java.util.function.Supplier<Connection> source) {
    try {
      return source.get();
    } catch (JedisException e) {
      // Jedis wraps whatever went wrong in the pool (connecting, logging in, waiting) in a plain JedisException.
      if (e.getCause() instanceof NoSuchElementException) {
        throw new SessionStoreException(prefix() + " could not " + action + ": all " + maxConnections
            + " connections stayed busy for " + StoreFailures.seconds(timeout), e);
      }
      if (StoreFailures.causedBy(e, JedisConnectionException.class)) {
        nodes.connectionLost(); // a failed-over master: the sentinels or the cluster may know its successor
        throw unreachable(e);
      }
      throw failed(action, e);
    }
  }

  private SessionStoreException unreachable(JedisException e) {
    return StoreFailures.unreachable(prefix(), reason(e), e);
  }

  private SessionStoreException failed(String action, JedisException e) {
    String reason = reason(e);
    boolean loginRefused = StoreFailures.causedBy(e, JedisAccessControlException.class) || reason.startsWith("NOAUTH")
        || reason.startsWith("WRONGPASS");
    if (loginRefused) {
      return new SessionStoreException(prefix() + " refused to log in (" + reason + "): check the user and password"
          + " in SESSION_REDIS, redis://:PASSWORD@host or redis://USER:PASSWORD@host", e);
    }
    if (TRANSIENT_REPLIES.contains(reason.split(" ", 2)[0])) {
      // A master demoted, a cluster electing, a replica loading: what a failover looks like while it runs.
      nodes.connectionLost();
      return new StoreUnavailableException(prefix() + " could not " + action + " while its servers change roles ("
          + reason + ")", e);
    }
    return new SessionStoreException(prefix() + " could not " + action + ": " + reason, e);
  }

  /** The error replies of a failover under way. */
  private static final Set<String> TRANSIENT_REPLIES = Set.of("READONLY", "CLUSTERDOWN", "MASTERDOWN", "LOADING",
      "TRYAGAIN");

  private String prefix() {
    return "redis at " + (address.topology() == RedisUrl.Topology.STANDALONE ? address.hostAndPort() : address);
  }

  /** Why {@code e} happened, in a few words. */
  String reason(Throwable e) {
    return StoreFailures.reason(e, timeout);
  }

  /** {@code host:port/db}, {@code master NAME of sentinels ...}, {@code cluster of ...}: never the password. */
  @Override
  public String toString() {
    return address.toString();
  }

  @Override
  public void close() {
    nodes.close();
  }

  /** Where connections come from, by topology. Methods throw what Jedis throws, for {@link #run} to explain. */
  private interface Nodes extends AutoCloseable {
    /** A pooled connection to the master that serves {@code key} (any master for null). */
    Connection connection(byte[] key);

    /** A pooled connection to {@code master}, one of {@link #masters()}. */
    Connection connection(HostAndPort master);

    List<HostAndPort> masters();

    /** A connection failed: drop idle ones that may be cut too, and look for a new master or slot map. */
    void connectionLost();

    @Override
    void close();
  }

  /** {@code redis://}: one pool to one server. */
  private static final class OneServer implements Nodes {
    private final HostAndPort server;
    private final ConnectionPool pool;

    OneServer(RedisAddress address, DefaultJedisClientConfig config, ConnectionPoolConfig poolConfig) {
      this.server = new HostAndPort(address.connectHost(), address.port());
      this.pool = new ConnectionPool(server, config, poolConfig);
    }

    @Override
    public Connection connection(byte[] key) {
      return pool.getResource();
    }

    @Override
    public Connection connection(HostAndPort master) {
      return pool.getResource();
    }

    @Override
    public List<HostAndPort> masters() {
      return List.of(server);
    }

    @Override
    public void connectionLost() {
      pool.clear();
    }

    @Override
    public void close() {
      pool.close();
    }
  }

  /**
   * {@code redis-sentinel://}: Jedis's sentinel-aware pool, made on first use (it asks the sentinels at once, and a
   * store opens without connecting), made again on a later use should no sentinel answer then.
   */
  private static final class SentinelNodes implements Nodes {
    private final RedisAddress address;
    private final DefaultJedisClientConfig config;
    private final DefaultJedisClientConfig sentinelConfig;
    private final ConnectionPoolConfig poolConfig;
    private SentineledConnectionProvider provider;
    private boolean closed;

    SentinelNodes(RedisAddress address, DefaultJedisClientConfig config, DefaultJedisClientConfig sentinelConfig,
        ConnectionPoolConfig poolConfig) {
      this.address = address;
      this.config = config;
      this.sentinelConfig = sentinelConfig;
      this.poolConfig = poolConfig;
    }

    private synchronized SentineledConnectionProvider provider() {
      if (closed) {
        throw new JedisException("the store is closed");
      }
      if (provider == null) {
        Set<HostAndPort> sentinels = new LinkedHashSet<>();
        for (RedisUrl.Node node : address.nodes()) {
          sentinels.add(new HostAndPort(node.connectHost(), node.port()));
        }
        provider = new SentineledConnectionProvider(address.masterName(), config, poolConfig, sentinels,
            sentinelConfig);
      }
      return provider;
    }

    @Override
    public Connection connection(byte[] key) {
      return provider().getConnection();
    }

    @Override
    public Connection connection(HostAndPort master) {
      return provider().getConnection();
    }

    @Override
    public List<HostAndPort> masters() {
      return List.of(provider().getCurrentMaster());
    }

    @Override
    public void connectionLost() {
      SentineledConnectionProvider current;
      synchronized (this) {
        current = provider;
      }
      if (current != null) {
        // The provider moves to a new pool when the sentinels announce a new master; until then, drop the idle
        // connections of the old one.
        current.getConnectionMap().values().forEach(pool -> pool.clear());
      }
    }

    @Override
    public synchronized void close() {
      closed = true;
      if (provider != null) {
        provider.close();
      }
    }
  }

  /**
   * {@code redis-cluster://}: Jedis's cluster pools (one per node) and slot map, made on first use like
   * {@link SentinelNodes}; a command goes to the master of its key's slot.
   */
  private static final class ClusterNodes implements Nodes {
    /** The slot map is read again this often in the background: a master that hangs, rather than refusing, is found. */
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final int SLOTS = 16384;
    private static final long RENEWAL_SPACING_NANOS = 100_000_000;

    private final Set<HostAndPort> seeds = new LinkedHashSet<>();
    private final DefaultJedisClientConfig config;
    private final ConnectionPoolConfig poolConfig;
    private ClusterConnectionProvider provider;
    private boolean closed;
    private volatile long lastRenewal = System.nanoTime() - RENEWAL_SPACING_NANOS;

    ClusterNodes(RedisAddress address, DefaultJedisClientConfig config, ConnectionPoolConfig poolConfig) {
      this.config = config;
      this.poolConfig = poolConfig;
      for (RedisUrl.Node node : address.nodes()) {
        seeds.add(new HostAndPort(node.connectHost(), node.port()));
      }
    }

    private synchronized ClusterConnectionProvider provider() {
      if (closed) {
        throw new JedisException("the store is closed");
      }
      if (provider == null) {
        try {
          provider = new ClusterConnectionProvider(seeds, config, poolConfig, REFRESH);
        } catch (JedisClusterOperationException e) {
          // Jedis keeps each seed node's failure as a suppressed exception: when every one was out of reach, say so.
          boolean noneReached = e.getSuppressed().length > 0;
          for (Throwable seedFailure : e.getSuppressed()) {
            noneReached &= seedFailure instanceof JedisConnectionException;
          }
          throw noneReached ? new JedisConnectionException(e.getMessage(), e) : e;
        }
      }
      return provider;
    }

    @Override
    public Connection connection(byte[] key) {
      return key == null ? provider().getConnection() : provider().getConnectionFromSlot(JedisClusterCRC16.getSlot(key));
    }

    @Override
    public Connection connection(HostAndPort master) {
      return provider().getConnection(master);
    }

    @Override
    public List<HostAndPort> masters() {
      ClusterConnectionProvider current = provider();
      Set<HostAndPort> masters = new LinkedHashSet<>();
      for (int slot = 0; slot < SLOTS; slot++) {
        HostAndPort node = current.getNode(slot);
        if (node != null) {
          masters.add(node);
        }
      }
      return new ArrayList<>(masters);
    }

    @Override
    public void connectionLost() {
      ClusterConnectionProvider current;
      synchronized (this) {
        current = provider;
      }
      long now = System.nanoTime();
      // At most every 100 ms: while a master is down, each request to its slots fails, and each would ask again.
      if (current != null && now - lastRenewal > RENEWAL_SPACING_NANOS) {
        lastRenewal = now;
        try {
          current.renewSlotCache(); // one at a time: Jedis skips a renewal while another one runs
        } catch (JedisException e) {
          // no node answered: the failure being handled says so already; the next one asks again
        }
      }
    }

    @Override
    public synchronized void close() {
      closed = true;
      if (provider != null) {
        provider.close();
      }
    }
  }
}
