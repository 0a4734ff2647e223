package dev.sessionconfig.runtime.users;

import java.time.Instant;

/**
 * One session of a user, as the store holds it.
 *
 * @param id the session's id: a credential, never to be shown to anyone but its owner
 * @param principal the name of the user
 * @param created when the session was created
 * @param lastAccessed when a request last used it (to within the refresh interval)
 * @param expiresAt when it ends unless used again
 * @param expired whether it was marked expired ({@link UserSessions#markExpired}): still stored, but to be ended
 *     at its next request, as Spring Security's concurrent session control does
 */
public record UserSession(String id, String principal, Instant created, Instant lastAccessed, Instant expiresAt,
    boolean expired) {

  /** Never the id: it is a credential. */
  @Override
  public String toString() {
    return "UserSession[" + principal + ", created " + created + ", last used " + lastAccessed + ", until " + expiresAt
        + (expired ? ", expired" : "") + "]";
  }
}
