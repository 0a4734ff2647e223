package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.ServletContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * Installs the sessions in the embedded container's context as it starts. Ordered before every filter
 * registration of the application (Spring Security's is at -100), so that the session filter comes first in the
 * chain and every other filter already sees the store's session.
 */
final class SessionFilterInitializer implements ServletContextInitializer, Ordered {
  /** The order Spring Session gives its own session filter: first, with room for a filter that must come earlier. */
  static final int ORDER = Integer.MIN_VALUE + 50;

  private final SessionInterface sessions;

  SessionFilterInitializer(SessionInterface sessions) {
    this.sessions = sessions;
  }

  @Override
  public void onStartup(ServletContext context) {
    sessions.installIn(context);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
