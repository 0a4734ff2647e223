package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.store.SessionRecord;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions ended outside any request of theirs: expired in the store, or invalidated from elsewhere ({@code
 * UserSessions}). Their listeners hear the end as they would at {@code invalidate()}: destroyed while the attributes
 * can be read (when the store still has them), then each attribute removed.
 */
final class DetachedSessions implements SessionOwner {
  private final SessionManager manager;

  DetachedSessions(SessionManager manager) {
    this.manager = manager;
  }

  /** Session {@code id} expired in the store; its last record when the store still had it. */
  void expired(String id, Optional<SessionRecord> lastRecord) {
    SessionData data = lastRecord.flatMap(record -> manager.repository().decode(id, record))
        .orElseGet(() -> new SessionData(0, 0, 0, null, Map.of()));
    StoreSession.stored(this, manager.values(), id, data).end();
    if (data.principal() != null) {
      manager.repository().delete(id, data.principal()); // the entry is gone already; its index entry goes too
    }
  }

  /** Ends session {@code id}, stored as {@code data}, from elsewhere: listeners told, entry deleted. */
  void invalidate(String id, SessionData data) {
    StoreSession.stored(this, manager.values(), id, data).invalidate();
  }

  @Override
  public ServletContext servletContext() {
    return manager.servletContext();
  }

  @Override
  public int maxSessionBytes() {
    return manager.maxSessionBytes();
  }

  @Override
  public long idleMillis(int maxInactiveSeconds) {
    return manager.lifetimes().idleMillis(maxInactiveSeconds);
  }

  @Override
  public SessionListeners listeners() {
    return manager.listeners();
  }

  @Override
  public SessionMetrics metrics() {
    return manager.metrics();
  }

  @Override
  public void invalidated(StoreSession session) {
    manager.repository().delete(session.getId(), session.principal());
  }
}
