package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.users.UserSession;
import dev.sessionconfig.runtime.users.UserSessions;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring Security's view of the sessions of each user, read from the store that every instance shares, so that
 * concurrent session control ({@code maximumSessions}, {@code maxSessionsPreventsLogin}) counts the sessions of a
 * user on all instances. Sessions enter the index when a request writes them with a security context, and leave
 * it when they end; so registering, refreshing and removing are the store's business and do nothing here.
 */
final class UserSessionsRegistry implements SessionRegistry {
  private final UserSessions users;

  UserSessionsRegistry(UserSessions users) {
    this.users = users;
  }

  /** The store lists the sessions of one user at a time, never all users: Spring Security does not need that. */
  @Override
  public List<Object> getAllPrincipals() {
    throw new UnsupportedOperationException("the sessions of a shared store are listed one user at a time:"
        + " use getAllSessions(principal, includeExpired)");
  }

  @Override
  public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
    return users.of(name(principal)).stream()
        .filter(session -> includeExpiredSessions || !session.expired())
        .map(session -> (SessionInformation) new StoredSessionInformation(principal, session, users))
        .collect(Collectors.toCollection(ArrayList::new)); // Spring Security sorts it
  }

  /**
   * Spring Security asks this on every request of a logged-in user (its concurrent session control): the session
   * of the request itself is answered from the session the request already read, without another store round
   * trip; any other from the store.
   */
  @Override
  public SessionInformation getSessionInformation(String sessionId) {
    HttpSession current = currentSession(sessionId);
    if (current != null) {
      return SpringSecurityPrincipals.authenticatedName(current)
          .map(name -> (SessionInformation) new StoredSessionInformation(name, sessionId,
              new Date(current.getLastAccessedTime()), Boolean.TRUE.equals(
                  current.getAttribute(UserSessions.EXPIRED_ATTRIBUTE)), users))
          .orElse(null);
    }
    return users.session(sessionId)
        .map(session -> new StoredSessionInformation(session.principal(), session, users))
        .orElse(null);
  }

  /** The session of the request being served, when it is session {@code id}. */
  private static HttpSession currentSession(String id) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
      return null;
    }
    HttpSession session = request.getRequest().getSession(false);
    return session != null && id.equals(session.getId()) ? session : null;
  }

  @Override
  public void refreshLastRequest(String sessionId) {
    // The store keeps each session's last access as requests use it.
  }

  @Override
  public void registerNewSession(String sessionId, Object principal) {
    // Indexed by the store when the request writes the session with its security context.
  }

  @Override
  public void removeSessionInformation(String sessionId) {
    // Leaves the index with the session itself.
  }

  /** The name a principal is indexed under, as Spring Security names it. */
  static String name(Object principal) {
    if (principal instanceof UserDetails user) {
      return user.getUsername();
    }
    if (principal instanceof AuthenticatedPrincipal authenticated) {
      return authenticated.getName();
    }
    if (principal instanceof Authentication authentication) {
      return authentication.getName();
    }
    if (principal instanceof Principal named) {
      return named.getName();
    }
    return String.valueOf(principal);
  }

  /** A stored session; {@link #expireNow()} marks it expired in the store, for every instance to see. */
  private static final class StoredSessionInformation extends SessionInformation {
    private static final long serialVersionUID = 1L;
    private final transient UserSessions users;

    StoredSessionInformation(Object principal, UserSession session, UserSessions users) {
      this(principal, session.id(), Date.from(session.lastAccessed()), session.expired(), users);
    }

    StoredSessionInformation(Object principal, String id, Date lastRequest, boolean expired, UserSessions users) {
      super(principal, id, lastRequest);
      this.users = users;
      if (expired) {
        super.expireNow();
      }
    }

    @Override
    public void expireNow() {
      super.expireNow();
      users.markExpired(getSessionId());
    }
  }
}
