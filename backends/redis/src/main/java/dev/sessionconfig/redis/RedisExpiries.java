package dev.sessionconfig.redis;

import dev.sessionconfig.runtime.store.ExpiryListener;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Connection;
import redis.clients.jedis.params.SetParams;

/**
 * Reports sessions that Redis expires, through its keyspace notifications ({@code notify-keyspace-events} with
 * {@code E} and {@code x}, turned on at startup when the server allows {@code CONFIG SET}). Every instance
 * subscribed hears each expiry; the one whose {@code SET ... NX} claims it first reports it. Redis drops the
 * data when the key expires, so the session is reported without its attributes. A subscription lost with the
 * connection is made again, after a pause; expiries while no instance listened are not reported.
 */
final class RedisExpiries implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.store");
  /** How long a claim is kept: far longer than any two instances take to hear one notification. */
  private static final long CLAIM_MILLIS = 60_000;

  private final RedisConnections redis;
  private final String keyPrefix;
  private final ExpiryListener listener;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection connection;
  private volatile Subscription subscription;

  private RedisExpiries(RedisConnections redis, String keyPrefix, ExpiryListener listener) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.listener = listener;
    this.thread = new Thread(this::listen, "sessionconfig-redis-expiries");
    thread.setDaemon(true); // never keeps an application from exiting
  }

  /**
   * Turns the notifications on if needed and starts listening.
   *
   * @return empty when the server refuses to turn them on (a managed Redis often does: set
   *     {@code notify-keyspace-events Ex} in its configuration), after saying so in the log
   */
  static Optional<RedisExpiries> start(RedisConnections redis, String keyPrefix, ExpiryListener listener) {
    try {
      Map<String, String> current = redis.execute("read notify-keyspace-events",
          commands -> commands.configGet("notify-keyspace-events"));
      String flags = current.getOrDefault("notify-keyspace-events", "");
      if (!hasExpiredEvents(flags)) {
        redis.execute("turn on keyspace notifications", commands -> commands.configSet("notify-keyspace-events",
            flags + "Ex"));
      }
    } catch (SessionStoreException e) {
      LOG.log(System.Logger.Level.WARNING, "redis at " + redis + " does not send keyspace notifications and"
          + " cannot be told to (" + e.getMessage() + "): sessions that expire are not reported to"
          + " HttpSessionListener.sessionDestroyed; set notify-keyspace-events Ex in the server's configuration");
      return Optional.empty();
    }
    RedisExpiries expiries = new RedisExpiries(redis, keyPrefix, listener);
    expiries.thread.start();
    return Optional.of(expiries);
  }

  /** Whether the flags send expired events of the keyevent channel: E, and x or the alias A. */
  static boolean hasExpiredEvents(String flags) {
    return flags.indexOf('E') >= 0 && (flags.indexOf('x') >= 0 || flags.indexOf('A') >= 0);
  }

  private void listen() {
    byte[] channel = ("__keyevent@" + redis.address().database() + "__:expired").getBytes(StandardCharsets.UTF_8);
    long pause = 1_000;
    while (!closed) {
      try (Connection subscribed = redis.dedicatedConnection()) {
        connection = subscribed;
        Subscription current = new Subscription();
        subscription = current;
        current.proceed(subscribed, channel); // returns when unsubscribed, throws when the connection is lost
        pause = 1_000;
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.WARNING, "redis at " + redis + ": listening for expired sessions failed ("
              + redis.reason(e) + "); trying again in " + pause / 1000 + " s");
        }
      }
      sleep(pause);
      pause = Math.min(pause * 2, 30_000);
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
    try {
      String claimed = redis.execute("claim an expired session", commands ->
          commands.set(keyPrefix + "expired:" + id, "1", SetParams.setParams().nx().px(CLAIM_MILLIS)));
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
    Subscription current = subscription;
    if (current != null && current.isSubscribed()) {
      try {
        current.unsubscribe();
      } catch (RuntimeException ignored) {
        // the connection is going anyway
      }
    }
    Connection open = connection;
    if (open != null) {
      open.close();
    }
    thread.interrupt();
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  private final class Subscription extends BinaryJedisPubSub {
    @Override
    public void onMessage(byte[] channel, byte[] message) {
      expired(message);
    }
  }

  @Override
  public String toString() {
    return "expiries of redis at " + redis + " (" + keyPrefix.toLowerCase(Locale.ROOT) + ")";
  }
}
