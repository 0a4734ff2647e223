package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.testing.RedisServer;
import java.net.InetAddress;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** One variant on an embedded Jetty, set up as the quickstart sets up its own, on a free loopback port. */
final class AppServer implements AutoCloseable {
  private final Server server;
  private final AutoCloseable variantResources;

  private AppServer(Server server, AutoCloseable variantResources) {
    this.server = server;
    this.variantResources = variantResources;
  }

  static AppServer start(Variant variant, RedisServer redis) throws Exception {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    // As in the quickstart: session ids are case-sensitive, so Jetty's header cache must be too.
    http.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    // Every variant is up from the start and its clients' connections wait while the others are measured: longer
    // than Jetty's default 30 s, after which it would close them.
    connector.setIdleTimeout(Duration.ofMinutes(30).toMillis());
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    AppServer app = new AppServer(server, variant.install(context, redis));
    server.setHandler(context);
    try {
      server.start();
      if (!context.isAvailable()) {
        throw new IllegalStateException(variant.label + " did not start: see the errors above");
      }
    } catch (Exception e) {
      app.close();
      throw e;
    }
    return app;
  }

  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      variantResources.close();
    }
  }
}
