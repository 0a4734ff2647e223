package dev.sessionconfig.memcached;

import com.spotify.folsom.GetResult;
import com.spotify.folsom.MemcacheStatus;
import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.OptimisticUpdate;
import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sessions in memcached: one item per session, {@code keyPrefix + id}, holding the session's record as one value
 * ({@link SessionRecord#toBytes()}: flags 0, no compression, no Java serialization: nothing read back is ever
 * deserialized by the client), with an expiry so that memcached itself drops idle sessions. With several servers
 * each session lives on exactly one of them, chosen by consistent hashing ({@link MemcachedNodes}).
 *
 * <p><b>Parallel requests.</b> memcached has no partial update of an item, so a request's change is written as
 * a whole new record, but only over the record it started from: {@link #read} uses {@code gets}, which also
 * returns the item's CAS value (kept as the record's {@link SessionRecord#version() version}), and
 * {@link #update} writes with {@code cas}, which memcached refuses when the item changed since ({@code EXISTS}) or
 * is gone ({@code NOT_FOUND}). On {@code EXISTS} the store reads the session again and applies the change to what
 * is stored now ({@link OptimisticUpdate}), so requests changing different attributes all keep their change; on
 * {@code NOT_FOUND} it writes nothing, so a session that was invalidated, renewed or expired never comes back.
 * A server started with {@code -C} keeps no CAS values: updates then fail with a message saying so.
 *
 * <p><b>Cost.</b> A read is one command ({@code gets}); a request that changes the session two ({@code gets},
 * then {@code cas}), plus one {@code gets} and one {@code cas} for each time another request of the same session
 * got there first. {@link #write} (a new session, a new id) is one {@code set}, {@link #delete} one
 * {@code delete}.
 *
 * <p><b>Expiry.</b> memcached counts in whole seconds, and reads an expiry of more than 30 days (2,592,000 s) as an
 * absolute Unix time rather than a number of seconds. The store computes the seconds left until
 * {@code expiresAt}, rounded up, and hands them to Folsom, whose set command sends them as they are up to 30 days
 * and as the absolute time {@code now + seconds} beyond ({@code com.spotify.folsom.client.Utils#ttlToExpiration}).
 * The store must therefore never pass an absolute time itself: Folsom would add the current time a second time.
 * The tests read each item's remaining time back from the server ({@code mg <key> t}) on both sides of the 30 days.
 * An {@code expiresAt} that has already passed deletes the item: memcached would read an expiry of 0 as "never".
 * memcached's clock ticks once a second, so the store gives each item one second more than it needs (it would
 * otherwise vanish up to a second early): an item may outlive {@code expiresAt} by up to two seconds, which the
 * session layer covers by checking the exact expiry kept in the session data on every read.
 *
 * <p>Messages never contain a session id: it is a bearer credential.
 */
final class MemcachedSessionStore implements SessionStore {
  /** memcached's limit on a key's length, in bytes. */
  static final int MAX_KEY_BYTES = 250;
  /** What ids look like: base64url. It cannot contain the spaces and control characters memcached keys exclude. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  private final MemcachedNodes nodes;
  private final String keyPrefix;

  private MemcachedSessionStore(MemcachedNodes nodes, String keyPrefix) {
    this.nodes = nodes;
    this.keyPrefix = keyPrefix;
  }

  /**
   * Opens a store on {@code servers} ({@code host:port} each); connections open in the background.
   *
   * @param idLength the session ids' length in random bytes (SESSION_ID_LENGTH), to check at once that prefix and
   *     id fit memcached's key limit
   * @throws SessionStoreException when a server is not {@code host:port}, or keys would not be valid memcached keys
   */
  static MemcachedSessionStore open(List<String> servers, String keyPrefix, int idLength) {
    return open(servers, keyPrefix, idLength, ConnectionLimits.DEFAULTS);
  }

  /** A store on {@code servers} with SESSION_STORE_TIMEOUT and SESSION_STORE_POOL_SIZE (connections per server). */
  static MemcachedSessionStore open(List<String> servers, String keyPrefix, int idLength, ConnectionLimits limits) {
    checkKeyPrefix(keyPrefix, idLength);
    return new MemcachedSessionStore(new MemcachedNodes(MemcachedAddress.parseAll(servers), limits), keyPrefix);
  }

  @Override
  public Optional<SessionRecord> read(String id) {
    String key = key(id);
    MemcachedNodes.Node node = nodes.nodeFor(key);
    GetResult<byte[]> item = nodes.execute(node, "read a session", client -> client.casGet(key));
    return item == null ? Optional.empty() : Optional.of(SessionRecord.parse(item.getValue(), item.getCas()));
  }

  @Override
  public void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    String key = key(id);
    int ttl = ttl(expiresAt);
    if (ttl == 0) {
      // memcached would read 0 as "never expires" and a negative expiry differs between versions: an entry that
      // has already expired is one that must not be found.
      delete(id);
      return;
    }
    byte[] data = record.toBytes();
    MemcachedNodes.Node node = nodes.nodeFor(key);
    MemcacheStatus status = nodes.execute(node, "write a session", client -> client.set(key, data, ttl));
    if (status != MemcacheStatus.OK) {
      throw writeFailure(node, status, data);
    }
  }

  /**
   * {@code cas} of the record read with the change applied, from the stored version on: one command without
   * contention. When another request replaced the item meanwhile, the record is read again ({@code gets}) and the
   * change applied to it ({@link OptimisticUpdate}); when the item is gone, nothing is written.
   */
  @Override
  public boolean update(String id, SessionRecord basis, SessionChange change) {
    String key = key(id);
    int ttl = ttl(change.expiresAt());
    if (ttl == 0) {
      delete(id); // the change ends the session: nothing to keep, and memcached would read 0 as "never"
      return false;
    }
    MemcachedNodes.Node node = nodes.nodeFor(key);
    return OptimisticUpdate.apply(new OptimisticUpdate.Target() {
      @Override
      public Optional<SessionRecord> read(String ignored) {
        Optional<SessionRecord> now = MemcachedSessionStore.this.read(id);
        if (now.isPresent() && now.get().version() == 0) {
          // memcached -C: gets answers 0 and every cas fails, so no change could ever be written.
          throw new SessionStoreException("memcached at " + node + " could not write a session: the server keeps"
              + " no CAS values (it runs with -C), which the store needs to merge the changes of parallel"
              + " requests; start memcached without -C");
        }
        return now;
      }

      @Override
      public boolean replace(String ignored, SessionRecord expected, SessionRecord next, SessionChange applied) {
        byte[] data = next.toBytes();
        MemcacheStatus status = nodes.execute(node, "write a session",
            client -> client.set(key, data, ttl, expected.version()));
        if (status == MemcacheStatus.OK) {
          return true;
        }
        if (status == MemcacheStatus.KEY_EXISTS || status == MemcacheStatus.KEY_NOT_FOUND) {
          return false; // replaced by another request meanwhile, or gone (deleted, expired)
        }
        throw writeFailure(node, status, data);
      }
    }, id, basis, change, description());
  }

  @Override
  public void delete(String id) {
    String key = key(id);
    MemcachedNodes.Node node = nodes.nodeFor(key);
    MemcacheStatus status = nodes.execute(node, "delete a session", client -> client.delete(key));
    if (status != MemcacheStatus.OK && status != MemcacheStatus.KEY_NOT_FOUND) {
      throw new SessionStoreException("memcached at " + node + " could not delete a session: " + status);
    }
  }

  /** Checks that every listed server answers, so that a wrong or missing one fails the application's start. */
  @Override
  public void checkAvailable() {
    nodes.checkAll();
  }

  @Override
  public String description() {
    return nodes.description();
  }

  @Override
  public void close() {
    nodes.close();
  }

  /**
   * The expiry to give memcached for an item that must live until {@code expiresAt}: the whole seconds until then,
   * rounded up, plus one. memcached's clock ticks once a second, so an item set to live N seconds is gone after
   * N - 1 to N seconds: without the extra second it would die early. It may outlive {@code expiresAt} by up to two
   * seconds instead, which is harmless: every read checks the exact expiry stored in the session. 0 when it has
   * passed.
   */
  static long secondsUntil(Instant now, Instant expiresAt) {
    long millis = Duration.between(now, expiresAt).toMillis();
    return millis <= 0 ? 0 : (millis + 999) / 1000 + 1;
  }

  /** The expiry to hand Folsom for {@code expiresAt} (see {@link #secondsUntil}); 0 when it has passed. */
  private static int ttl(Instant expiresAt) {
    // Relative seconds, also beyond 30 days: Folsom turns those into the absolute time memcached expects.
    return (int) Math.min(secondsUntil(Instant.now(), expiresAt), Integer.MAX_VALUE);
  }

  private static SessionStoreException writeFailure(MemcachedNodes.Node node, MemcacheStatus status, byte[] data) {
    if (status == MemcacheStatus.VALUE_TOO_LARGE) {
      return new SessionStoreException("memcached at " + node + " could not write a session: its " + data.length
          + " bytes exceed the largest item memcached stores (1 MB unless the server runs with -I)");
    }
    return new SessionStoreException("memcached at " + node + " could not write a session: " + status);
  }

  private String key(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a session id: only base64url characters can name a memcached item");
    }
    String key = keyPrefix + id;
    int length = key.getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException("SESSION_KEY_PREFIX and the session id make a key of " + length
          + " bytes; memcached keys have at most " + MAX_KEY_BYTES);
    }
    return key;
  }

  /** Fails at startup, not at the first request, when the keys this store would write are not memcached keys. */
  private static void checkKeyPrefix(String keyPrefix, int idLength) {
    if (keyPrefix.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new SessionStoreException("SESSION_KEY_PREFIX cannot be used with memcached: memcached keys cannot"
          + " contain spaces or control characters; use a prefix such as 'session:'");
    }
    int idChars = (idLength * 4 + 2) / 3; // base64url without padding
    int keyBytes = keyPrefix.getBytes(StandardCharsets.UTF_8).length + idChars;
    if (keyBytes > MAX_KEY_BYTES) {
      throw new SessionStoreException("SESSION_KEY_PREFIX (" + keyPrefix.getBytes(StandardCharsets.UTF_8).length
          + " bytes) plus a session id of " + idLength + " random bytes (" + idChars + " characters) make keys of "
          + keyBytes + " bytes, over memcached's limit of " + MAX_KEY_BYTES
          + "; shorten SESSION_KEY_PREFIX or SESSION_ID_LENGTH");
    }
  }
}
