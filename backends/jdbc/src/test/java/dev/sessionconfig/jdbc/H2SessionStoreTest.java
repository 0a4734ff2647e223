package dev.sessionconfig.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The store on an in-process H2 database (in memory, kept for the JVM's life), with a user and a password. */
class H2SessionStoreTest extends JdbcSessionStoreContract {
  private static final String URL = "jdbc:h2:mem:sessions_test;DB_CLOSE_DELAY=-1";
  private static final String USER = "app";
  /** H2 gives the database's first user the password of the first connection. */
  static final String PASSWORD = "h2-Secret-p4ssw0rd";

  @Override
  protected String url() {
    return URL;
  }

  @Override
  protected String user() {
    return USER;
  }

  @Override
  protected String password() {
    return PASSWORD;
  }

  @Override
  protected Dialect dialect() {
    return Dialect.H2;
  }

  @Override
  protected String schema() {
    return "PUBLIC";
  }

  @Override
  protected String urlWithCredentials(String password) {
    return URL + ";USER=" + USER + ";PASSWORD=" + password;
  }

  @Override
  protected String blobType() {
    return "VARBINARY(1000)";
  }

  /**
   * H2 loses tables and throws NullPointerExceptions when two sessions alter one table at once: stores of one
   * process, which share an in-memory database, add the missing columns one after the other.
   */
  @Test
  void storesStartingTogetherOnATableOfAnEarlierVersionUpgradeItOnce() throws Exception {
    ExecutorService starting = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        String old = table + "_early" + round;
        execute("CREATE TABLE " + old + " (id VARCHAR(255) NOT NULL PRIMARY KEY, data VARBINARY(1000) NOT NULL,"
            + " expires_at BIGINT NOT NULL)");
        execute("INSERT INTO " + old + " (id, data, expires_at) VALUES ('kept', X'00', 0)");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          JdbcSessionStore store = open(builder().table(old));
          started.add(starting.submit(() -> {
            go.await();
            store.checkAvailable();
            return null;
          }));
        }
        go.countDown();
        for (Future<?> each : started) {
          each.get();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM " + old + " WHERE version = 0 AND principal_name IS NULL"),
            "round " + round + ": the table, its row and both new columns");
      }
    } finally {
      starting.shutdownNow();
    }
  }
}
