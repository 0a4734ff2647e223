package dev.sessionconfig.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quickstart as a user starts it, with no environment: the development config, filesystem sessions, and
 * the routes of SPEC section 8 over real HTTP.
 */
class QuickstartTest {
  private static Server server;
  private static URI base;
  private final HttpClient http = HttpClient.newHttpClient();
  private String cookie;

  @BeforeAll
  static void start() throws Exception {
    server = Quickstart.start(0, dev.sessionconfig.runtime.ConfigSource.of(java.util.Map.of()));
    base = URI.create("http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Sends with this test's session cookie, and keeps the one the server sets. */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    setCookie(response).ifPresent(header -> cookie = header.substring(0, header.indexOf(';')));
    return response;
  }

  private static Optional<String> setCookie(HttpResponse<String> response) {
    return response.headers().firstValue("Set-Cookie");
  }

  @Test
  void answersTheRoutesOfFlaskSessionsTestApplication() throws Exception {
    HttpResponse<String> hello = get("");
    assertEquals("hello world", hello.body());
    assertTrue(setCookie(hello).isEmpty() && hello.headers().firstValue("Vary").isEmpty(), "/ never touches the session");

    assertEquals("value set", post("set", "value=42").body());
    assertTrue(cookie.startsWith("session="), cookie);
    HttpResponse<String> value = get("get");
    assertEquals("42", value.body());
    assertEquals(Optional.of("Cookie"), value.headers().firstValue("Vary"));
    assertEquals("value set", post("modify", "value=43").body());
    assertEquals("43", get("get").body());
    assertEquals("value deleted", post("delete", "").body());
    assertEquals("no value set", get("get").body());
  }

  @Test
  void loginRenewsTheIdAndLogoutEndsTheSession() throws Exception {
    post("set", "value=1");
    String before = cookie;
    assertEquals("logged in", post("login", "user=ann").body());
    assertNotEquals(before, cookie, "login renews the session id");
    assertEquals("1", get("get").body(), "the data moved to the new id");
    HttpResponse<String> logout = post("logout", "");
    assertEquals("logged out", logout.body());
    assertTrue(setCookie(logout).orElseThrow().contains("Max-Age=0"), setCookie(logout).toString());
    assertFalse(cookie.length() > "session=".length(), "the cookie is cleared: " + cookie);
  }
}
