package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances of the shop on one store, driven over HTTP as a browser behind a load balancer would drive
 * them: what one instance does to a session, the other sees. One subclass per store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstancesContract {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String EXPIRED = "This session has been expired";

  private final String password = random(12);
  private ShopInstance a;
  private ShopInstance b;
  private Path workDir;

  /** Starts the store; returns the environment that points the shop at it. */
  abstract Map<String, String> startStore() throws Exception;

  abstract void stopStore();

  @BeforeAll
  void startTwoInstances() throws Exception {
    workDir = Files.createDirectories(Path.of("target", "two-instances", getClass().getSimpleName()));
    Map<String, String> environment = new HashMap<>(startStore());
    environment.put("SECRET_KEY", random(36));
    environment.put("SHOP_DEMO_PASSWORD", password);
    environment.put("SESSION_COOKIE_SECURE", "false"); // the test speaks plain HTTP
    environment.put("SESSION_LIFETIME", "PT6S");
    environment.put("SESSION_CLEANUP_INTERVAL", "PT1S");
    // For the metrics and health tests: the shop itself exposes health alone, without details.
    environment.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,metrics");
    environment.put("MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "when_authorized");
    a = ShopInstance.start("a", environment, workDir);
    b = ShopInstance.start("b", environment, workDir);
  }

  @AfterAll
  void stopEverything() {
    for (ShopInstance instance : new ShopInstance[] {a, b}) {
      if (instance != null) {
        instance.close();
      }
    }
    stopStore();
  }

  @Test
  void aLoginOnOneInstanceHoldsOnTheOtherWithItsCartAndALogoutThereEndsIt() {
    Client browser = new Client();
    Client.Reply loginPage = browser.get(a.uri(), "/login");
    assertEquals(200, loginPage.status(), a.log());
    String anonymousId = browser.sessionId();
    assertEquals(1, count("created", anonymousId), "the listener bean heard the session begin, once");

    Client.Reply login = browser.post(a.uri(), "/login", "username", "ann", "password", password, "_csrf",
        loginPage.csrfToken());
    assertEquals(302, login.status(), login.toString());
    assertEquals(URI.create(a.uri() + "").resolve("/").toString(), login.location().orElseThrow());
    assertNotEquals(anonymousId, browser.sessionId(), "the login renews the session id");

    assertBody("ann: Cart[lines=[]]", browser.get(b.uri(), "/cart"), "authenticated on the other instance");
    assertEquals(302, browser.postForm(a.uri(), "/cart", "product", "Cookbook", "category", "KITCHEN",
        "quantity", "2", "price", "12.50").status());
    assertEquals(302, browser.postForm(b.uri(), "/cart", "product", "Trowel", "category", "GARDEN",
        "quantity", "1", "price", "7.00").status());
    String cart = "ann: Cart[lines=[CartLine[product=Cookbook, category=KITCHEN, quantity=2, unitPrice=12.50],"
        + " CartLine[product=Trowel, category=GARDEN, quantity=1, unitPrice=7.00]]]";
    assertBody(cart, browser.get(a.uri(), "/cart"), "written on both, read on A");
    assertBody(cart, browser.get(b.uri(), "/cart"), "written on both, read on B");

    String loggedIn = browser.cookie("session").orElseThrow();
    Client.Reply logout = browser.postForm(b.uri(), "/logout");
    assertEquals(302, logout.status(), logout.toString());
    assertTrue(logout.location().orElseThrow().endsWith("/login?logout"), logout.toString());
    assertRedirectedToLogin(new Client().cookie("session", loggedIn).get(a.uri(), "/cart"),
        "the old cookie on the other instance");
  }

  @Test
  void theSessionStoresHealthIsOnTheActuatorsHealthEndpoint() {
    Client.Reply health = new Client().get(a.uri(), "/actuator/health");
    assertEquals(200, health.status(), health.toString());
    assertTrue(health.body().contains("\"sessionStore\":{\"status\":\"UP\"}"), health.body());
    Client.Reply store = new Client().get(b.uri(), "/actuator/health/sessionStore");
    assertEquals(200, store.status(), store.toString());
    assertTrue(store.body().startsWith("{\"status\":\"UP\""), store.body());
  }

  /**
   * The sessions' meters reach the application's own MeterRegistry: Actuator's metrics endpoint lists the store's
   * calls, tagged with the store, once requests have used sessions. The store's health names the store to those
   * who may see health details.
   */
  @Test
  void theSessionMetersAreOnTheActuatorsMetricsEndpoint() {
    Client browser = new Client();
    assertEquals(302, browser.logIn(a.uri(), "ann", password).status());
    assertBody("ann: Cart[lines=[]]", browser.get(a.uri(), "/cart"), "logged in");
    Client.Reply requests = browser.get(a.uri(), "/actuator/metrics/sessionconfig.store.requests");
    assertEquals(200, requests.status(), requests + "\n" + tail(a));
    assertTrue(requests.body().contains("\"name\":\"sessionconfig.store.requests\""), requests.body());
    assertTrue(requests.body().matches("(?s).*\\{\"statistic\":\"COUNT\",\"value\":[1-9][0-9.E]*\\}.*"),
        "the store calls are counted: " + requests.body());
    assertTrue(requests.body().contains("{\"tag\":\"store\",\"values\":[\"" + storeTag() + "\"]}"),
        requests.body());
    Client.Reply created = browser.get(a.uri(), "/actuator/metrics/sessionconfig.sessions.created");
    assertEquals(200, created.status(), created.toString());
    assertTrue(created.body().matches("(?s).*\\{\"statistic\":\"COUNT\",\"value\":[1-9][0-9.E]*\\}.*"),
        "the sessions created are counted: " + created.body());
    Client.Reply health = browser.get(a.uri(), "/actuator/health/sessionStore");
    assertEquals(200, health.status(), health.toString());
    assertTrue(health.body().contains("\"store\":\"" + storeTag() + " at "), "a logged-in user sees which store: "
        + health.body());
    Client.Reply anonymous = new Client().get(a.uri(), "/actuator/health/sessionStore");
    assertEquals("{\"status\":\"UP\"}", anonymous.body(), "no details for anonymous users");
    assertEquals(302, browser.postForm(a.uri(), "/logout").status(), "the user's one session is left to the others");
  }

  /** The {@code store} tag of this store's meters. */
  abstract String storeTag();

  @Test
  void aSecondLoginOfTheUserExpiresTheFirstSessionOnTheOtherInstance() {
    Client first = new Client();
    assertEquals(302, first.logIn(a.uri(), "bob", password).status());
    assertBody("bob: Cart[lines=[]]", first.get(a.uri(), "/cart"), "");
    Client second = new Client();
    assertEquals(302, second.logIn(b.uri(), "bob", password).status());

    Client.Reply expired = first.get(a.uri(), "/cart");
    assertTrue(expired.body().startsWith(EXPIRED), "maximumSessions(1) across instances: " + expired);
    assertBody("bob: Cart[lines=[]]", second.get(a.uri(), "/cart"), "the second session lives on");
    assertRedirectedToLogin(first.get(b.uri(), "/cart"), "the expired session is over");
  }

  @Test
  void logOutEverywhereEndsEverySessionOfTheUserOnBothInstances() {
    Client phone = new Client();
    assertEquals(302, phone.logIn(a.uri(), "cat", password).status());
    String phoneId = phone.sessionId();
    Client laptop = new Client();
    assertEquals(302, laptop.logIn(b.uri(), "cat", password).status());
    String laptopId = laptop.sessionId();

    Client.Reply everywhere = laptop.postForm(b.uri(), "/logout-everywhere");
    assertEquals(302, everywhere.status(), everywhere.toString());
    assertRedirectedToLogin(phone.get(a.uri(), "/cart"), "the phone's session on A");
    assertRedirectedToLogin(laptop.get(b.uri(), "/cart"), "the laptop's session on B");
    assertRedirectedToLogin(laptop.get(a.uri(), "/cart"), "the laptop's session on A");
    assertEquals(1, destroyedCount(phoneId), "the phone's session ended once");
    assertEquals(1, destroyedCount(laptopId), "the laptop's session ended once");
  }

  @Test
  void aTamperedOrUnknownCookieIsAnAnonymousSessionNeverAnError() {
    Client user = new Client();
    assertEquals(302, user.logIn(a.uri(), "dan", password).status());
    String valid = user.cookie("session").orElseThrow();
    char last = valid.charAt(valid.length() - 1);
    String tampered = valid.substring(0, valid.length() - 1) + (last == 'A' ? 'B' : 'A');
    String unknown = random(32) + "." + random(32);
    for (String cookie : new String[] {tampered, unknown, "garbage", valid.substring(0, valid.indexOf('.'))}) {
      for (ShopInstance instance : new ShopInstance[] {a, b}) {
        assertRedirectedToLogin(new Client().cookie("session", cookie).get(instance.uri(), "/cart"),
            "cookie " + cookie);
      }
    }
    assertBody("dan: Cart[lines=[]]", user.get(b.uri(), "/cart"), "the real cookie still works");
  }

  /** A session left idle expires in the store; one instance of the two hears it, once. */
  @Test
  void aSessionThatExpiresInTheStoreIsDestroyedOnceAcrossTheInstances() {
    Client idle = new Client();
    assertEquals(302, idle.logIn(a.uri(), "eve", password).status());
    String id = idle.sessionId();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (destroyedCount(id) == 0 && System.nanoTime() < deadline) {
      ShopInstance.sleep(250);
    }
    ShopInstance.sleep(3_000); // more sweeps and notifications: none may report it again
    assertEquals(1, destroyedCount(id), "HttpSessionDestroyedEvent heard on A and B together");
    assertRedirectedToLogin(idle.get(b.uri(), "/cart"), "the expired session is over");
  }

  private int destroyedCount(String id) {
    return count("destroyed", id);
  }

  /** What both instances heard of session {@code id}: "created" or "destroyed". */
  private int count(String event, String id) {
    int count = 0;
    for (ShopInstance instance : new ShopInstance[] {a, b}) {
      Client.Reply reply = new Client().get(instance.uri(), "/audit/" + event + "?session=" + id);
      assertEquals(200, reply.status(), reply.toString());
      count += Integer.parseInt(reply.body().trim());
    }
    return count;
  }

  private void assertRedirectedToLogin(Client.Reply reply, String what) {
    assertEquals(302, reply.status(), what + ": " + reply + "\nA:\n" + tail(a) + "\nB:\n" + tail(b));
    assertTrue(reply.location().orElseThrow().endsWith("/login"), what + ": " + reply);
  }

  private static void assertBody(String expected, Client.Reply reply, String what) {
    assertEquals(200, reply.status(), what + ": " + reply);
    assertEquals(expected, reply.body(), what);
  }

  private static String tail(ShopInstance instance) {
    String log = instance.log();
    return log.substring(Math.max(0, log.length() - 4000));
  }

  static String random(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
