package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.it.http.SetCookie;
import dev.sessionconfig.it.store.StoreFixture;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.testing.MariaDbServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The quickstart jar itself ({@code examples/quickstart/target/quickstart.jar}, as the README's commands start it),
 * run as a process with nothing but each store's environment variables: {@code SESSION_TYPE} and the store's own
 * ({@code SESSION_FILE_DIR}, {@code SESSION_REDIS}, {@code SESSION_MEMCACHED}, {@code SESSION_JDBC_*}), a
 * {@code SECRET_KEY}, and {@code PORT=0}. Against real servers (test-support's, on ports of their own) and file
 * databases, over real HTTP: Flask-Session's test routes, login, a restart of the jar that keeps the session, and
 * logout. The store is looked at directly (files, keys, items, rows), so a session that landed anywhere else fails.
 */
class QuickstartJarTest {
  private static final Pattern READY = Pattern.compile("Quickstart ready on (http://\\S+)");
  private static final Pattern STARTUP_LINE = Pattern.compile(
      "(?m)^\\[main\\] INFO dev\\.sessionconfig - Sessions of dev\\.sessionconfig\\.quickstart\\.\\w+ are stored in ");
  /** Either line of a java.util.logging record: {@code Dec 05, 2026 6:30:01 PM source method}, {@code INFO: message}. */
  private static final Pattern JUL_LINE = Pattern.compile(
      "(?m)^([A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M .*|(SEVERE|WARNING|INFO|CONFIG|FINEST|FINER|FINE): .*)$");
  private static final String H2_PASSWORD = "quickstart-h2-password";

  private static MariaDbServer mariaDb;

  @TempDir
  Path workDir;

  /** The stores the jar is run on: each network server from test-support, each file database in the test's directory. */
  enum Store {
    FILESYSTEM, REDIS, MEMCACHED, POSTGRESQL, MARIADB, H2, SQLITE
  }

  /** One store's environment for the jar, and whether it holds an entry for a session id. */
  private record Target(Map<String, String> env, Predicate<String> hasEntry, AutoCloseable cleanup) {}

  @AfterAll
  static void stopMariaDb() {
    if (mariaDb != null) {
      mariaDb.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Store.class)
  void runsFromTheEnvironmentAloneAndKeepsSessionsAcrossARestart(Store store) throws Exception {
    Target target = target(store);
    try (AutoCloseable cleanup = target.cleanup()) {
      Map<String, String> env = new LinkedHashMap<>(target.env());
      env.put("SECRET_KEY", TestProperties.KEY);
      env.put("PORT", "0");

      Browser browser;
      String id;
      try (Jar jar = Jar.start(env)) {
        browser = new Browser(jar.uri);
        Reply hello = browser.get("/");
        assertEquals("hello world", hello.body(), hello.toString());
        assertTrue(hello.setCookies().isEmpty() && !hello.variesOnCookie(), "GET / never touches the session: " + hello);

        assertBody("value set", browser.post("/set", "value", "42"));
        id = Cookies.id(browser.cookie("session").orElseThrow());
        assertTrue(target.hasEntry().test(id), store + " holds no entry for the session: " + jar.output());
        Reply get = browser.get("/get");
        assertBody("42", get);
        assertTrue(get.variesOnCookie(), get.toString());
        assertBody("value set", browser.post("/modify", "value", "43"));
        assertBody("43", browser.get("/get"));
        assertBody("value deleted", browser.post("/delete"));
        assertBody("no value set", browser.get("/get"));
        assertBody("value set", browser.post("/set", "value", "kept"));

        assertBody("logged in", browser.post("/login", "user", "ann"));
        String renewed = Cookies.id(browser.cookie("session").orElseThrow());
        assertNotEquals(id, renewed, "login renews the session id");
        assertFalse(target.hasEntry().test(id), "the old id's entry is gone after login");
        assertTrue(target.hasEntry().test(renewed), store + " holds no entry for the renewed id");
        id = renewed;
        assertOneLogFormat(jar.output(), env);
      }

      // The same jar started again, on the same store: the session is still there.
      try (Jar jar = Jar.start(env)) {
        browser.at(jar.uri);
        assertBody("kept", browser.get("/get"));
        Reply logout = browser.post("/logout");
        assertBody("logged out", logout);
        assertTrue(logout.setCookie("session").map(SetCookie::deletes).orElse(false), "logout clears the cookie: " + logout);
        assertFalse(target.hasEntry().test(id), "logout deletes the session from " + store);
        assertBody("no value set", browser.get("/get"));
      }
    }
  }

  private Target target(Store store) throws IOException {
    switch (store) {
      case FILESYSTEM:
        return fixture(StoreKind.FILESYSTEM);
      case REDIS:
        return fixture(StoreKind.REDIS);
      case MEMCACHED:
        return fixture(StoreKind.MEMCACHED);
      case POSTGRESQL:
        return fixture(StoreKind.POSTGRESQL);
      case MARIADB: {
        if (mariaDb == null) {
          mariaDb = MariaDbServer.create().start();
        }
        mariaDb.sql("DROP TABLE IF EXISTS sessions");
        return new Target(jdbcEnv(mariaDb.jdbcUrl(), mariaDb.user(), mariaDb.password()),
            id -> !mariaDb.sql("SHOW TABLES LIKE 'sessions'").isEmpty()
                && !mariaDb.sql("SELECT COUNT(*) FROM sessions WHERE id = '" + id + "'").equals("0"),
            () -> {});
      }
      case H2: {
        // AUTO_SERVER: the test's own connection reaches the database the jar holds open, through the jar.
        String url = "jdbc:h2:file:" + workDir.resolve("h2/sessions").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        return new Target(jdbcEnv(url, "sa", H2_PASSWORD), id -> hasRow(url, "sa", H2_PASSWORD, id), () -> {});
      }
      case SQLITE: {
        String url = "jdbc:sqlite:" + workDir.resolve("sessions.db").toAbsolutePath();
        return new Target(jdbcEnv(url, null, null), id -> hasRow(url, null, null, id), () -> {});
      }
      default:
        throw new IllegalArgumentException(store.toString());
    }
  }

  /** A store of the suite's own fixtures: its system properties, as the quickstart's environment variables. */
  private Target fixture(StoreKind kind) {
    StoreFixture fixture = StoreFixture.create(kind, workDir);
    Map<String, String> properties = fixture.properties();
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> names = Map.of("it.session.type", "SESSION_TYPE", "it.file.dir", "SESSION_FILE_DIR",
        "it.redis.url", "SESSION_REDIS", "it.memcached", "SESSION_MEMCACHED", "it.jdbc.url", "SESSION_JDBC_URL",
        "it.jdbc.user", "SESSION_JDBC_USER", "it.jdbc.password", "SESSION_JDBC_PASSWORD");
    properties.forEach((property, value) -> {
      String variable = names.get(property);
      assertTrue(variable != null, "no quickstart variable for " + property);
      env.put(variable, value);
    });
    return new Target(env, fixture::hasEntry, fixture::close);
  }

  private static Map<String, String> jdbcEnv(String url, String user, String password) {
    Map<String, String> env = new LinkedHashMap<>(Map.of("SESSION_TYPE", "jdbc", "SESSION_JDBC_URL", url));
    if (user != null) {
      env.put("SESSION_JDBC_USER", user);
      env.put("SESSION_JDBC_PASSWORD", password);
    }
    return env;
  }

  /** Whether the session table of the database at {@code url} has a row for {@code id}. */
  private static boolean hasRow(String url, String user, String password, String id) {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
        boolean found = false;
        while (tables.next()) {
          found |= tables.getString("TABLE_NAME").equalsIgnoreCase("sessions");
        }
        if (!found) {
          return false;
        }
      }
      try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM sessions WHERE id = ?")) {
        query.setString(1, id);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          return rows.getLong(1) > 0;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * The library's lines reach SLF4J (slf4j-simple's {@code [thread] LEVEL logger - message}), as Jetty's do: none
   * in java.util.logging's two-line format, and none holding a secret of the environment.
   */
  private static void assertOneLogFormat(String output, Map<String, String> env) {
    assertTrue(STARTUP_LINE.matcher(output).find(), "no startup line of the sessions through SLF4J:\n" + output);
    Matcher jul = JUL_LINE.matcher(output);
    assertNull(jul.find() ? jul.group() : null, "a java.util.logging line in:\n" + output);
    env.forEach((name, value) -> {
      if (name.equals("SECRET_KEY") || name.endsWith("PASSWORD")) {
        assertFalse(output.contains(value), name + "'s value is in the output:\n" + output);
      }
    });
  }

  private static void assertBody(String expected, Reply reply) {
    assertEquals(200, reply.status(), reply.toString());
    assertEquals(expected, reply.body(), reply.toString());
  }

  /** {@code java -jar quickstart.jar} with exactly {@code env} of the session variables, until closed. */
  private static final class Jar implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<URI> ready = new CompletableFuture<>();
    private URI uri;

    private Jar(Map<String, String> env) throws IOException {
      String path = System.getProperty("quickstart.jar");
      if (path == null || !Files.isRegularFile(Path.of(path))) {
        fail("no quickstart jar at " + path + ": package examples/quickstart first (./test.sh, or mvn install)");
      }
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path);
      // Nothing from the developer's own environment picks the store or the config: only what the case says.
      builder.environment().keySet().removeIf(name -> name.startsWith("SESSION_") || List.of("SECRET_KEY",
          "SECRET_KEY_FALLBACKS", "APP_ENV", "PORT", "COOKIE_SECURE").contains(name));
      builder.environment().putAll(env);
      builder.redirectErrorStream(true);
      process = builder.start();
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            output.append(line).append('\n');
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
              ready.complete(URI.create(matcher.group(1)));
            }
          }
        } catch (IOException e) {
          ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the quickstart exited"));
      }, "quickstart-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Jar start(Map<String, String> env) throws Exception {
      Jar jar = new Jar(env);
      try {
        jar.uri = jar.ready.get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
        jar.close();
        fail("the quickstart did not start with " + env.keySet() + ": " + e + "\n" + jar.output());
      }
      return jar;
    }

    String output() {
      return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
