package dev.sessionconfig.redis;

import dev.sessionconfig.runtime.store.SessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.params.SetParams;

/**
 * Sessions in Redis: one string key per session, {@code keyPrefix + id}, holding the session's bytes, with a
 * TTL so that Redis itself drops idle sessions. Every operation is one command on a pooled connection, so a
 * request that only reads its session costs one round trip and one that changes it two (a new connection logs in
 * and selects its database once, when the pool opens it).
 *
 * <p>Messages never contain a session id: it is a bearer credential, like the password.
 */
final class RedisSessionStore implements SessionStore {
  private final RedisConnections redis;
  private final String keyPrefix;

  private RedisSessionStore(RedisConnections redis, String keyPrefix) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
  }

  /**
   * Opens a store on the server at {@code url} without connecting yet.
   *
   * @param tlsOptions for {@code rediss://}: null to verify the server against the JVM's default trust store
   * @throws dev.sessionconfig.runtime.store.SessionStoreException when {@code url} is no Redis URL
   */
  static RedisSessionStore open(String url, String keyPrefix, SslOptions tlsOptions) {
    return new RedisSessionStore(new RedisConnections(RedisAddress.parse(url), tlsOptions), keyPrefix);
  }

  @Override
  public Optional<byte[]> read(String id) {
    return Optional.ofNullable(redis.execute("read a session", commands -> commands.get(key(id))));
  }

  @Override
  public void write(String id, byte[] data, Instant expiresAt) {
    long ttlMillis = Duration.between(Instant.now(), expiresAt).toMillis();
    if (ttlMillis <= 0) {
      // Redis refuses a TTL that is not positive; an entry already expired is one that must not be found.
      delete(id);
      return;
    }
    // PX (relative) rather than PXAT (absolute): the expiry then follows this application's clock, whatever the
    // Redis host's clock says, and Redis versions before 6.2 understand it too.
    redis.execute("write a session", commands -> commands.set(key(id), data, SetParams.setParams().px(ttlMillis)));
  }

  @Override
  public void delete(String id) {
    redis.execute("delete a session", commands -> commands.del(key(id)));
  }

  @Override
  public void checkAvailable() {
    redis.execute("answer PING", commands -> commands.ping());
  }

  @Override
  public String description() {
    return "redis at " + redis;
  }

  @Override
  public void close() {
    redis.close();
  }

  private byte[] key(String id) {
    return (keyPrefix + id).getBytes(StandardCharsets.UTF_8);
  }
}
