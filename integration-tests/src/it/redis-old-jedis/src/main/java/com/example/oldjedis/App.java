package com.example.oldjedis;

import dev.sessionconfig.runtime.ConfigSource;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The application: Jetty on loopback, sessions installed by the generated initApp, two routes. */
public final class App {
  private App() {}

  /** Starts on a free port; fails when the sessions cannot be installed. */
  public static Server start(ConfigSource source) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addEventListener(new ServletContextListener() {
      @Override
      public void contextInitialized(ServletContextEvent event) {
        ConfigLoader.initApp(event.getServletContext(), source);
      }
    });
    context.addServlet(Routes.class, "/");
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception | LinkageError e) {
      server.stop(); // Jetty passes on what the listener threw: a store that cannot start, or a NoSuchMethodError
      throw e;
    }
    if (!context.isAvailable()) {
      server.stop();
      throw new IllegalStateException("the application did not start: see the log above");
    }
    return server;
  }

  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** POST /set?value=... keeps a value in the session; GET /get shows it. */
  public static final class Routes extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      request.getSession().setAttribute("value", request.getParameter("value"));
      response.getWriter().print("value set");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      HttpSession session = request.getSession(false);
      Object value = session == null ? null : session.getAttribute("value");
      response.getWriter().print(value == null ? "no value set" : value);
    }
  }
}
