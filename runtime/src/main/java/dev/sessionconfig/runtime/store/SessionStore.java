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

  /** Removes the entry for {@code id}; nothing happens when there is none. */
  void delete(String id);

  /**
   * Checks at startup that the store can be used, so a wrong address fails the application's start, not its
   * first request.
   *
   * @throws SessionStoreException naming what was tried (host and port, directory)
   */
  void checkAvailable();

  /** What this store is, for messages: {@code redis at cache.internal:6379}, never with a password. */
  String description();

  @Override
  void close();
}
