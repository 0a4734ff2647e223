package dev.sessionconfig.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Wraps the store's source of connections (through {@link JdbcSessionStore.Builder#decorate}) in proxies that
 * record every statement the store sends: each statement created or prepared, and each execution with its SQL.
 * The pool's own checks of idle connections ({@code Connection.isValid}) send no SQL statement and are counted
 * apart.
 */
final class StatementCounter implements UnaryOperator<DataSource> {
  private final List<String> prepared = new ArrayList<>();
  private final List<String> executed = new ArrayList<>();
  private final AtomicInteger validations = new AtomicInteger();
  private final AtomicInteger failuresToInject = new AtomicInteger();

  @Override
  public DataSource apply(DataSource source) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result = invoke(method, source, args);
      return method.getName().equals("getConnection") ? connection((Connection) result) : result;
    };
    return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, handler);
  }

  /** Forgets what was counted so far. */
  synchronized void reset() {
    prepared.clear();
    executed.clear();
    validations.set(0);
  }

  /** The SQL of every statement created ({@code "<created>"} for a plain Statement) or prepared. */
  synchronized List<String> prepared() {
    return List.copyOf(prepared);
  }

  /** The SQL of every execution, in order. */
  synchronized List<String> executed() {
    return List.copyOf(executed);
  }

  int validations() {
    return validations.get();
  }

  /**
   * Makes the next {@code count} statements fail as a statement on a connection cut while it was idle fails
   * (SQL state 08006), before anything reaches the database.
   */
  void cutNextConnections(int count) {
    failuresToInject.set(count);
  }

  /** Connection calls: statements are recorded before the driver sees them, so that failed ones count too. */
  private Connection connection(Connection target) {
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      boolean statement = name.equals("prepareStatement") || name.equals("prepareCall")
          || name.equals("createStatement");
      String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : "<created>";
      if (statement) {
        synchronized (this) {
          prepared.add(sql);
        }
        if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new SQLNonTransientConnectionException("An I/O error occurred while sending to the backend.",
              "08006");
        }
      } else if (name.equals("isValid")) {
        validations.incrementAndGet();
      }
      Object result = invoke(method, target, args);
      if (!statement) {
        return result;
      }
      Class<?> type = name.equals("createStatement") ? Statement.class
          : name.equals("prepareCall") ? CallableStatement.class : PreparedStatement.class;
      return proxy(type, result, (m, a) -> onStatement(sql, m, a));
    };
    return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  /** Statement calls: executions are recorded before the driver sees them, so that failed ones count too. */
  private void onStatement(String preparedSql, Method method, Object[] args) {
    if (method.getName().startsWith("execute")) {
      String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : preparedSql;
      synchronized (this) {
        executed.add(sql);
      }
    }
  }

  @FunctionalInterface
  private interface Before {
    void accept(Method method, Object[] args);
  }

  /** A proxy of {@code target} as {@code type} that calls {@code before} ahead of each call. */
  private static Object proxy(Class<?> type, Object target, Before before) {
    InvocationHandler handler = (proxy, method, args) -> {
      before.accept(method, args);
      return invoke(method, target, args);
    };
    return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
