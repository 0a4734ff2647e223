package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.store.PrincipalIndex;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.users.UserSession;
import dev.sessionconfig.runtime.users.UserSessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link UserSessions} over a store's {@link PrincipalIndex}: one store round trip per lookup. */
final class StoredUserSessions implements UserSessions {
  /** The attribute a session marked expired carries, written into its record by {@link #markExpired}. */
  private static final String EXPIRED_ATTRIBUTE = UserSessions.EXPIRED_ATTRIBUTE;

  private final SessionManager manager;
  private final DetachedSessions detached;

  StoredUserSessions(SessionManager manager, DetachedSessions detached) {
    this.manager = manager;
    this.detached = detached;
  }

  @Override
  public List<UserSession> of(String principal) {
    List<UserSession> sessions = new ArrayList<>();
    long now = manager.now();
    for (Map.Entry<String, SessionRecord> found : index().find(principal).entrySet()) {
      live(found.getKey(), found.getValue(), now)
          .filter(data -> principal.equals(data.principal()))
          .ifPresent(data -> sessions.add(view(found.getKey(), data)));
    }
    sessions.sort(Comparator.comparing(UserSession::created));
    return sessions;
  }

  @Override
  public Optional<UserSession> session(String id) {
    index(); // the same answer as of() gives: with memcached, none
    return manager.repository().read(id, manager.now()).map(SessionRepository.Loaded::data)
        .filter(data -> data.principal() != null).map(data -> view(id, data));
  }

  @Override
  public boolean invalidate(String id) {
    index();
    Optional<SessionRepository.Loaded> loaded = manager.repository().read(id, manager.now());
    loaded.ifPresent(stored -> detached.invalidate(id, stored.data()));
    return loaded.isPresent();
  }

  @Override
  public int invalidateAll(String principal) {
    int ended = 0;
    for (UserSession session : of(principal)) {
      if (invalidate(session.id())) {
        ended++;
      }
    }
    return ended;
  }

  @Override
  public boolean markExpired(String id) {
    index();
    Optional<SessionRepository.Loaded> loaded = manager.repository().read(id, manager.now());
    if (loaded.isEmpty()) {
      return false;
    }
    // Only the mark is written, merged into the session as stored: a request of the session running meanwhile
    // keeps its own changes, and the mark stays.
    Map<String, byte[]> mark = Map.of(EXPIRED_ATTRIBUTE, manager.values().encode(EXPIRED_ATTRIBUTE, Boolean.TRUE));
    return manager.repository().update(id, loaded.get().record(), loaded.get().data(), mark, Set.of()).isPresent();
  }

  private Optional<SessionData> live(String id, SessionRecord record, long now) {
    return manager.repository().decode(id, record)
        .filter(data -> !manager.lifetimes().expired(data, now));
  }

  private UserSession view(String id, SessionData data) {
    return new UserSession(id, data.principal(), Instant.ofEpochMilli(data.created()),
        Instant.ofEpochMilli(data.lastAccessed()), Instant.ofEpochMilli(manager.lifetimes().expiresAt(data)),
        data.attributes().containsKey(EXPIRED_ATTRIBUTE));
  }

  private PrincipalIndex index() {
    return manager.repository().store().principalIndex().orElseThrow(() -> new UnsupportedOperationException(
        manager.repository().storeDescription() + " cannot list the sessions of a user (memcached cannot list its"
            + " keys): use the Redis, JDBC or filesystem store for that"));
  }
}
