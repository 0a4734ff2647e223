package dev.sessionconfig.runtime.store;

import java.util.Map;

/**
 * A store's index of sessions by the name of the user they belong to, for "log out everywhere" and for limits
 * on a user's sessions. The store keeps it as it writes and deletes sessions ({@link SessionStore#write},
 * {@link SessionStore#update}); entries of sessions that expired or were deleted never come back from {@link #find}. Failures are outages like the store's own: {@link SessionStoreException}.
 */
public interface PrincipalIndex {

  /**
   * The records of the live sessions indexed under {@code principal}, by id: one store round trip where the store
   * allows. A record may name another user by now (the index is a hint kept with the data): callers check.
   */
  Map<String, SessionRecord> find(String principal);
}
