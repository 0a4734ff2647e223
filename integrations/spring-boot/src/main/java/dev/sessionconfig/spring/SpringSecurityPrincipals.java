package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.users.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A session belongs to the user Spring Security saved in it: the name of the authentication in its security
 * context. The session filter runs outside Spring Security's request wrapper, so the session is asked, not the
 * request; the standard resolver answers for sessions without a security context.
 */
final class SpringSecurityPrincipals implements PrincipalResolver {
  private final PrincipalResolver fallback = PrincipalResolver.standard();

  @Override
  public Optional<String> principal(HttpServletRequest request, HttpSession session) {
    Optional<String> authenticated = authenticatedName(session);
    return authenticated.isPresent() ? authenticated : fallback.principal(request, session);
  }

  /** The name of the authenticated user in the security context Spring Security saved in {@code session}. */
  static Optional<String> authenticatedName(HttpSession session) {
    Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    if (context instanceof SecurityContext security) {
      Authentication authentication = security.getAuthentication();
      if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null) {
        return Optional.of(authentication.getName());
      }
    }
    return Optional.empty();
  }
}
