package dev.sessionconfig.runtime.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where sessions live: one {@link SessionRecord} per session id, with an expiry. The filesystem store is in the
 * runtime; Redis, memcached and SQL stores are one artifact each. Implementations are thread-safe, enforce the
 * expiry themselves (a session read after its expiry is absent, even before any cleanup ran), and surface outages
 * as {@link SessionStoreException} without needing a restart to recover.
 *
 * <p><b>Concurrency.</b> Requests of one session run in parallel, on one instance or several. A request writes only
 * what it changed ({@link #update}), applied to the session as stored at that moment: requests that change
 * different attributes all keep their change, and of two that change the same attribute the later write wins. A
 * session that was deleted ({@code invalidate()}, a new id, expiry) is never written back by a request that read
 * it before: {@code update} then finds it gone and writes nothing.
 */
public interface SessionStore extends AutoCloseable {

  /**
   * The session stored under {@code id}, or empty when there is none or it expired. One round trip.
   *
   * @throws UnreadableRecordException when what is stored is not a session record
   */
  Optional<SessionRecord> read(String id);

  /**
   * Stores a whole session under {@code id} until {@code expiresAt}, replacing what was there: for a session new to
   * the store, or one moved to a new id. A store with a {@link #principalIndex()} indexes it under {@code principal}
   * (none when {@code null}) in the same round trip.
   */
  void write(String id, SessionRecord record, Instant expiresAt, String principal);

  /**
   * Applies {@code change} to the session stored under {@code id}, if there still is one: one round trip without
   * contention. {@code basis} is the record this request read, which stores that replace whole records use as their
   * starting point ({@link OptimisticUpdate}); the others ignore it.
   *
   * @return false when the session is gone (deleted, or expired): nothing was written
   * @throws UnreadableRecordException when what is stored now is not a session record
   */
  boolean update(String id, SessionRecord basis, SessionChange change);

  /** Removes the session stored under {@code id}; nothing happens when there is none. */
  void delete(String id);

  /** {@link #delete(String)}, for a session that belonged to {@code principal}: its index entry goes too. */
  default void delete(String id, String principal) {
    delete(id);
  }

  /**
   * Checks at startup that the store can be used, so a wrong address fails the application's start, not its
   * first request.
   *
   * @throws SessionStoreException naming what was tried (host and port, directory)
   */
  void checkAvailable();

  /** What this store is, for messages: {@code redis at cache.internal:6379}, never with a password. */
  String description();

  /** The store's index of sessions by user; empty when the store cannot keep one (memcached cannot list keys). */
  default Optional<PrincipalIndex> principalIndex() {
    return Optional.empty();
  }

  /**
   * Starts telling {@code listener} of the sessions that expire in the store: each once, to one of the instances
   * that share the store, within a delay of the store's own.
   *
   * @return how soon and how surely expiry is reported, for the startup log and {@code describe()}; empty when
   *     this store cannot tell that a session expired
   */
  default Optional<String> reportExpiries(ExpiryListener listener) {
    return Optional.empty();
  }

  @Override
  void close();
}
