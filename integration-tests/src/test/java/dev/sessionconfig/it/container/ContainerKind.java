package dev.sessionconfig.it.container;

import jakarta.servlet.ServletContextListener;

/** The Servlet 6 containers the suite runs on. */
public enum ContainerKind {
  JETTY("Jetty 12") {
    @Override
    public Container start(ServletContextListener listener) {
      return JettyContainer.start(listener, null);
    }

    @Override
    public Container start(Class<? extends ServletContextListener> listenerClass) {
      return JettyContainer.start(null, listenerClass);
    }
  },
  TOMCAT("Tomcat 11") {
    @Override
    public Container start(ServletContextListener listener) {
      return TomcatContainer.start(listener, null);
    }

    @Override
    public Container start(Class<? extends ServletContextListener> listenerClass) {
      return TomcatContainer.start(null, listenerClass);
    }
  };

  private final String displayName;

  ContainerKind(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Starts the test app with {@code listener} declared as its listener (as web.xml would declare it).
   *
   * @throws ContainerStartException when the application did not start, e.g. because the listener threw
   */
  public abstract Container start(ServletContextListener listener);

  /** Starts the test app with a listener the container instantiates itself, as a WAR's web.xml would have it. */
  public abstract Container start(Class<? extends ServletContextListener> listenerClass);

  @Override
  public String toString() {
    return displayName;
  }
}
