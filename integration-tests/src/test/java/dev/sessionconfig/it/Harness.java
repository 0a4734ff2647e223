package dev.sessionconfig.it;

import dev.sessionconfig.it.app.SessionApp;
import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.it.container.Container;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.container.ContainerStartException;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.store.StoreFixture;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One test's world: a container kind, a store, and the applications the test started (all stopped at the end).
 * Starting an application sets the system properties the test configs read (the store's, then any overrides)
 * and then starts a container whose listener calls the config's generated {@code initApp}.
 */
final class Harness implements AutoCloseable {
  private static final String[] PROPERTIES = {"it.session.type", "it.redis.url", "it.file.dir", "it.memcached",
      "it.jdbc.url", "it.jdbc.user", "it.jdbc.password"};

  private final ContainerKind containerKind;
  private final StoreFixture store;
  private final List<App> apps = new ArrayList<>();

  Harness(ContainerKind containerKind, StoreKind storeKind, Path workDir) {
    TestProperties.init();
    this.containerKind = containerKind;
    this.store = StoreFixture.create(storeKind, workDir);
  }

  StoreFixture store() {
    return store;
  }

  /**
   * Starts the test app with a listener that calls {@code initApp} (e.g. {@code AppConfigLoader::initApp}).
   *
   * @throws ContainerStartException when the application did not start; its cause is what initApp threw
   */
  App start(Function<ServletContext, SessionInterface> initApp) {
    return start(initApp, Map.of());
  }

  /** The same, with some of the config's system properties changed from the store's. */
  App start(Function<ServletContext, SessionInterface> initApp, Map<String, String> overrides) {
    SessionApp listener = new SessionApp(initApp);
    applyProperties(overrides);
    Container container;
    try {
      container = containerKind.start(listener);
    } catch (ContainerStartException e) {
      // The cause the test wants is what initApp threw, however the container wrapped it.
      if (listener.failure() != null && e.getCause() != listener.failure()) {
        ContainerStartException unwrapped = new ContainerStartException(e.getMessage(), listener.failure());
        unwrapped.addSuppressed(e);
        throw unwrapped;
      }
      throw e;
    }
    App app = new App(container, listener);
    apps.add(app);
    return app;
  }

  /** Starts the test app with a listener class the container instantiates, e.g. a generated {@code Listener}. */
  App start(Class<? extends ServletContextListener> listenerClass) {
    applyProperties(Map.of());
    App app = new App(containerKind.start(listenerClass), null);
    apps.add(app);
    return app;
  }

  private void applyProperties(Map<String, String> overrides) {
    Map<String, String> properties = new LinkedHashMap<>(store.properties());
    properties.putAll(overrides);
    for (String name : PROPERTIES) {
      String value = properties.get(name);
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    }
  }

  @Override
  public void close() {
    try {
      for (App app : apps) {
        app.stop();
      }
    } finally {
      store.close();
    }
  }

  /** A running application. */
  static final class App {
    private final Container container;
    private final SessionApp listener;

    App(Container container, SessionApp listener) {
      this.container = container;
      this.listener = listener;
    }

    URI uri() {
      return container.baseUri();
    }

    /** A new client without cookies. */
    Browser browser() {
      return new Browser(uri());
    }

    /** What initApp returned. */
    SessionInterface sessions() {
      return listener.sessions();
    }

    void stop() {
      container.close();
    }
  }
}
