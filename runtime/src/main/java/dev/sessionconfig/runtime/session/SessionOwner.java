package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import jakarta.servlet.ServletContext;

/**
 * What a {@link StoreSession} needs from whoever holds it: the request that uses it ({@link RequestSessions}), or
 * no request at all, for a session that expired in the store or that is ended from elsewhere ({@link
 * DetachedSessions}).
 */
interface SessionOwner {

  ServletContext servletContext();

  /** The idle lifetime for a session's own setting (0: the configured one), in milliseconds. */
  long idleMillis(int maxInactiveSeconds);

  SessionListeners listeners();

  /** What sessions count: invalidations, values refused. */
  SessionMetrics metrics();

  /** SESSION_MAX_SIZE: the most bytes the session's stored attributes may take together. */
  int maxSessionBytes();

  /** The session was invalidated: its entry must go. */
  void invalidated(StoreSession session);
}
