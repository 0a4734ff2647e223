package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.store.SessionStore;
import java.time.Instant;
import java.util.Optional;

/** Session records in a {@link SessionStore}: one store call per method, expiry checked on every read. */
final class SessionRepository {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.session");

  private final SessionStore store;
  private final Lifetimes lifetimes;
  private final SessionCodec codec;

  SessionRepository(SessionStore store, Lifetimes lifetimes, SessionCodec codec) {
    this.store = store;
    this.lifetimes = lifetimes;
    this.codec = codec;
  }

  /**
   * The live session stored under {@code id}; empty when there is none, when it has expired (whatever the
   * store's own expiry says) or when its data cannot be read back, which is logged and never an error.
   */
  Optional<SessionData> read(String id, long now) {
    Optional<byte[]> bytes = store.read(id);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    SessionData data;
    try {
      data = codec.decode(id, bytes.get());
    } catch (UnreadableSessionException e) {
      // Neither the id (a credential) nor the data (personal) is logged.
      LOG.log(System.Logger.Level.WARNING, "Unreadable session data in " + store.description() + " ("
          + e.getMessage() + "); treating it as no session, a new one will be started");
      return Optional.empty();
    }
    return lifetimes.expired(data, now) ? Optional.empty() : Optional.of(data);
  }

  /** Stores {@code data} under {@code id} until its idle (or absolute) lifetime ends, indexed by its principal. */
  void write(String id, SessionData data) {
    store.write(id, codec.encode(id, data), Instant.ofEpochMilli(lifetimes.expiresAt(data)), data.principal());
  }

  /** Deletes the session, and its index entry under {@code principal} (null: none). */
  void delete(String id, String principal) {
    store.delete(id, principal);
  }

  /**
   * The session stored under {@code id} as {@code record}, whatever its expiry (an expired session is reported with
   * its last record); empty when the record does not read back.
   */
  Optional<SessionData> decode(String id, byte[] record) {
    try {
      return Optional.of(codec.decode(id, record));
    } catch (UnreadableSessionException e) {
      LOG.log(System.Logger.Level.WARNING, "Unreadable session data in " + store.description() + " ("
          + e.getMessage() + "); it is left out");
      return Optional.empty();
    }
  }

  Lifetimes lifetimes() {
    return lifetimes;
  }

  SessionStore store() {
    return store;
  }

  String storeDescription() {
    return store.description();
  }
}
