package dev.sessionconfig.redis;

import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.ExpiryListener;
import dev.sessionconfig.runtime.store.PrincipalIndex;
import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Sessions in Redis: one hash per session, {@code keyPrefix + id}, holding the session's entries by name (field
 * {@code ""} its times and user, the others its attributes), with a TTL so that Redis itself drops idle sessions.
 * A read is one {@code HGETALL}; a change is one script that sets and deletes only the fields the request changed,
 * so requests that change different attributes of one session merge in Redis itself, with no read-modify-write
 * and no retry loop, and one that finds the session gone (invalidated, renewed, expired) writes nothing. A request
 * that only reads its session costs one round trip and one that changes it two: the read and the script (a new
 * connection logs in and selects its database once, when the pool opens it). Scripts run atomically in Redis.
 *
 * <p>Sessions that an earlier version of this store kept as one string (the record's bytes) are still read, and
 * their first change turns them into a hash.
 *
 * <p>Messages never contain a session id: it is a bearer credential, like the password.
 */
final class RedisSessionStore implements SessionStore {
  /** Lua that adds ARGV[2], a session's id, to the user's index at {@code key}, kept at least ARGV[1] ms. */
  private static final String INDEX_FUNCTION = ""
      + "local function index(key)\n"
      + "  redis.call('SADD', key, ARGV[2])\n"
      + "  if redis.call('PTTL', key) < tonumber(ARGV[1]) then redis.call('PEXPIRE', key, ARGV[1]) end\n"
      + "end\n";
  /**
   * Lua shared by the scripts that write: ARGV[1] is the TTL in milliseconds and ARGV[2] the session's id;
   * KEYS[1] is the session's key and KEYS[2], when given, its user's index, kept at least as long as the session.
   */
  private static final String HELPERS = INDEX_FUNCTION
      // One command per 500 fields: Lua's unpack has a limit on how many values it returns.
      + "local function each(command, from, to)\n"
      + "  for i = from, to, 1000 do redis.call(command, KEYS[1], unpack(ARGV, i, math.min(i + 999, to))) end\n"
      + "end\n"
      + "local function expireAndIndex()\n"
      + "  redis.call('PEXPIRE', KEYS[1], ARGV[1])\n"
      + "  if KEYS[2] then index(KEYS[2]) end\n"
      + "end\n";
  /**
   * In a Redis Cluster, where a script may not name keys of two slots, the index entry alone (KEYS[1] the index;
   * ARGV as for the others), written before the session so that no stored session is missing from its user's index.
   */
  private static final RedisScript INDEX = new RedisScript(INDEX_FUNCTION + "index(KEYS[1])\nreturn 1");
  /** A whole session, replacing what was there: ARGV[3..] are its fields and values. */
  private static final RedisScript WRITE = new RedisScript(HELPERS
      + "redis.call('DEL', KEYS[1])\n"
      + "each('HSET', 3, #ARGV)\n"
      + "expireAndIndex()\n"
      + "return 1");
  /**
   * A request's change, to the session as stored now; 0 when there is none. ARGV[3] and ARGV[4] count the fields
   * written (then given with their values) and the fields removed (then named). A session stored as one string by
   * an earlier version answers -1, unless the whole record after the change follows (fields and values), which
   * then replaces it.
   */
  private static final RedisScript UPDATE = new RedisScript(HELPERS
      + "local kind = redis.call('TYPE', KEYS[1])['ok']\n"
      + "if kind == 'none' then return 0 end\n"
      + "local removed = 5 + 2 * tonumber(ARGV[3])\n"
      + "local whole = removed + tonumber(ARGV[4])\n"
      + "if kind == 'string' then\n"
      + "  if whole > #ARGV then return -1 end\n"
      + "  redis.call('DEL', KEYS[1])\n"
      + "  each('HSET', whole, #ARGV)\n"
      + "else\n"
      + "  each('HSET', 5, removed - 1)\n"
      + "  each('HDEL', removed, whole - 1)\n"
      + "end\n"
      + "expireAndIndex()\n"
      + "return 1");
  private static final RedisScript DELETE_INDEXED = new RedisScript("redis.call('DEL', KEYS[1])\n"
      + "redis.call('SREM', KEYS[2], ARGV[1])\n"
      + "return 1");
  /**
   * A user's live sessions as id, fields and values, id, fields and values...; ids whose session is gone leave the
   * index. A session kept as one string by an earlier version comes as that string.
   */
  private static final RedisScript FIND = new RedisScript("local out = {}\n"
      + "for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do\n"
      + "  local key = ARGV[1] .. id\n"
      + "  local entries = redis.pcall('HGETALL', key)\n"
      + "  if entries.err then entries = redis.pcall('GET', key) end\n"
      + "  if type(entries) == 'string' or (entries.err == nil and #entries > 0) then\n"
      + "    table.insert(out, id); table.insert(out, entries)\n"
      + "  elseif entries.err == nil then\n"
      + "    redis.call('SREM', KEYS[1], id)\n"
      + "  end\n"
      + "end\n"
      + "return out");

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
    return open(url, keyPrefix, tlsOptions, ConnectionLimits.DEFAULTS);
  }

  /** A store with SESSION_STORE_TIMEOUT and SESSION_STORE_POOL_SIZE. */
  static RedisSessionStore open(String url, String keyPrefix, SslOptions tlsOptions, ConnectionLimits limits) {
    return new RedisSessionStore(new RedisConnections(RedisAddress.parse(url), tlsOptions, limits), keyPrefix);
  }

  @Override
  public Optional<SessionRecord> read(String id) {
    byte[] key = key(id);
    Object stored = redis.exchange("read a session", key, (connection, commands) -> {
      try {
        return connection.executeCommand(commands.hgetAll(key));
      } catch (JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("WRONGTYPE")) {
          throw e;
        }
        // Kept as one string by an earlier version of this store: a second command, until its first change.
        return connection.executeCommand(commands.get(key));
      }
    });
    if (stored instanceof byte[] bytes) {
      return Optional.of(SessionRecord.parse(bytes, 0));
    }
    Map<?, ?> fields = (Map<?, ?>) stored;
    if (fields == null || fields.isEmpty()) {
      return Optional.empty(); // Redis answers a key that does not exist with an empty hash
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    fields.forEach((name, value) -> entries.put(utf8((byte[]) name), (byte[]) value));
    return Optional.of(SessionRecord.of(entries));
  }

  /**
   * The session and its index entry in one round trip: a script, so the two cannot part. In a Redis Cluster, two:
   * the index entry first, then the session.
   */
  @Override
  public void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    long ttlMillis = ttlMillis(expiresAt);
    if (ttlMillis <= 0) {
      // Redis refuses a TTL that is not positive; an entry already expired is one that must not be found.
      delete(id, principal);
      return;
    }
    List<byte[]> args = new ArrayList<>();
    args.add(utf8(Long.toString(ttlMillis)));
    args.add(utf8(id));
    addFields(args, record.entries());
    indexApart(principal, args);
    WRITE.run(redis, "write a session", keys(id, principal), args);
  }

  /**
   * One script, whatever other requests do meanwhile: Redis applies changes one after the other, each to the
   * hash as it is then, so there is nothing to retry. {@code basis} is needed only to convert a session an earlier
   * version stored as one string.
   */
  @Override
  public boolean update(String id, SessionRecord basis, SessionChange change) {
    long ttlMillis = ttlMillis(change.expiresAt());
    if (ttlMillis <= 0) {
      delete(id, change.principal()); // the session ends with this change
      return false;
    }
    List<byte[]> args = new ArrayList<>();
    args.add(utf8(Long.toString(ttlMillis)));
    args.add(utf8(id));
    args.add(utf8(Integer.toString(change.written().size())));
    args.add(utf8(Integer.toString(change.removed().size())));
    addFields(args, change.written());
    change.removed().forEach(name -> args.add(utf8(name)));
    indexApart(change.principal(), args);
    List<byte[]> keys = keys(id, change.principal());
    Object applied = UPDATE.run(redis, "write a session", keys, args);
    if (Long.valueOf(-1).equals(applied)) {
      addFields(args, basis.apply(change).entries());
      applied = UPDATE.run(redis, "write a session", keys, args);
    }
    return Long.valueOf(1).equals(applied);
  }

  @Override
  public void delete(String id) {
    redis.execute("delete a session", key(id), commands -> commands.del(key(id)));
  }

  @Override
  public void delete(String id, String principal) {
    if (principal == null) {
      delete(id);
      return;
    }
    if (redis.oneSlotPerCommand()) {
      // The session first: a session that exists is never missing from its user's index.
      delete(id);
      redis.execute("delete a session", indexKey(principal), commands -> commands.srem(indexKey(principal), utf8(id)));
      return;
    }
    DELETE_INDEXED.run(redis, "delete a session", List.of(key(id), indexKey(principal)), List.of(utf8(id)));
  }

  /**
   * A set of ids per user, {@code keyPrefix + "index:" + name}, read with its sessions in one script; in a Redis
   * Cluster, where the sessions lie on other nodes, the set and then each session (1 + n round trips).
   */
  @Override
  public Optional<PrincipalIndex> principalIndex() {
    return Optional.of(principal -> {
      if (redis.oneSlotPerCommand()) {
        return findOneByOne(principal);
      }
      List<?> items = (List<?>) FIND.run(redis, "list the sessions of a user", List.of(indexKey(principal)),
          List.of(utf8(keyPrefix)));
      Map<String, SessionRecord> found = new LinkedHashMap<>();
      for (int i = 0; i + 1 < items.size(); i += 2) {
        String id = utf8((byte[]) items.get(i));
        if (items.get(i + 1) instanceof List<?> fields) {
          Map<String, byte[]> entries = new LinkedHashMap<>();
          for (int f = 0; f + 1 < fields.size(); f += 2) {
            entries.put(utf8((byte[]) fields.get(f)), (byte[]) fields.get(f + 1));
          }
          found.put(id, SessionRecord.of(entries));
        } else {
          try {
            found.put(id, SessionRecord.parse((byte[]) items.get(i + 1), 0));
          } catch (UnreadableRecordException e) {
            // left out, as a read of it finds no session
          }
        }
      }
      return found;
    });
  }

  /** A user's sessions one read at a time; ids whose session is gone leave the index, as the script does. */
  private Map<String, SessionRecord> findOneByOne(String principal) {
    byte[] index = indexKey(principal);
    Set<byte[]> ids = redis.execute("list the sessions of a user", index, commands -> commands.smembers(index));
    Map<String, SessionRecord> found = new LinkedHashMap<>();
    List<byte[]> gone = new ArrayList<>();
    for (byte[] id : ids) {
      try {
        read(utf8(id)).ifPresentOrElse(record -> found.put(utf8(id), record), () -> gone.add(id));
      } catch (UnreadableRecordException e) {
        // left out, as a read of it finds no session
      }
    }
    if (!gone.isEmpty()) {
      redis.execute("list the sessions of a user", index, commands -> commands.srem(index, gone.toArray(new byte[0][])));
    }
    return found;
  }

  @Override
  public Optional<String> reportExpiries(ExpiryListener listener) {
    expiries = RedisExpiries.start(redis, keyPrefix, listener).orElse(null);
    return expiries == null ? Optional.empty()
        : Optional.of("sessions that expire are reported through Redis's keyspace notifications, usually within a"
            + " second or two (later when Redis is busy), by one of the instances listening then; the data is gone"
            + " by then, so their attributes are not");
  }

  /** PING to the master, or in a Redis Cluster to every master. */
  @Override
  public void checkAvailable() {
    redis.executeOnEachMaster("answer PING", (connection, commands) -> connection.executeCommand(commands.ping()));
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

  /**
   * The keys of a write script: the session's, and its user's index when there is a user. In a Redis Cluster, where
   * the two lie in different slots, the session's alone: the index entry is written apart, by {@link #indexApart}.
   */
  private List<byte[]> keys(String id, String principal) {
    return principal == null || redis.oneSlotPerCommand() ? List.of(key(id)) : List.of(key(id), indexKey(principal));
  }

  /** In a Redis Cluster, the user's index entry, before the session is written; {@code args} start with TTL and id. */
  private void indexApart(String principal, List<byte[]> args) {
    if (principal != null && redis.oneSlotPerCommand()) {
      INDEX.run(redis, "write a session", List.of(indexKey(principal)), args.subList(0, 2));
    }
  }

  /** Its own key, which no session id (base64url, no colon) can name. */
  private byte[] indexKey(String principal) {
    return utf8(keyPrefix + "index:" + principal);
  }

  private static void addFields(List<byte[]> args, Map<String, byte[]> entries) {
    entries.forEach((name, value) -> {
      args.add(utf8(name));
      args.add(value);
    });
  }

  /**
   * Relative (PEXPIRE, not PEXPIREAT): the expiry then follows this application's clock, whatever the Redis host's
   * clock says.
   */
  private static long ttlMillis(Instant expiresAt) {
    return Duration.between(Instant.now(), expiresAt).toMillis();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
