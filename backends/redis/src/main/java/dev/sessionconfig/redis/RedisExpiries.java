package dev.sessionconfig.redis;

import dev.sessionconfig.runtime.store.ExpiryListener;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * Reports sessions that Redis expires, through its keyspace notifications ({@code notify-keyspace-events} with
 * {@code E} and {@code x}, turned on when the server allows {@code CONFIG SET}). Every instance subscribed hears
 * each expiry; the one whose {@code SET ... NX} claims it first reports it. Redis drops the data when the key
 * expires, so the session is reported without its attributes.
 *
 * <p>Only a master expires keys, and each one tells only its own subscribers: one subscription per master, on the
 * server, on the master the sentinels name, or on every master of a cluster. Every second the masters are looked up
 * again: a master that is no longer one is left, a new one (after a failover) is subscribed to, its notifications
 * turned on first (a promoted replica may not have them). A subscription lost with its connection is made again
 * on the next look. Expiries while no instance listened to a master (during a failover, say) are not reported.
 */
final class RedisExpiries implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.store");
  /** How long a claim is kept: far longer than any two instances take to hear one notification. */
  private static final long CLAIM_MILLIS = 60_000;
  /** How often the masters are looked up, and a lost subscription made again. */
  private static final long LOOK_MILLIS = 1_000;
  private static final CommandObjects COMMANDS = new CommandObjects(RedisProtocol.RESP2);

  private final RedisConnections redis;
  private final String keyPrefix;
  private final ExpiryListener listener;
  private final byte[] channel;
  private final Thread supervisor;
  private final Map<HostAndPort, Subscription> subscriptions = new ConcurrentHashMap<>();
  /** Masters whose last subscription failed, so that a master that stays down is logged once. */
  private final Set<HostAndPort> failing = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private RedisExpiries(RedisConnections redis, String keyPrefix, ExpiryListener listener) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.listener = listener;
    this.channel = ("__keyevent@" + redis.address().database() + "__:expired").getBytes(StandardCharsets.UTF_8);
    this.supervisor = new Thread(this::supervise, "sessionconfig-redis-expiries");
    supervisor.setDaemon(true); // never keeps an application from exiting
  }

  /**
   * Turns the notifications on if needed and starts listening.
   *
   * @return empty when a master refuses to turn them on (a managed Redis often does: set
   *     {@code notify-keyspace-events Ex} in its configuration), after saying so in the log
   */
  static Optional<RedisExpiries> start(RedisConnections redis, String keyPrefix, ExpiryListener listener) {
    try {
      redis.executeOnEachMaster("turn on keyspace notifications", RedisExpiries::turnOnNotifications);
    } catch (SessionStoreException e) {
      LOG.log(System.Logger.Level.WARNING, "redis at " + redis + " does not send keyspace notifications and"
          + " cannot be told to (" + e.getMessage() + "): sessions that expire are not reported to"
          + " HttpSessionListener.sessionDestroyed; set notify-keyspace-events Ex in the server's configuration");
      return Optional.empty();
    }
    RedisExpiries expiries = new RedisExpiries(redis, keyPrefix, listener);
    expiries.supervisor.start();
    return Optional.of(expiries);
  }

  /** Reads {@code notify-keyspace-events} and adds {@code Ex} when expired events are not sent yet. */
  private static Object turnOnNotifications(Connection connection, CommandObjects commands) {
    Map<String, String> current = connection.executeCommand(commands.configGet("notify-keyspace-events"));
    String flags = current.getOrDefault("notify-keyspace-events", "");
    return hasExpiredEvents(flags) ? flags
        : connection.executeCommand(commands.configSet("notify-keyspace-events", flags + "Ex"));
  }

  /** Whether the flags send expired events of the keyevent channel: E, and x or the alias A. */
  static boolean hasExpiredEvents(String flags) {
    return flags.indexOf('E') >= 0 && (flags.indexOf('x') >= 0 || flags.indexOf('A') >= 0);
  }

  private void supervise() {
    while (!closed) {
      try {
        Set<HostAndPort> masters = new HashSet<>(redis.masters());
        subscriptions.forEach((node, subscription) -> {
          if (!masters.contains(node) || !subscription.thread.isAlive()) {
            subscription.close(); // a demoted master expires nothing: listen to its successor instead
            subscriptions.remove(node, subscription);
          }
        });
        for (HostAndPort master : masters) {
          subscriptions.computeIfAbsent(master, Subscription::new);
        }
      } catch (SessionStoreException e) {
        // no master known now: the subscriptions that fail say so, and the next look tries again
      }
      sleep(LOOK_MILLIS);
    }
    subscriptions.values().forEach(Subscription::close);
  }

  /** One master's subscription, on a connection and thread of its own. */
  private final class Subscription extends BinaryJedisPubSub {
    private final HostAndPort node;
    private final Thread thread;
    private volatile Connection connection;

    Subscription(HostAndPort node) {
      this.node = node;
      this.thread = new Thread(this::listen, "sessionconfig-redis-expiries " + node);
      thread.setDaemon(true);
      thread.start();
    }

    private void listen() {
      try (Connection subscribed = redis.dedicatedConnection(node)) {
        connection = subscribed;
        try {
          turnOnNotifications(subscribed, COMMANDS);
        } catch (JedisDataException e) {
          // CONFIG refused here (the flags may be in this master's configuration): listen all the same
        }
        if (failing.remove(node)) {
          LOG.log(System.Logger.Level.INFO, "redis at " + redis + ": listening for expired sessions on " + node
              + " again");
        }
        proceed(subscribed, channel); // returns when unsubscribed, throws when the connection is lost
      } catch (RuntimeException e) {
        if (!closed && failing.add(node)) {
          LOG.log(System.Logger.Level.WARNING, "redis at " + redis + ": listening for expired sessions on " + node
              + " failed (" + redis.reason(e) + "); trying again every " + LOOK_MILLIS / 1000 + " s");
        }
        redis.topologyMayHaveChanged(); // the master may have failed over
      }
    }

    @Override
    public void onMessage(byte[] channel, byte[] message) {
      expired(message);
    }

    void close() {
      if (isSubscribed()) {
        try {
          unsubscribe();
        } catch (RuntimeException ignored) {
          // the connection is going anyway
        }
      }
      Connection open = connection;
      if (open != null) {
        open.close();
      }
    }
  }

  private void expired(byte[] key) {
    String name = new String(key, StandardCharsets.UTF_8);
    if (!name.startsWith(keyPrefix)) {
      return;
    }
    String id = name.substring(keyPrefix.length());
    if (id.isEmpty() || id.indexOf(':') >= 0) {
      return; // an index or a claim of this store, not a session
    }
    byte[] claim = (keyPrefix + "expired:" + id).getBytes(StandardCharsets.UTF_8);
    try {
      String claimed = redis.execute("claim an expired session", claim, commands ->
          commands.set(claim, "1".getBytes(StandardCharsets.UTF_8), SetParams.setParams().nx().px(CLAIM_MILLIS)));
      if ("OK".equals(claimed)) {
        listener.expired(id, Optional.empty());
      }
    } catch (SessionStoreException e) {
      LOG.log(System.Logger.Level.WARNING, "redis at " + redis + ": an expired session could not be claimed for"
          + " its listeners: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    closed = true;
    supervisor.interrupt();
    subscriptions.values().forEach(Subscription::close);
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public String toString() {
    return "expiries of redis at " + redis + " (" + keyPrefix.toLowerCase(Locale.ROOT) + ")";
  }
}
