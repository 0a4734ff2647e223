package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionconfig.it.app.SessionApp;
import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.it.container.Container;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.container.ContainerStartException;
import dev.sessionconfig.it.container.QuickstartJar;
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
 *
 * <p>Or the quickstart jar's world ({@link #quickstart}): the applications are the jar's processes, kept for the
 * whole test class, on a store emptied before each test. A test that needs what the jar does not have (another
 * config than {@link Setup#APP}, the application's objects in this JVM) is skipped there, saying why.
 */
final class Harness implements AutoCloseable {
  private static final String[] PROPERTIES = {"it.session.type", "it.redis.url", "it.file.dir", "it.memcached",
      "it.jdbc.url", "it.jdbc.user", "it.jdbc.password"};

  private final ContainerKind containerKind;
  private final StoreFixture store;
  private final QuickstartJars quickstart;
  private final List<App> apps = new ArrayList<>();
  private int quickstartInstances;

  Harness(ContainerKind containerKind, StoreKind storeKind, Path workDir) {
    TestProperties.init();
    this.containerKind = containerKind;
    this.store = StoreFixture.create(storeKind, workDir);
    this.quickstart = null;
  }

  private Harness(QuickstartJars quickstart) {
    TestProperties.init();
    this.containerKind = null;
    this.store = quickstart.store();
    this.quickstart = quickstart;
    store.clear();
  }

  /** A test on the quickstart jar's processes of {@code jars}, its store emptied first. */
  static Harness quickstart(QuickstartJars jars) {
    return new Harness(jars);
  }

  StoreFixture store() {
    return store;
  }

  /**
   * Starts an application with {@code setup}'s config: in a container of this JVM, or, for the quickstart jar, the
   * next of its processes (the first call of a test the first process, the second call another one).
   */
  App start(Setup setup) {
    if (quickstart == null) {
      return start(setup.initApp());
    }
    assumeTrue(setup == Setup.APP, () -> "the quickstart jar has the settings of " + Setup.APP
        + " (the store's variables and SECRET_KEY, the rest by default), not those of " + setup);
    App app = new App(quickstart.instance(quickstartInstances++), null);
    // Not in apps: the process serves the class's next tests too.
    return app;
  }

  /** Skips the test on the quickstart jar, which runs in a process of its own, saying why it needs this JVM. */
  void assumeInThisJvm(String why) {
    assumeTrue(quickstart == null, () -> "the quickstart jar runs in another process, and " + why);
  }

  /** Skips the test where the store's reads cannot be counted for the application under test. */
  void assumeStoreReadsCounted() {
    assumeTrue(quickstart == null || store.countsReadsOfOtherProcesses(),
        () -> store.kind() + " keeps no count of its reads that covers the quickstart jar's process");
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
    requireInThisJvm();
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
    assumeInThisJvm("it starts its sessions from its own main method, not from a listener class of the tests");
    applyProperties(Map.of());
    App app = new App(containerKind.start(listenerClass), null);
    apps.add(app);
    return app;
  }

  private void requireInThisJvm() {
    if (quickstart != null) {
      throw new IllegalStateException("the quickstart jar is started with a Setup, not with an initApp");
    }
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
      if (quickstart == null) {
        store.close(); // the quickstart's store lives as long as its processes
      }
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

    /** What initApp returned; skips the test where that is in another process (the quickstart jar's). */
    SessionInterface sessions() {
      assumeTrue(!(container instanceof QuickstartJar),
          "the quickstart jar runs in another process: its SessionInterface is not in the test's JVM");
      return listener.sessions();
    }

    void stop() {
      container.close();
    }
  }
}
