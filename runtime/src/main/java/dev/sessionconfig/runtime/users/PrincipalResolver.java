package dev.sessionconfig.runtime.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Optional;

/**
 * Who a session belongs to, asked when a request writes the session: its answer indexes the session under that
 * name ({@link UserSessions}). The Spring Boot starter installs one that reads Spring Security's context.
 */
@FunctionalInterface
public interface PrincipalResolver {

  /** The attribute an application may set to the user's name itself, as Spring Session's index name is set. */
  String PRINCIPAL_NAME_ATTRIBUTE = "dev.sessionconfig.principal";

  /** The name of the user {@code session} belongs to; empty when it belongs to nobody (yet). */
  Optional<String> principal(HttpServletRequest request, HttpSession session);

  /** {@link #PRINCIPAL_NAME_ATTRIBUTE} when set, else the user the container authenticated. */
  static PrincipalResolver standard() {
    return (request, session) -> {
      Object name = session.getAttribute(PRINCIPAL_NAME_ATTRIBUTE);
      if (name instanceof String) {
        return Optional.of((String) name);
      }
      Principal user = request.getUserPrincipal();
      return user == null ? Optional.empty() : Optional.ofNullable(user.getName());
    };
  }
}
