package dev.sessionconfig.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbage in every environment variable the quickstart reads, one at a time, on top of a working production
 * environment: the application either starts with exactly the documented value, or fails with one
 * SessionConfigException naming that variable. It never starts with a weakened session cookie without a warning.
 */
class QuickstartEnvironmentTest {
  private static final String KEY = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-quickstart-test-key";

  /** Values that are wrong for most variables. */
  private static final List<String> GARBAGE = List.of("", " ", "yes", "1", "on", " TRUE ", "-5",
      "99999999999999999999", "abc", "memcache", "redis://localhost:6379/abc", "redis://localhost:1",
      "changeme-changeme-changeme-changeme", "%s%n\u00e9", "null");

  private static Path sessions;

  @BeforeAll
  static void sessionDirectory() throws IOException {
    sessions = Files.createTempDirectory("quickstart-env");
  }

  @AfterAll
  static void removeSessionDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(sessions)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** The variable, the other variables it needs to be read at all, and what each value should give. */
  private record Variable(String name, Map<String, String> context, Setting setting, Map<String, Object> accepted) {}

  private static List<Variable> variables() {
    Map<String, Object> directories = new HashMap<>();
    for (String value : GARBAGE) {
      // Any text but an empty one names a directory, relative ones below the working directory: those are
      // left out here, not to litter the build's directory.
      if (value.startsWith("/")) {
        directories.put(value, value);
      }
    }
    return List.of(
        new Variable("APP_ENV", Map.of(), null, Map.of()),
        new Variable("SECRET_KEY", Map.of(), null, Map.of()),
        new Variable("SESSION_TYPE", Map.of(), Setting.SESSION_TYPE, Map.of()),
        new Variable("COOKIE_SECURE", Map.of(), Setting.SESSION_COOKIE_SECURE, Map.of(" TRUE ", true)),
        new Variable("SESSION_REDIS", Map.of("SESSION_TYPE", "redis"), Setting.SESSION_REDIS, Map.of()),
        new Variable("SESSION_MEMCACHED", Map.of("SESSION_TYPE", "memcached"), Setting.SESSION_MEMCACHED, Map.of()),
        new Variable("SESSION_JDBC_URL", Map.of("SESSION_TYPE", "jdbc"), Setting.SESSION_JDBC_URL, Map.of()),
        new Variable("SESSION_FILE_DIR", Map.of(), Setting.SESSION_FILE_DIR, directories));
  }

  static Stream<Arguments> garbage() {
    List<Arguments> cases = new ArrayList<>();
    for (Variable variable : variables()) {
      for (String value : GARBAGE) {
        if (variable.name().equals("SESSION_FILE_DIR") && !value.isBlank() && !value.startsWith("/")) {
          continue; // a relative directory, which would be created in the build's working directory
        }
        cases.add(Arguments.of(variable.name(), value, variable));
      }
    }
    // Good values, read as documented: booleans and session types ignore case and surrounding white space.
    cases.add(Arguments.of("COOKIE_SECURE", "false", new Variable("COOKIE_SECURE", Map.of(),
        Setting.SESSION_COOKIE_SECURE, Map.of("false", false))));
    cases.add(Arguments.of("SESSION_TYPE", " FileSystem ", new Variable("SESSION_TYPE", Map.of(),
        Setting.SESSION_TYPE, Map.of(" FileSystem ", dev.sessionconfig.SessionType.FILESYSTEM))));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}=''{1}''")
  @MethodSource("garbage")
  void startsWithTheDocumentedValueOrFailsNamingTheVariable(String name, String value, Variable variable)
      throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("APP_ENV", "production", "SECRET_KEY", KEY,
        "SESSION_FILE_DIR", sessions.toString()));
    env.putAll(variable.context());
    env.put(name, value);
    List<String> warnings = new ArrayList<>();
    Server server;
    try (LogCapture capture = new LogCapture(warnings)) {
      server = Quickstart.start(0, ConfigSource.of(env));
    } catch (SessionConfigException e) {
      assertTrue(!variable.accepted().containsKey(value), name + "='" + value + "' should start: " + e.getMessage());
      assertTrue(e.getMessage().contains(name), "the problem names " + name + ":\n" + e.getMessage());
      return;
    }
    try {
      if (!variable.accepted().containsKey(value)) {
        fail(name + "='" + value + "' started the application; the only values documented to start it are "
            + variable.accepted().keySet());
      }
      SessionSettings settings = sessionsOf(server).settings();
      assertEquals(variable.accepted().get(value), settings.value(variable.setting()).orElseThrow());
      boolean secure = secureCookie(server);
      assertEquals(settings.cookieSecure(), secure, "the cookie is as Secure as the settings say");
      if (!secure) {
        assertTrue(warnings.stream().anyMatch(w -> w.contains("SESSION_COOKIE_SECURE") && w.contains(name)),
            "a cookie weaker than the production config's default is announced: " + warnings);
      }
    } finally {
      server.stop();
    }
  }

  private static SessionInterface sessionsOf(Server server) {
    ServletContextHandler context = (ServletContextHandler) server.getHandler();
    return (SessionInterface) context.getServletContext().getAttribute(SessionInterface.class.getName());
  }

  /** Whether the session cookie the application sets is Secure, seen over real HTTP. */
  private static boolean secureCookie(Server server) throws Exception {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/set"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("value=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("value set", response.body());
    Optional<String> cookie = response.headers().firstValue("Set-Cookie");
    return cookie.orElseThrow().contains("; Secure");
  }

  /** The library's log lines (java.util.logging, its default backend) while a case runs. */
  private static final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.sessionconfig");
    private final List<String> lines;

    LogCapture(List<String> lines) {
      this.lines = lines;
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      lines.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}
