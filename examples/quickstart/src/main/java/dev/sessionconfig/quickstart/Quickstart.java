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
import java.util.function.BiFunction;

/**
 * Flask-Session's test application in Java: an embedded Jetty serving {@link RoutesServlet} with server-side sessions
 * started by the generated {@code initApp}. {@code APP_ENV} picks the config (development by default),
 * {@code PORT} the port (8080).
 */
public final class Quickstart {
  private Quickstart() {}

  /** The configs by {@code APP_ENV}: each is its loader's {@code initApp}. */
  static final ConfigSelector<BiFunction<ServletContext, ConfigSource, SessionInterface>> ENVIRONMENTS =
      ConfigSelector.<BiFunction<ServletContext, ConfigSource, SessionInterface>>byEnvironment("APP_ENV")
          .option("development", DevelopmentConfigLoader::initApp)
          .option("production", ProductionConfigLoader::initApp)
          .orDefault("development");

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    Server server;
    try {
      server = start(port, ConfigSource.system());
    } catch (SessionConfigException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println("Quickstart ready on http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
    server.join();
  }

  /**
   * Starts the application on {@code port} (0 for any free one), its session config read from {@code source}.
   *
   * @throws SessionConfigException listing every problem of the session config, the store's included
   */
  static Server start(int port, ConfigSource source) throws Exception {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    // Session ids are case-sensitive: Jetty's per-connection header cache must not match values ignoring case.
    http.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("localhost");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    InitApp initApp = new InitApp(source);
    context.addEventListener(initApp);
    context.addServlet(RoutesServlet.class, "/");
    server.setHandler(context);
    try {
      server.start();
    } catch (SessionConfigException e) {
      server.stop(); // Jetty passes the listener's exception on; it said everything there is to say
      throw e;
    }
    if (!context.isAvailable()) {
      server.stop();
      if (initApp.failure != null) {
        throw initApp.failure;
      }
      throw new IllegalStateException("the application did not start: see Jetty's log above");
    }
    return server;
  }

  /** Installs sessions from the config APP_ENV selects, while the context initializes. */
  private static final class InitApp implements ServletContextListener {
    private final ConfigSource source;
    private volatile SessionConfigException failure;

    InitApp(ConfigSource source) {
      this.source = source;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
      try {
        ENVIRONMENTS.select(source).apply(event.getServletContext(), source);
      } catch (SessionConfigException e) {
        failure = e;
        throw e;
      }
    }
  }
}
