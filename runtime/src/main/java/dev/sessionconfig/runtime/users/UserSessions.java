package dev.sessionconfig.runtime.users;

import java.util.List;
import java.util.Optional;

/**
 * The sessions of each user, across every application instance that shares the store: "log out everywhere" after
 * a password change, a limit on a user's sessions. A session belongs to the user its {@link PrincipalResolver}
 * names when a request writes it. Kept by the Redis, JDBC and filesystem stores; memcached cannot list its keys,
 * so with it every method throws {@link UnsupportedOperationException} saying so.
 */
public interface UserSessions {
  /**
   * The attribute {@link #markExpired} sets to {@code Boolean.TRUE} in a session: a request of that session can see
   * the mark in its own session, without asking the store.
   */
  String EXPIRED_ATTRIBUTE = "dev.sessionconfig.expired";

  /** The live sessions of {@code principal}, oldest first. */
  List<UserSession> of(String principal);

  /** The live session with this id, when it belongs to a user; empty for an anonymous session. */
  Optional<UserSession> session(String id);

  /**
   * Ends session {@code id} now, wherever its user is: deleted from the store, its listeners told.
   *
   * @return whether there was such a session
   */
  boolean invalidate(String id);

  /** Ends every session of {@code principal}; returns how many there were. */
  int invalidateAll(String principal);

  /**
   * Marks session {@code id} expired without ending it, so that its next request can tell its user why it ends
   * (Spring Security's concurrent session control does that). A request of that session that writes it at the
   * same moment may undo the mark.
   *
   * @return whether there was such a session
   */
  boolean markExpired(String id);
}
