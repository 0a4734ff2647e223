package dev.sessionconfig.it.app;

import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.function.Function;

/**
 * A listener that starts sessions with a generated {@code initApp} (e.g. {@code AppConfigLoader::initApp}), as an
 * application's own listener would, and keeps what it returned, or what it threw, for the test to inspect.
 * Registered as a declared listener (web.xml style), so that initApp may add its filter.
 */
public final class SessionApp implements ServletContextListener {
  private final Function<ServletContext, SessionInterface> initApp;
  private volatile SessionInterface sessions;
  private volatile RuntimeException failure;

  public SessionApp(Function<ServletContext, SessionInterface> initApp) {
    this.initApp = initApp;
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    try {
      sessions = initApp.apply(event.getServletContext());
      // After initApp, as an application's own setup would: the listener is found all the same.
      event.getServletContext().addListener(AuditListener.Programmatic.class);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    SessionInterface started = sessions;
    if (started != null) {
      started.close();
    }
  }

  /** What initApp returned; fails when it has not run or threw. */
  public SessionInterface sessions() {
    if (sessions == null) {
      throw new IllegalStateException("initApp did not return", failure);
    }
    return sessions;
  }

  /** What initApp threw, if it did. */
  public RuntimeException failure() {
    return failure;
  }
}
