package dev.sessionconfig.redis;

import dev.sessionconfig.runtime.store.ExpiryListener;
import dev.sessionconfig.runtime.store.PrincipalIndex;
import dev.sessionconfig.runtime.store.SessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  /** Writes a session and indexes it under its user, keeping the index at least as long as the session. */
  private static final String WRITE_INDEXED = "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])\n"
      + "redis.call('SADD', KEYS[2], ARGV[3])\n"
      + "if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end\n"
      + "return 1";
  private static final String DELETE_INDEXED = "redis.call('DEL', KEYS[1])\n"
      + "redis.call('SREM', KEYS[2], ARGV[1])\n"
      + "return 1";
  /** A user's live sessions as id, record, id, record...; ids whose session is gone leave the index. */
  private static final String FIND = "local out = {}\n"
      + "for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do\n"
      + "  local data = redis.call('GET', ARGV[1] .. id)\n"
      + "  if data then table.insert(out, id); table.insert(out, data) else redis.call('SREM', KEYS[1], id) end\n"
      + "end\n"
      + "return out";

  private final RedisConnections redis;
  private final String keyPrefix;
  private volatile RedisExpiries expiries;

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

  /** The write and the index in one round trip: a script, so the two cannot part. */
  @Override
  public void write(String id, byte[] data, Instant expiresAt, String principal) {
    if (principal == null) {
      write(id, data, expiresAt);
      return;
    }
    long ttlMillis = Duration.between(Instant.now(), expiresAt).toMillis();
    if (ttlMillis <= 0) {
      delete(id, principal);
      return;
    }
    redis.execute("write a session", commands -> commands.eval(utf8(WRITE_INDEXED),
        List.of(key(id), indexKey(principal)), List.of(data, utf8(Long.toString(ttlMillis)), utf8(id))));
  }

  @Override
  public void delete(String id) {
    redis.execute("delete a session", commands -> commands.del(key(id)));
  }

  @Override
  public void delete(String id, String principal) {
    if (principal == null) {
      delete(id);
      return;
    }
    redis.execute("delete a session", commands -> commands.eval(utf8(DELETE_INDEXED),
        List.of(key(id), indexKey(principal)), List.of(utf8(id))));
  }

  /** A set of ids per user, {@code keyPrefix + "index:" + name}, read with its sessions in one script. */
  @Override
  public Optional<PrincipalIndex> principalIndex() {
    return Optional.of(principal -> {
      Object reply = redis.execute("list the sessions of a user", commands -> commands.eval(utf8(FIND),
          List.of(indexKey(principal)), List.of(utf8(keyPrefix))));
      Map<String, byte[]> found = new LinkedHashMap<>();
      List<?> items = (List<?>) reply;
      for (int i = 0; i + 1 < items.size(); i += 2) {
        found.put(new String((byte[]) items.get(i), StandardCharsets.UTF_8), (byte[]) items.get(i + 1));
      }
      return found;
    });
  }

  @Override
  public Optional<String> reportExpiries(ExpiryListener listener) {
    expiries = RedisExpiries.start(redis, keyPrefix, listener).orElse(null);
    return expiries == null ? Optional.empty()
        : Optional.of("sessions that expire are reported through Redis's keyspace notifications, usually within a"
            + " second or two (later when Redis is busy), by one of the instances listening then; the data is gone"
            + " by then, so their attributes are not");
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
    RedisExpiries listening = expiries;
    if (listening != null) {
      listening.close();
    }
    redis.close();
  }

  private byte[] key(String id) {
    return utf8(keyPrefix + id);
  }

  /** Its own key, which no session id (base64url, no colon) can name. */
  private byte[] indexKey(String principal) {
    return utf8(keyPrefix + "index:" + principal);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
