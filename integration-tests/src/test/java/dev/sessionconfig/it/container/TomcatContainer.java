package dev.sessionconfig.it.container;

import dev.sessionconfig.it.app.TestApp;
import dev.sessionconfig.it.app.AuditListener;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.naming.NamingException;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.SimpleInstanceManager;

/** Embedded Tomcat 11 (Servlet 6.1). */
final class TomcatContainer implements Container {
  private final Tomcat tomcat;
  private final Path baseDir;
  private final URI baseUri;
  private boolean closed;

  private TomcatContainer(Tomcat tomcat, Path baseDir, URI baseUri) {
    this.tomcat = tomcat;
    this.baseDir = baseDir;
    this.baseUri = baseUri;
  }

  static Container start(ServletContextListener listener, Class<? extends ServletContextListener> listenerClass) {
    Path baseDir;
    try {
      baseDir = Files.createTempDirectory("it-tomcat");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);

    Context context = tomcat.addContext("", null);
    // The leak detection on stop needs --add-opens and warns without; an embedded test app has nothing to leak.
    ((StandardContext) context).setClearReferencesRmiTargets(false);
    ((StandardContext) context).setClearReferencesThreadLocals(false);
    for (Map.Entry<String, HttpServlet> route : TestApp.servlets().entrySet()) {
      String path = route.getKey();
      Tomcat.addServlet(context, path, route.getValue());
      context.addServletMapping(path.equals("/") ? "" : path, path);
    }
    // Declared by class name, as web.xml declares listeners: Tomcat then hands it the full ServletContext
    // (listeners added through ServletContext.addListener get one that refuses addFilter). An instance the test
    // made is handed out by the instance manager when Tomcat asks for that class.
    Class<?> declared = listener != null ? listener.getClass() : listenerClass;
    context.addApplicationListener(declared.getName());
    context.addApplicationListener(AuditListener.class.getName()); // a session listener, declared as web.xml would
    context.setInstanceManager(new PreparedInstances(declared.getName(), listener));

    try {
      tomcat.start();
    } catch (LifecycleException e) {
      destroy(tomcat, baseDir);
      throw new ContainerStartException("Tomcat did not start", e);
    }
    if (context.getState() != LifecycleState.STARTED) {
      destroy(tomcat, baseDir);
      Throwable cause = listener instanceof dev.sessionconfig.it.app.SessionApp
          ? ((dev.sessionconfig.it.app.SessionApp) listener).failure() : null;
      throw new ContainerStartException("Tomcat started, but the application did not (" + context.getState() + ")",
          cause);
    }
    return new TomcatContainer(tomcat, baseDir, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
  }

  @Override
  public ContainerKind kind() {
    return ContainerKind.TOMCAT;
  }

  @Override
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      destroy(tomcat, baseDir);
    }
  }

  private static void destroy(Tomcat tomcat, Path baseDir) {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("Tomcat did not stop", e);
    } finally {
      try (Stream<Path> files = Files.walk(baseDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // A leftover temporary directory is harmless.
      }
    }
  }

  /** Tomcat's reflective instance manager, except for the one listener instance prepared by the test. */
  private static final class PreparedInstances extends SimpleInstanceManager {
    private final String className;
    private final Object instance;

    PreparedInstances(String className, Object instance) {
      this.className = className;
      this.instance = instance;
    }

    @Override
    public Object newInstance(String name) throws IllegalAccessException, InvocationTargetException,
        NamingException, InstantiationException, ClassNotFoundException, NoSuchMethodException {
      return instance != null && name.equals(className) ? instance : super.newInstance(name);
    }

    @Override
    public Object newInstance(String name, ClassLoader classLoader) throws IllegalAccessException,
        InvocationTargetException, NamingException, InstantiationException, ClassNotFoundException,
        NoSuchMethodException {
      return instance != null && name.equals(className) ? instance : super.newInstance(name, classLoader);
    }
  }
}
