package dev.sessionconfig.runtime.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where session data lives: one entry per session id, opaque bytes with an expiry. The filesystem store is in
 * the runtime; Redis, memcached and SQL stores are one artifact each. Implementations are thread-safe, enforce
 * the expiry themselves (an entry read after {@code expiresAt} is absent, even before any cleanup ran), and
 * surface outages as {@link SessionStoreException} without needing a restart to recover.
 */
public interface SessionStore extends AutoCloseable {

  /** The bytes stored for {@code id}, or empty when there are none or they expired. One round trip. */
  Optional<byte[]> read(String id);

  /** Stores {@code data} for {@code id} until {@code expiresAt}, replacing what was there. One round trip. */
  void write(String id, byte[] data, Instant expiresAt);

  /**
   * {@link #write(String, byte[], Instant)}, for a session that belongs to {@code principal} (or to nobody, when
   * {@code null}): a store with a {@link #principalIndex()} indexes it in the same round trip.
   */
  default void write(String id, byte[] data, Instant expiresAt, String principal) {
    write(id, data, expiresAt);
  }

  /** Removes the entry for {@code id}; nothing happens when there is none. */
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
