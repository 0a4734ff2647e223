package dev.sessionconfig.quickstart;

import dev.sessionconfig.runtime.ConfigSelector;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import java.util.function.Function;

/**
 * The seed's application in Java: an embedded Jetty serving {@link RoutesServlet} with server-side sessions
 * started by the generated {@code initApp}. {@code APP_ENV} picks the config (development by default),
 * {@code PORT} the port (8080).
 */
public final class Quickstart {
  private Quickstart() {}

  /** The configs by {@code APP_ENV}: each is its loader's {@code initApp}. */
  static final ConfigSelector<Function<ServletContext, SessionInterface>> ENVIRONMENTS = ConfigSelector
      .<Function<ServletContext, SessionInterface>>byEnvironment("APP_ENV")
      .option("development", DevelopmentConfigLoader::initApp)
      .option("production", ProductionConfigLoader::initApp)
      .orDefault("development");

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    Server server = start(port);
    System.out.println("Quickstart ready on http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
    server.join();
  }

  /** Starts the application on {@code port} (0 for any free one); fails if the session config is wrong. */
  static Server start(int port) throws Exception {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    // Session ids are case-sensitive: Jetty's per-connection header cache must not match values ignoring case.
    http.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("localhost");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addEventListener(new InitApp());
    context.addServlet(RoutesServlet.class, "/");
    server.setHandler(context);
    server.start();
    if (!context.isAvailable()) {
      server.stop();
      throw new IllegalStateException("the application did not start: see the session configuration errors above");
    }
    return server;
  }

  /** Installs sessions from the config APP_ENV selects, while the context initializes. */
  private static final class InitApp implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      try {
        ENVIRONMENTS.select(ConfigSource.system()).apply(event.getServletContext());
      } catch (SessionConfigException e) {
        System.err.println(e.getMessage());
        throw e;
      }
    }
  }
}
