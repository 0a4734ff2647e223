package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Session records in a {@link SessionStore}: one store call per method, expiry checked on every read. */
final class SessionRepository {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.session");

  private final SessionStore store;
  private final SessionMetrics metrics;
  private final Lifetimes lifetimes;
  private final SessionCodec codec;

  /** A session as read: its data, and the record it came from (the basis of the request's update). */
  record Loaded(SessionData data, SessionRecord record) {}

  SessionRepository(SessionStore store, Lifetimes lifetimes, SessionCodec codec, SessionMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
    this.lifetimes = lifetimes;
    this.codec = codec;
  }

  /**
   * The live session stored under {@code id}; empty when there is none, when it has expired (whatever the
   * store's own expiry says) or when its data cannot be read back, which is logged and never an error.
   */
  Optional<Loaded> read(String id, long now) {
    Optional<SessionRecord> record;
    try {
      record = store.read(id);
    } catch (UnreadableRecordException e) {
      unreadable(e.getMessage(), "treating it as no session, a new one will be started");
      return Optional.empty();
    }
    return record.flatMap(stored -> decode(id, stored, "treating it as no session, a new one will be started")
        .filter(data -> !lifetimes.expired(data, now))
        .map(data -> new Loaded(data, stored)));
  }

  /**
   * Stores the whole session under {@code id} until its idle (or absolute) lifetime ends, indexed by its principal.
   *
   * @return the record written
   */
  SessionRecord write(String id, SessionData data) {
    SessionRecord record = codec.encode(id, data);
    store.write(id, record, expiresAt(data), data.principal());
    return record;
  }

  /**
   * Applies a request's change to the session as stored now: {@code data} for its times and principal, the
   * attributes in {@code written} (stored form) set, those in {@code removed} gone.
   *
   * @return the record as this request now knows it (its version may be behind the store's); empty when the
   *     session is gone: invalidated, given a new id or expired meanwhile
   */
  Optional<SessionRecord> update(String id, SessionRecord basis, SessionData data, Map<String, byte[]> written, Set<String> removed) {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>(codec.attributes(id, written));
    entries.put(SessionRecord.METADATA, codec.metadata(id, data));
    SessionChange change = new SessionChange(entries, removed, expiresAt(data), data.principal());
    try {
      return store.update(id, basis, change) ? Optional.of(basis.apply(change)) : Optional.empty();
    } catch (UnreadableRecordException e) {
      unreadable(e.getMessage(), "the change was not stored");
      return Optional.empty();
    }
  }

  /** Deletes the session, and its index entry under {@code principal} (null: none). */
  void delete(String id, String principal) {
    store.delete(id, principal);
  }

  /**
   * The session stored under {@code id} as {@code record}, whatever its expiry (an expired session is reported with
   * its last record); empty when the record does not read back.
   */
  Optional<SessionData> decode(String id, SessionRecord record) {
    return decode(id, record, "it is left out");
  }

  private Optional<SessionData> decode(String id, SessionRecord record, String consequence) {
    try {
      return Optional.of(codec.decode(id, record));
    } catch (UnreadableSessionException e) {
      unreadable(e.getMessage(), consequence);
      return Optional.empty();
    }
  }

  private void unreadable(String why, String consequence) {
    metrics.unreadableDropped();
    // Neither the id (a credential) nor the data (personal) is logged.
    LOG.log(System.Logger.Level.WARNING, "Unreadable session data in " + store.description() + " (" + why + "); "
        + consequence);
  }

  private Instant expiresAt(SessionData data) {
    return Instant.ofEpochMilli(lifetimes.expiresAt(data));
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
