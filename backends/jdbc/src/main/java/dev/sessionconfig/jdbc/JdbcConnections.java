package dev.sessionconfig.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.sessionconfig.runtime.outage.StoreFailures;
import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.io.EOFException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A HikariCP pool of connections to one database that runs one unit of work per call and turns every failure
 * into a {@link SessionStoreException} naming the database by its URL, never with a password or a session id.
 *
 * <p>The pool starts on first use, so that a missing driver or an unusable URL is reported by
 * {@code checkAvailable()} like an unreachable database. Timeouts are short: a request waits at most
 * {@link #TIMEOUT} for a connection, so an outage fails requests at once instead of piling them up, and the pool
 * reconnects by itself when the database is back.
 */
final class JdbcConnections implements AutoCloseable {
  /** Each request holds a connection for one statement only, so a few connections serve many threads. */
  static final int DEFAULT_POOL_SIZE = 10;
  static final String POOL_NAME = "sessionconfig-jdbc";

  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String url;
  private final String maskedUrl;
  private final String user;
  private final String password;
  /** Passwords as the settings and the URL hold them: never in a message. */
  private final List<String> secrets;
  private final Optional<Dialect> urlDialect;
  private final UnaryOperator<DataSource> decorate;
  private final Object lock = new Object();
  /** New, unpooled connections: the pool's source, and checkAvailable's. Set holding {@link #lock}. */
  private volatile DataSource connector;
  /** Unpooled connections lent while the pool has none: never more than the pool's own size. */
  /**
   * The longest a request waits for a connection, and a statement for the database's answer (PostgreSQL and
   * MariaDB/MySQL drivers): the whole cost of an outage to one request.
   */
  private final Duration timeout;
  private final int maxConnections;
  private final Semaphore directConnections;
  private volatile HikariDataSource pool;
  private volatile boolean closed;

  /**
   * @param decorate wraps the pool's unpooled connection source: identity in production, a statement counter in
   *     tests
   */
  JdbcConnections(String url, String user, String password, ConnectionLimits limits,
      UnaryOperator<DataSource> decorate) {
    this.timeout = limits.timeout();
    this.maxConnections = limits.poolSize(DEFAULT_POOL_SIZE);
    this.directConnections = new Semaphore(maxConnections);
    this.url = url.trim();
    this.maskedUrl = JdbcUrls.mask(this.url);
    this.user = user;
    this.password = password;
    List<String> secrets = new ArrayList<>(JdbcUrls.secretsIn(this.url));
    if (password != null && !password.isEmpty()) {
      secrets.add(0, password);
    }
    this.secrets = List.copyOf(secrets);
    this.urlDialect = Dialect.fromUrl(this.url);
    this.decorate = decorate;
  }

  /** The database family the URL names, if it names a known one. */
  Optional<Dialect> urlDialect() {
    return urlDialect;
  }

  /** {@code jdbc at <url>}, the password masked: how every message names the database. */
  String prefix() {
    return "jdbc at " + maskedUrl;
  }

  /**
   * Runs {@code work} on a pooled connection in auto-commit mode.
   *
   * @param action what the work does, for messages: {@code "read a session"}
   * @param id the session id the work is about, kept out of messages; null for none
   * @throws SessionStoreException when the database cannot be reached or the work fails
   */
  <T> T execute(String action, String id, Work<T> work) {
    boolean retried = false;
    while (true) {
      Connection connection = borrow(id);
      try {
        try (connection) {
          return work.run(connection);
        }
      } catch (SQLException e) {
        if (!retried && connectionLost(e) && !StoreFailures.causedBy(e, SocketTimeoutException.class)) {
          // A pooled connection that fails at once was most likely cut while idle by a database restart, and so
          // were the other idle ones: retire them all and try once more on a new connection, so that a restart
          // costs no request. Every unit of work here can be repeated: a SELECT, an upsert with an absolute
          // expiry, an UPDATE conditional on the version (repeated after it held, it finds the version moved on
          // and the update starts again from the row as it is), a DELETE, the idempotent DDL.
          evictIdleConnections();
          retried = true;
          continue;
        }
        throw failure(action, e, e, id);
      }
    }
  }

  /**
   * Opens one connection outside the pool and closes it again: whether the database can be reached and logs this
   * user in, answered at once with the driver's own reason (the pool would wait out its time-out first).
   *
   * @throws SessionStoreException when it cannot
   */
  void connectDirectly() {
    DataSource source;
    synchronized (lock) {
      if (closed) {
        throw new SessionStoreException(prefix() + " is closed");
      }
      source = connector();
    }
    try {
      source.getConnection().close(); // connected and logged in: that is all
    } catch (SQLException e) {
      throw failure("connect", e, e, null);
    }
  }

  /** A connection from the pool, checked by the pool when it has been idle. */
  private Connection borrow(String id) {
    HikariDataSource pool = pool();
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (closed) {
      throw new SessionStoreException(prefix() + " is closed");
    }
    if (bean != null && bean.getTotalConnections() == 0 && directConnections.tryAcquire()) {
      // The pool holds no connection: the database was out of reach (or the pool is just starting). The pool would
      // wait out its whole time-out while it retries on a back-off, and may be asleep in that back-off when the
      // database is back. One attempt of our own answers at once: the driver's reason why not, or a connection for
      // this request alone (closed after it) while the pool refills in the background.
      try {
        return direct(connector.getConnection());
      } catch (SQLException e) {
        directConnections.release();
        throw failure("connect", e, e, id);
      } catch (RuntimeException e) {
        directConnections.release();
        throw e;
      }
    }
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      if (closed || pool.isClosed()) {
        throw new SessionStoreException(prefix() + " is closed");
      }
      Throwable cause = Redaction.next(e);
      if (e instanceof SQLTransientConnectionException && cause == null) {
        // HikariCP's time-out with no failed connection attempt behind it: every connection stayed in use, or
        // the database took longer than the time-out to accept a new one.
        if (bean != null && bean.getActiveConnections() >= maxConnections) {
          throw new SessionStoreException(prefix() + " could not lend a connection: all " + maxConnections
              + " connections stayed busy for " + StoreFailures.seconds(timeout), Redaction.scrub(e, sensitive(id)));
        }
        throw StoreFailures.unreachable(prefix(), "it accepted no connection within " + StoreFailures.seconds(timeout),
            Redaction.scrub(e, sensitive(id)));
      }
      // HikariCP's time-out carries the last connection attempt's failure: that is what went wrong.
      throw failure("connect", cause != null ? cause : e, e, id);
    }
  }

  /** {@code connection}, which gives back its permit when it is closed. */
  private Connection direct(Connection connection) {
    AtomicBoolean released = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(JdbcConnections.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close") && released.compareAndSet(false, true)) {
            directConnections.release();
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private HikariDataSource pool() {
    HikariDataSource existing = pool;
    if (existing != null) {
      return existing;
    }
    synchronized (lock) {
      if (closed) {
        throw new SessionStoreException(prefix() + " is closed");
      }
      if (pool == null) {
        pool = createPool();
      }
      return pool;
    }
  }

  /** The source of new connections, found on first use. Called holding {@link #lock}. */
  private DataSource connector() {
    if (connector == null) {
      if (urlDialect.equals(Optional.of(Dialect.SQLITE)) && isPrivateSqliteMemory(url)) {
        throw new SessionStoreException(prefix() + " cannot hold sessions: an in-memory SQLite database belongs"
            + " to one connection, so every pooled connection would see a different one; use a file, e.g."
            + " jdbc:sqlite:/var/lib/app/sessions.db");
      }
      if (urlDialect.equals(Optional.of(Dialect.H2)) && isDroppedH2Memory(url)) {
        throw new SessionStoreException(prefix() + " cannot hold sessions: an in-memory H2 database is dropped,"
            + " sessions and all, whenever its last connection closes, which a pool does now and then; add"
            + " ;DB_CLOSE_DELAY=-1 to the URL to keep it for the life of the process");
      }
      connector = decorate.apply(new DriverConnector(findDriver(), url, driverProperties()));
    }
    return connector;
  }

  private HikariDataSource createPool() {
    HikariConfig config = new HikariConfig();
    config.setPoolName(POOL_NAME);
    config.setDataSource(connector());
    config.setConnectionTimeout(timeout.toMillis());
    config.setValidationTimeout(timeout.toMillis() / 2);
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    // Start without connecting: checkAvailable() is where an unusable database is reported, with this store's
    // message rather than a pool's exception at construction.
    config.setInitializationFailTimeout(-1);
    config.setAutoCommit(true);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new SessionStoreException(prefix() + " could not start a connection pool: "
          + Redaction.apply(reason(e), secrets), Redaction.scrub(e, secrets));
    }
  }

  private static boolean isDroppedH2Memory(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    return upper.startsWith("JDBC:H2:MEM:") && !upper.contains("DB_CLOSE_DELAY=-1");
  }

  private static boolean isPrivateSqliteMemory(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    String path = lower.substring("jdbc:sqlite:".length());
    return path.isEmpty() || (path.contains(":memory:") && !path.contains("cache=shared"));
  }

  /**
   * The driver that accepts the URL: {@link DriverManager}'s, else one registered as a service in the thread's
   * context class loader (a web application's own, whose drivers {@code DriverManager} does not show to a
   * library loaded by the container) or in this library's.
   */
  private Driver findDriver() {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException e) {
      // not registered where DriverManager looks: try the class loaders below
    }
    Set<ClassLoader> loaders = new LinkedHashSet<>();
    if (Thread.currentThread().getContextClassLoader() != null) {
      loaders.add(Thread.currentThread().getContextClassLoader());
    }
    loaders.add(JdbcConnections.class.getClassLoader());
    for (ClassLoader loader : loaders) {
      Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
      for (int i = 0; i < 1000; i++) {
        try {
          if (!drivers.hasNext()) {
            break;
          }
          Driver driver = drivers.next();
          if (driver.acceptsURL(url)) {
            return driver;
          }
        } catch (ServiceConfigurationError | SQLException | RuntimeException e) {
          // a driver that cannot load or judge the URL is not the one
        }
      }
    }
    throw new SessionStoreException(prefix() + ": no JDBC driver on the class path accepts this URL; add the"
        + " database's driver to the application's dependencies"
        + urlDialect.map(d -> " (" + d.driverCoordinates() + " for " + d.displayName() + ")").orElse(""));
  }

  /** Credentials, and short timeouts unless the URL chooses its own. */
  private Properties driverProperties() {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    switch (urlDialect.orElse(Dialect.H2)) {
      case POSTGRESQL:
        // Whole seconds for PostgreSQL's driver, rounded up: 0 would mean no time-out at all.
        setUnlessInUrl(properties, "connectTimeout", String.valueOf(wholeSeconds(timeout)));
        setUnlessInUrl(properties, "socketTimeout", String.valueOf(wholeSeconds(timeout)));
        // The whole login, which may take two attempts (with TLS, then without) that would each wait the time-out.
        setUnlessInUrl(properties, "loginTimeout", String.valueOf(wholeSeconds(timeout)));
        setUnlessInUrl(properties, "ApplicationName", "sessionconfig");
        break;
      case MARIADB:
        setUnlessInUrl(properties, "connectTimeout", String.valueOf(timeout.toMillis()));
        setUnlessInUrl(properties, "socketTimeout", String.valueOf(timeout.toMillis()));
        break;
      default:
        break; // in-process databases: nothing to wait for on a network
    }
    return properties;
  }

  private void setUnlessInUrl(Properties properties, String name, String value) {
    if (!JdbcUrls.setsProperty(url, name)) {
      properties.setProperty(name, value);
    }
  }

  private void evictIdleConnections() {
    HikariDataSource current = pool;
    HikariPoolMXBean bean = current == null ? null : current.getHikariPoolMXBean();
    if (bean != null) {
      bean.softEvictConnections();
    }
  }

  /**
   * A failure as this store reports it: what went wrong and where, without secrets or session ids.
   *
   * @param what the failure to explain
   * @param thrown what was thrown, {@code what} or a wrapper of it, to keep as the cause
   */
  private SessionStoreException failure(String action, Throwable what, Throwable thrown, String id) {
    List<String> sensitive = sensitive(id);
    String reason = Redaction.apply(reason(what), sensitive);
    Throwable cause = Redaction.scrub(thrown, sensitive);
    if (loginRefused(what)) {
      return new SessionStoreException(prefix() + " refused to log in (" + reason + "): check SESSION_JDBC_USER"
          + " and SESSION_JDBC_PASSWORD", cause);
    }
    if (connectionLost(what)) {
      return StoreFailures.unreachable(prefix(), reason, cause);
    }
    return new SessionStoreException(prefix() + " could not " + action + ": " + reason, cause);
  }

  private List<String> sensitive(String id) {
    if (id == null || id.isEmpty()) {
      return secrets;
    }
    List<String> sensitive = new ArrayList<>(secrets);
    sensitive.add(id);
    return sensitive;
  }

  private static boolean loginRefused(Throwable e) {
    for (Throwable t = e; t != null; t = Redaction.next(t)) {
      if (t instanceof SQLInvalidAuthorizationSpecException || sqlState(t).startsWith("28")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the connection, not the statement, failed: the database is down, restarting or out of reach. */
  static boolean connectionLost(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth++ < 20; t = Redaction.next(t)) {
      String state = sqlState(t);
      if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
          || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof ConnectException || t instanceof SocketException
          || t instanceof EOFException || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String sqlState(Throwable t) {
    String state = t instanceof SQLException ? ((SQLException) t).getSQLState() : null;
    return state == null ? "" : state;
  }

  /** Why {@code e} happened, in a few words; the caller redacts it. */
  private String reason(Throwable e) {
    return StoreFailures.reason(e, timeout);
  }

  private static long wholeSeconds(Duration timeout) {
    return (timeout.toMillis() + 999) / 1000;
  }

  /** The URL, its password masked. */
  @Override
  public String toString() {
    return maskedUrl;
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (pool != null) {
        pool.close();
      }
    }
  }
}
