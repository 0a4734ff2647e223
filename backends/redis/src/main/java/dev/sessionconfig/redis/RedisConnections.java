package dev.sessionconfig.redis;

import dev.sessionconfig.runtime.outage.StoreFailures;
import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.NoSuchElementException;
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
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A pool of connections to one Redis server that runs one command per call (a second one on the same connection
 * only when the first one's error reply asks for it) and turns every failure into a {@link SessionStoreException}
 * naming the server, never its password.
 *
 * <p>The pool is Jedis's own, driven directly rather than through {@code RedisClient} so that a connection
 * that fails on first use can be told apart from a server that cannot be reached (see {@link #execute}).
 */
final class RedisConnections implements AutoCloseable {
  /** Each request holds a connection for one command only, so a few connections serve many threads. */
  static final int DEFAULT_POOL_SIZE = 32;

  private final RedisAddress address;
  /** Short, so that an outage fails the request at once instead of holding a container thread. */
  private final Duration timeout;
  private final int maxConnections;
  private final DefaultJedisClientConfig clientConfig;
  private final ConnectionPool pool;
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
    this.pool = new ConnectionPool(new HostAndPort(address.connectHost(), address.port()), clientConfig,
        poolConfig(maxConnections, timeout));
  }

  /**
   * A connection of its own, outside the pool, logged in like the pooled ones: for a subscription, which holds its
   * connection for as long as it listens.
   */
  Connection dedicatedConnection() {
    return new Connection(new HostAndPort(address.connectHost(), address.port()), clientConfig);
  }

  RedisAddress address() {
    return address;
  }

  private static DefaultJedisClientConfig clientConfig(RedisAddress address, SslOptions tlsOptions,
      Duration timeout) {
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis((int) timeout.toMillis())
        .socketTimeoutMillis((int) timeout.toMillis())
        .protocol(RedisProtocol.RESP2)
        .user(address.user())
        .password(address.password())
        .database(address.database())
        // CLIENT SETINFO only labels connections, and servers before 7.2 answer it with an error.
        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (address.tls()) {
      // SslOptions verify in FULL mode by default: the certificate chain and that it was issued for this host,
      // so that a certificate stolen from another server is refused.
      config.sslOptions(tlsOptions != null ? tlsOptions : SslOptions.builder().build());
    }
    return config.build();
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
   * @throws SessionStoreException when Redis cannot be reached or answers with an error
   */
  <T> T execute(String action, Function<CommandObjects, CommandObject<T>> command) {
    return exchange(action, (connection, commands) -> connection.executeCommand(command.apply(commands)));
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
   * @throws SessionStoreException when Redis cannot be reached or answers with an error {@code exchange} let through
   */
  <T> T exchange(String action, Exchange<T> exchange) {
    boolean retried = false;
    while (true) {
      Connection connection = borrow(action);
      try (connection) {
        return exchange.run(connection, commands);
      } catch (JedisConnectionException e) {
        if (retried || StoreFailures.causedBy(e, SocketTimeoutException.class)) {
          throw unreachable(e);
        }
        // A pooled connection that fails at once was most likely cut while idle by a Redis restart, and so were
        // the other idle ones: drop them all and try once more on a new connection, so that a restart costs no
        // request. Repeating what the store sends is harmless: reads, PING, DEL, and scripts that set values and
        // a relative TTL (applying a session's change twice leaves it as applying it once).
        pool.clear();
        retried = true;
      } catch (JedisException e) {
        throw failed(action, e);
      }
    }
  }

  /** A connection from the pool, connected and logged in. */
  private Connection borrow(String action) {
    try {
      return pool.getResource();
    } catch (JedisException e) {
      // Jedis wraps whatever went wrong in the pool (connecting, logging in, waiting) in a plain JedisException.
      if (e.getCause() instanceof NoSuchElementException) {
        throw new SessionStoreException(prefix() + " could not " + action + ": all " + maxConnections
            + " connections stayed busy for " + StoreFailures.seconds(timeout), e);
      }
      throw StoreFailures.causedBy(e, JedisConnectionException.class) ? unreachable(e) : failed(action, e);
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
    return new SessionStoreException(prefix() + " could not " + action + ": " + reason, e);
  }

  private String prefix() {
    return "redis at " + address.hostAndPort();
  }

  /** Why {@code e} happened, in a few words. */
  String reason(Throwable e) {
    return StoreFailures.reason(e, timeout);
  }

  /** {@code host:port/db}, never the password. */
  @Override
  public String toString() {
    return address.toString();
  }

  @Override
  public void close() {
    pool.close();
  }
}
