package dev.sessionconfig.it.container;

import dev.sessionconfig.it.app.TestApp;
import dev.sessionconfig.it.app.AuditListener;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (EE 10, Servlet 6) without Jetty's own session handling: every session is sessionconfig's. */
final class JettyContainer implements Container {
  private final Server server;
  private final URI baseUri;

  private JettyContainer(Server server, URI baseUri) {
    this.server = server;
    this.baseUri = baseUri;
  }

  static Container start(ServletContextListener listener, Class<? extends ServletContextListener> listenerClass) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    // Session ids are case-sensitive; Jetty's per-connection header cache matches values ignoring case unless
    // told otherwise, and would hand a request the previous request's Cookie header (README: Jetty).
    http.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    for (Map.Entry<String, HttpServlet> route : TestApp.servlets().entrySet()) {
      String path = route.getKey();
      context.addServlet(new ServletHolder(path, route.getValue()), path.equals("/") ? "" : path);
    }
    // Added to the handler before it starts, this listener counts as declared (not programmatic), so it may add
    // filters in contextInitialized, as a web.xml listener may.
    try {
      context.addEventListener(listener != null ? listener : listenerClass.getDeclaredConstructor().newInstance());
      context.addEventListener(new AuditListener()); // a session listener, declared as web.xml would
    } catch (ReflectiveOperationException e) {
      throw new ContainerStartException("cannot instantiate " + listenerClass.getName(), e);
    }
    server.setHandler(context);

    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new ContainerStartException("Jetty did not start the application", e);
    }
    if (!context.isAvailable() || !context.isStarted()) {
      stopQuietly(server);
      throw new ContainerStartException("Jetty started, but the application is unavailable", null);
    }
    return new JettyContainer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
  }

  @Override
  public ContainerKind kind() {
    return ContainerKind.JETTY;
  }

  @Override
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }
}
