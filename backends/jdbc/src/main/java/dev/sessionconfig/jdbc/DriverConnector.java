package dev.sessionconfig.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The unpooled connections the pool draws from: one driver, one URL, fixed properties (user, password, timeouts).
 * The driver is found once, by the store, in the application's class loader as well as the store's, which
 * {@code DriverManager} alone does not do.
 */
final class DriverConnector implements DataSource {
  private final Driver driver;
  private final String url;
  private final Properties properties;
  private int loginTimeoutSeconds;

  DriverConnector(Driver driver, String url, Properties properties) {
    this.driver = driver;
    this.url = url;
    this.properties = properties;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connect(properties);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Properties withCredentials = new Properties();
    withCredentials.putAll(properties);
    withCredentials.setProperty("user", username);
    withCredentials.setProperty("password", password);
    return connect(withCredentials);
  }

  private Connection connect(Properties info) throws SQLException {
    Properties copy = new Properties();
    copy.putAll(info); // drivers may write into it
    Connection connection = driver.connect(url, copy);
    if (connection == null) {
      throw new SQLException("the driver " + driver.getClass().getName() + " does not accept this URL", "08001");
    }
    return connection;
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // drivers log on their own
  }

  /** Kept for the pool, which sets it; the drivers' own connect timeouts are set as properties. */
  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging parent");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** The URL with its passwords masked; never the password property. */
  @Override
  public String toString() {
    return JdbcUrls.mask(url);
  }
}
