package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.it.container.QuickstartJar;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.http.Reply;
import dev.sessionconfig.it.http.SetCookie;
import dev.sessionconfig.it.store.StoreFixture;
import dev.sessionconfig.it.store.StoreKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The quickstart jar itself ({@code examples/quickstart/target/quickstart.jar}, as the README's commands start it),
 * run as a process with nothing but each store's environment variables: {@code SESSION_TYPE} and the store's own
 * ({@code SESSION_FILE_DIR}, {@code SESSION_REDIS}, {@code SESSION_MEMCACHED}, {@code SESSION_JDBC_*}), a
 * {@code SECRET_KEY}, and {@code PORT=0}. Against real servers (test-support's, on ports of their own) and file
 * databases, over real HTTP: a session set, a restart of the jar that keeps it, and logout; the log in one format,
 * without a secret. The store is looked at directly (files, keys, items, rows), so a session that landed anywhere
 * else fails. The behavioural suite runs on the same jar too ({@code Quickstart*SessionTest}).
 */
class QuickstartJarTest {
  private static final Pattern STARTUP_LINE = Pattern.compile(
      "(?m)^\\[main\\] INFO dev\\.sessionconfig - Sessions of dev\\.sessionconfig\\.quickstart\\.\\w+ are stored in ");
  /** Either line of a java.util.logging record: {@code Dec 05, 2026 6:30:01 PM source method}, {@code INFO: message}. */
  private static final Pattern JUL_LINE = Pattern.compile(
      "(?m)^([A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M .*|(SEVERE|WARNING|INFO|CONFIG|FINEST|FINER|FINE): .*)$");

  @TempDir
  Path workDir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(StoreKind.class)
  void runsFromTheEnvironmentAloneAndKeepsSessionsAcrossARestart(StoreKind store) throws Exception {
    try (StoreFixture fixture = StoreFixture.create(store, workDir, true)) {
      Map<String, String> env = QuickstartJars.environment(fixture);
      env.put("SECRET_KEY", TestProperties.KEY);
      env.put("PORT", "0");

      Browser browser;
      String id;
      try (QuickstartJar jar = QuickstartJar.start(env)) {
        browser = new Browser(jar.baseUri());
        assertBody("value set", browser.post("/set", "value", "kept"));
        id = Cookies.id(browser.cookie("session").orElseThrow());
        assertTrue(fixture.hasEntry(id), store + " holds no entry for the session: " + jar.output());
        assertOneLogFormat(jar.output(), env);
      }

      // The same jar started again, on the same store: the session is still there.
      try (QuickstartJar jar = QuickstartJar.start(env)) {
        browser.at(jar.baseUri());
        assertBody("kept", browser.get("/get"));
        Reply logout = browser.post("/logout");
        assertBody("logged out", logout);
        assertTrue(logout.setCookie("session").map(SetCookie::deletes).orElse(false), "logout clears the cookie: " + logout);
        assertFalse(fixture.hasEntry(id), "logout deletes the session from " + store);
        assertBody("no value set", browser.get("/get"));
      }
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
}
