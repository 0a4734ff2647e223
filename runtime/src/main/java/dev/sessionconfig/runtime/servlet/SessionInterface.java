package dev.sessionconfig.runtime.servlet;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.MeteredStore;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.metrics.StoreHealth;
import dev.sessionconfig.runtime.outage.CircuitBreakingStore;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import dev.sessionconfig.runtime.users.PrincipalResolver;
import dev.sessionconfig.runtime.users.UserSessions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server-side sessions installed in one servlet context: Flask-Session's {@code Session(app)}. A generated
 * {@code ConfigLoader.initApp(context)} is {@code SessionInterface.install(context, ConfigLoader.load())}.
 *
 * <p>{@link #install} must be called while the context is initializing, because it registers a filter: from a
 * {@code ServletContainerInitializer}, from {@code contextInitialized} of a {@code ServletContextListener}
 * declared with {@code @WebListener} or in {@code web.xml} (the way to use it in a WAR, which has no
 * {@code main}), or, with an embedded container, before the container starts.
 */
public final class SessionInterface implements AutoCloseable {
  /** The name the session filter is registered under. */
  public static final String FILTER_NAME = "sessionconfig";

  private static final System.Logger LOG = System.getLogger("dev.sessionconfig");

  private final SessionSettings settings;
  private final SessionStore store;
  private final SessionListeners listeners;
  private final SessionFilter filter;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SessionInterface(SessionSettings settings, SessionStore store, SessionListeners listeners,
      SessionMetrics metrics) {
    this.settings = settings;
    this.store = store;
    this.listeners = listeners;
    this.filter = new SessionFilter(settings, store, listeners, metrics);
  }

  /**
   * Opens the store that {@code settings.sessionType()} names, checks that it can be used, and makes every
   * request of {@code context} use it for its sessions. The store is closed when the context is destroyed.
   * The instance is also kept as the context attribute named after this class.
   *
   * @throws SessionConfigException when the store's artifact ({@code dev.sessionconfig:sessionconfig-<type>})
   *     is not on the class path, or the store cannot be used: the problem names the setting and the store, e.g.
   *     {@code SESSION_REDIS: redis at localhost:6379 is not reachable: Connection refused}
   * @throws IllegalStateException when the context has already been initialized, or sessions are installed twice
   */
  public static SessionInterface install(ServletContext context, SessionSettings settings) {
    Objects.requireNonNull(context, "context");
    SessionInterface sessions = open(settings);
    try {
      sessions.installIn(context);
      return sessions;
    } catch (RuntimeException e) {
      sessions.close();
      throw e;
    }
  }

  /**
   * Opens the store that {@code settings.sessionType()} names and checks that it can be used, before any servlet
   * context exists; {@link #installIn} then serves the sessions in one. For frameworks that build the
   * application before its container (the Spring Boot starter makes this a bean, so that a store problem stops
   * the application before the web server starts). Close it if it is never installed.
   *
   * @throws SessionConfigException when the store's artifact is not on the class path, or the store cannot be used
   */
  public static SessionInterface open(SessionSettings settings) {
    Objects.requireNonNull(settings, "settings");
    SessionMetrics metrics = SessionMetrics.of(settings.sessionType());
    // Measured outside the circuit: the 503s of a store known to be down count as its errors too.
    SessionStore store = MeteredStore.around(CircuitBreakingStore.around(openStore(settings)), metrics);
    try {
      checkAvailable(store, settings);
      return new SessionInterface(settings, store, SessionListeners.none(), metrics);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Serves these sessions to every request of {@code context}: registers the session filter first in its chain,
   * calls the context's session listeners, and has the store report sessions that expire. Call it while the
   * context initializes.
   *
   * @throws IllegalStateException when the context has already been initialized, or sessions are installed twice
   */
  public void installIn(ServletContext context) {
    Objects.requireNonNull(context, "context");
    register(context);
    attachTo(context);
  }

  /**
   * Everything {@link #installIn} does but registering the filter: for a framework that registers {@link #filter()}
   * itself, in its own order of filters (the Spring Boot starter, where an application's filter registrations are
   * ordered together). The filter must then be mapped to {@code /*} for every dispatcher type, before any filter
   * that may use the session.
   */
  public void attachTo(ServletContext context) {
    Objects.requireNonNull(context, "context");
    listeners.attachTo(context);
    context.setAttribute(SessionInterface.class.getName(), this);
    LOG.log(System.Logger.Level.INFO, "Sessions of " + settings.configClass() + " are stored in "
        + store.description() + "; " + filter.manager().reportExpiries(context)
            .orElse("this store cannot tell when a session expires, so HttpSessionListener.sessionDestroyed is"
                + " called for invalidated sessions only"));
  }

  /** The session filter, which {@link #installIn} registers; for a framework that registers it itself. */
  public SessionFilter filter() {
    return filter;
  }

  /** A store that cannot be used is a startup problem like any other: one SessionConfigException. */
  private static void checkAvailable(SessionStore store, SessionSettings settings) {
    try {
      store.checkAvailable();
    } catch (SessionStoreException e) {
      throw storeProblem(settings, e);
    }
  }

  /** The problem of a store that cannot be opened or used, naming its connection setting. */
  private static SessionConfigException storeProblem(SessionSettings settings, RuntimeException cause) {
    Setting setting = Setting.connectionSettingOf(settings.sessionType()).orElse(Setting.SESSION_FILE_DIR);
    String message = String.valueOf(cause.getMessage());
    // Store messages about a setting already start with its name.
    String problem = message.startsWith(setting + ":") ? message : setting + ": " + message;
    SessionConfigException exception = new SessionConfigException(settings.configClass(), List.of(problem));
    exception.initCause(cause);
    return exception;
  }

  public SessionSettings settings() {
    return settings;
  }

  public SessionStore store() {
    return store;
  }

  /**
   * Whether the store answers now, for a health check; at once while the store is known to be down. Never shows a
   * password.
   */
  public StoreHealth health() {
    return StoreHealth.of(store);
  }

  /**
   * The store in use and whether it answers now, as one line: {@code store: redis at host:6379/0 (answers)}, or
   * {@code store: redis at host:6379/0 (not reachable: Connection refused)}. Never shows a password.
   */
  public String describe() {
    StoreHealth health = health();
    if (health.up()) {
      return "store: " + health.store() + " (answers)";
    }
    // The stores' messages begin with the store's name, which this line already gives.
    String reason = health.detail();
    for (String named : List.of(health.store() + " is not reachable: ", health.store() + ": ")) {
      if (reason.startsWith(named)) {
        reason = reason.substring(named.length());
        break;
      }
    }
    return "store: " + health.store() + " (not reachable: " + reason + ")";
  }

  /**
   * The session listeners called for these sessions: those the container holds for the application, and any
   * {@linkplain SessionListeners#add added} here (a listener the container cannot list, a framework's bean).
   */
  public SessionListeners listeners() {
    return listeners;
  }

  /**
   * The sessions of each user, across every instance that shares the store: list them, end one or all ("log out
   * everywhere"). A session belongs to the user the {@link #principalResolver} names when a request writes it.
   */
  public UserSessions users() {
    return filter.manager().users();
  }

  /**
   * Sets who sessions belong to, asked when a request writes its session; {@link PrincipalResolver#standard()}
   * until then. The Spring Boot starter sets one that reads Spring Security's context.
   */
  public void principalResolver(PrincipalResolver resolver) {
    filter.manager().principalResolver(resolver);
  }

  /** Closes the store; later calls do nothing. Called when the context is destroyed. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      store.close();
    }
  }

  private void register(ServletContext context) {
    FilterRegistration.Dynamic registration;
    try {
      registration = context.addFilter(FILTER_NAME, filter);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("SessionInterface.install must be called while the servlet context is"
          + " initializing (from a ServletContainerInitializer, ServletContextListener.contextInitialized, or"
          + " before an embedded container starts); this context is already running", e);
    }
    if (registration == null) {
      throw new IllegalStateException("a filter named '" + FILTER_NAME + "' is already registered in this"
          + " context: sessions can be installed only once per context");
    }
    registration.setAsyncSupported(true);
    // First in the chain (isMatchAfter = false), so that every other filter already sees the store's session.
    registration.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    filter.onDestroy(this::close);
    try {
      context.addListener(new StoreCloser());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // Called from a ServletContextListener, which may not add another one: the filter's destroy(), which
      // the container calls on shutdown as well, closes the store then.
    }
  }

  /** The store of {@code settings.sessionType()}, from the first provider any of our class loaders sees. */
  static SessionStore openStore(SessionSettings settings) {
    SessionType type = settings.sessionType();
    List<String> broken = new ArrayList<>();
    for (ClassLoader loader : classLoaders()) {
      Iterator<SessionStoreProvider> providers = ServiceLoader.load(SessionStoreProvider.class, loader).iterator();
      while (true) {
        SessionStoreProvider provider;
        try {
          if (!providers.hasNext()) {
            break;
          }
          provider = providers.next();
        } catch (ServiceConfigurationError e) {
          broken.add(e.getMessage()); // e.g. a store artifact whose client library is missing
          continue;
        }
        if (provider.type() == type) {
          try {
            return provider.open(settings);
          } catch (SessionStoreException | IllegalArgumentException e) {
            throw storeProblem(settings, e);
          }
        }
      }
    }
    String artifact = "dev.sessionconfig:" + type.storeArtifactId().orElse("sessionconfig-" + type.configName());
    throw new SessionConfigException(settings.configClass(), List.of("SESSION_TYPE: no " + type.configName()
        + " session store on the class path; add the Maven artifact " + artifact + " to the application's"
        + " dependencies" + (broken.isEmpty() ? "" : " (store providers that failed to load: " + broken + ")")));
  }

  /** The context class loader (a web application's own) first, then the one that loaded the runtime. */
  private static Set<ClassLoader> classLoaders() {
    Set<ClassLoader> loaders = new LinkedHashSet<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    loaders.add(SessionInterface.class.getClassLoader());
    return loaders;
  }

  private final class StoreCloser implements ServletContextListener {
    @Override
    public void contextDestroyed(ServletContextEvent event) {
      close();
    }
  }

  @Override
  public String toString() {
    return "SessionInterface[" + settings.configClass() + ", " + store.description() + "]";
  }
}
