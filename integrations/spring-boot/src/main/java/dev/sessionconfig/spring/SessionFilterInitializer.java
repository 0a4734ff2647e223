package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.servlet.SessionFilter;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * Installs the sessions in the embedded container's context as it starts: the session listeners, expiry reports
 * and the context attribute. The filter itself is a {@link FilterRegistrationBean} ({@link #filter}), so that Spring
 * Boot orders it among the application's other filter registrations: registered by this initializer instead, it
 * was found behind Spring Security's in an application with Actuator.
 */
final class SessionFilterInitializer implements ServletContextInitializer, Ordered {
  /** The order Spring Session gives its own session filter: first, with room for a filter that must come earlier. */
  static final int ORDER = Integer.MIN_VALUE + 50;

  private final SessionInterface sessions;

  SessionFilterInitializer(SessionInterface sessions) {
    this.sessions = sessions;
  }

  /** The session filter on every request and dispatch, ahead of every filter that may use the session. */
  static FilterRegistrationBean<SessionFilter> filter(SessionInterface sessions) {
    FilterRegistrationBean<SessionFilter> registration = new FilterRegistrationBean<>(sessions.filter());
    registration.setName(SessionInterface.FILTER_NAME);
    registration.setOrder(ORDER);
    registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
    registration.setAsyncSupported(true);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Override
  public void onStartup(ServletContext context) {
    sessions.attachTo(context);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
