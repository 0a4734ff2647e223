package dev.sessionconfig.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.testing.Browser;
import dev.sessionconfig.runtime.testing.FakeRequest;
import dev.sessionconfig.runtime.testing.FakeResponse;
import dev.sessionconfig.runtime.testing.MemoryStore;
import dev.sessionconfig.runtime.testing.TestSettings;
import dev.sessionconfig.runtime.values.SessionValues;
import dev.sessionconfig.testing.MutableClock;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The request and response wrappers and the commit, driven through a real filter call with real doubles. */
class SessionManagerTest {
  private static final Duration LIFETIME = Duration.ofDays(31);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MemoryStore store = new MemoryStore(clock);
  private Browser browser = browser(TestSettings.defaults());

  private Browser browser(SessionSettings settings) {
    return new Browser(new SessionManager(settings, store, SessionListeners.none(), SessionMetrics.NONE, clock)::doFilter);
  }

  private static Browser.Handler set(String name, Object value) {
    return (request, response) -> request.getSession().setAttribute(name, value);
  }

  private static Browser.Handler print(String name) {
    return (request, response) -> {
      HttpSession session = request.getSession(false);
      Object value = session == null ? null : session.getAttribute(name);
      response.getWriter().print(value == null ? "no value set" : value);
    };
  }

  private static final Browser.Handler UNTOUCHED = (request, response) -> response.getWriter().print("hello world");

  private String sessionCookie() {
    return browser.cookie("session");
  }

  private String storedId() {
    assertEquals(1, store.entries().size(), store.entries().keySet().toString());
    return store.entries().keySet().iterator().next();
  }

  /** The attributes stored for {@code id}, decoded as another application instance would. */
  private Map<String, Object> stored(String id) throws Exception {
    SessionSettings settings = TestSettings.defaults();
    SessionData data = new SessionCodec(new SigningKeys(settings.secretKey(), settings.secretKeyFallbacks()))
        .decode(id, SessionRecord.parse(store.entries().get(id).data(), 0));
    SessionValues values = SessionValues.of(settings.attributeTypes(), settings.serializationAllow());
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> attribute : data.attributes().entrySet()) {
      attributes.put(attribute.getKey(), values.decode(attribute.getValue()));
    }
    return attributes;
  }

  @Test
  void flaskSessionFlowSetGetModifyDelete() throws Exception {
    assertEquals("hello world", browser.send(UNTOUCHED).body());
    browser.send(set("value", "42"));
    FakeResponse get = browser.send(print("value"));
    assertEquals("42", get.body());
    assertEquals(List.of("Cookie"), get.sentHeaders("Vary"));
    assertEquals(List.of(), browser.send(UNTOUCHED).sentHeaders("Vary"));
    browser.send(set("value", "43"));
    assertEquals("43", browser.send(print("value")).body());
    browser.send((request, response) -> request.getSession().removeAttribute("value"));
    assertEquals("no value set", browser.send(print("value")).body());
  }

  @Test
  void aRequestThatNeverTouchesTheSessionCostsNothing() throws Exception {
    browser.send(set("value", "42"));
    store.resetCounts();
    FakeResponse response = browser.send(UNTOUCHED);
    assertEquals(0, store.calls());
    assertEquals(List.of(), response.sentHeaders("Set-Cookie"));
    assertEquals(List.of(), response.sentHeaders("Vary"));
  }

  @Test
  void aReadOnlyRequestCostsOneReadAndAModifyingOneAReadAndAWrite() throws Exception {
    browser.send(set("value", "42"));
    store.resetCounts();
    FakeResponse read = browser.send(print("value"));
    assertEquals(1, store.reads.get());
    assertEquals(0, store.writes.get() + store.deletes.get());
    assertEquals(List.of(), read.sentHeaders("Set-Cookie"), "nothing to tell the client");
    store.resetCounts();
    browser.send((request, response) -> {
      request.getSession().setAttribute("a", 1);
      request.getSession(false).setAttribute("b", 2);
      request.getSession().getAttribute("a");
    });
    assertEquals(1, store.reads.get());
    assertEquals(1, store.writes.get());
  }

  @Test
  void anEmptyNewSessionIsNotStoredAndGetsNoCookie() throws Exception {
    FakeResponse response = browser.send((request, response1) -> {
      HttpSession session = request.getSession();
      assertTrue(session.isNew());
      session.setAttribute("x", 1);
      session.removeAttribute("x");
    });
    assertEquals(0, store.calls());
    assertEquals(List.of(), response.sentHeaders("Set-Cookie"));
    assertEquals(List.of("Cookie"), response.sentHeaders("Vary"), "the request did use the session");
  }

  @Test
  void getSessionFalseWithoutCookieReadsNothingButVaries() throws Exception {
    AtomicReference<HttpSession> seen = new AtomicReference<>();
    FakeResponse response = browser.send((request, response1) -> seen.set(request.getSession(false)));
    assertNull(seen.get());
    assertEquals(0, store.calls());
    assertEquals(List.of("Cookie"), response.sentHeaders("Vary"));
  }

  @Test
  void theCookieCarriesTheSignedIdWithTheDefaultAttributes() throws Exception {
    FakeResponse response = browser.send(set("value", "42"));
    String id = storedId();
    String header = response.sentHeaders("Set-Cookie").get(0);
    assertEquals("session=" + new CookieSigner(TestSettings.defaults().secretKey(), List.of()).sign(id)
        + "; Max-Age=" + LIFETIME.toSeconds() + "; Expires=Sun, 01 Feb 2026 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
        header);
    assertEquals(43, id.length());
    assertEquals(clock.instant().plus(LIFETIME), store.entries().get(id).expiresAt());
    assertEquals(Map.of("value", "42"), stored(id));
  }

  @Test
  void cookieAttributesFollowTheSettings() throws Exception {
    browser = browser(TestSettings.builder().with(Setting.SESSION_COOKIE_NAME, "__Host-sid")
        .with(Setting.SESSION_COOKIE_SECURE, true).with(Setting.SESSION_COOKIE_SAMESITE, "none")
        .with(Setting.SESSION_COOKIE_PARTITIONED, true).with(Setting.SESSION_PERMANENT, false).build());
    String header = browser.send(set("value", "42")).sentHeaders("Set-Cookie").get(0);
    assertTrue(header.matches("__Host-sid=[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly;"
        + " SameSite=None; Partitioned"), header);

    browser = browser(TestSettings.builder().with(Setting.SESSION_COOKIE_DOMAIN, "example.com")
        .with(Setting.SESSION_COOKIE_PATH, "/app").with(Setting.SESSION_COOKIE_HTTPONLY, false)
        .with(Setting.SESSION_COOKIE_SAMESITE, "Strict").build());
    header = browser.send(set("value", "42")).sentHeaders("Set-Cookie").get(0);
    assertTrue(header.endsWith("; Path=/app; Domain=example.com; SameSite=Strict"), header);
  }

  @Test
  void aTamperedOrForgedCookieIsNeverLookedUpAndNeverAdopted() throws Exception {
    browser.send(set("value", "42"));
    String id = storedId();
    String signed = sessionCookie();
    String attackerId = "A".repeat(43);
    String forged = new CookieSigner(dev.sessionconfig.runtime.Secret.of("attacker-key-attacker-key-attacker-key"),
        List.of()).sign(attackerId);
    for (String bad : List.of(attackerId, forged, signed.substring(0, signed.length() - 1) + "x",
        attackerId + signed.substring(id.length()), "")) {
      browser.cookie("session", bad);
      store.resetCounts();
      FakeResponse response = browser.send(print("value"));
      assertEquals("no value set", response.body(), bad);
      assertEquals(0, store.reads.get(), "an unverified id never reaches the store: " + bad);
      browser.send(set("value", "evil"));
      assertNotEquals(attackerId, browser.cookie("session").split("\\.")[0]);
      assertFalse(store.entries().containsKey(attackerId));
    }
  }

  @Test
  void aSignedIdTheStoreDoesNotKnowGetsAFreshSessionWithANewId() throws Exception {
    CookieSigner signer = new CookieSigner(TestSettings.defaults().secretKey(), List.of());
    String unknown = "B".repeat(43); // e.g. a session that expired, or was deleted on another instance
    browser.cookie("session", signer.sign(unknown));
    AtomicReference<Boolean> valid = new AtomicReference<>();
    browser.send((request, response) -> {
      assertEquals(unknown, request.getRequestedSessionId());
      valid.set(request.isRequestedSessionIdValid());
      HttpSession session = request.getSession();
      assertTrue(session.isNew());
      assertNotEquals(unknown, session.getId());
      session.setAttribute("value", "42");
    });
    assertFalse(valid.get());
    assertFalse(store.entries().containsKey(unknown));
    assertNotEquals(unknown, storedId());
  }

  @Test
  void rotatedKeysStillVerifyAndNewCookiesUseTheNewKey() throws Exception {
    browser = browser(TestSettings.builder().with(Setting.SECRET_KEY, TestSettings.OLD_KEY).build());
    browser.send(set("value", "42"));
    String oldCookie = sessionCookie();
    SessionSettings rotated = TestSettings.builder()
        .with(Setting.SECRET_KEY_FALLBACKS, List.of(TestSettings.OLD_KEY)).build();
    Browser next = browser(rotated);
    next.cookie("session", oldCookie);
    assertEquals("42", next.send(print("value")).body());
    next.send(set("value", "43"));
    assertEquals(new CookieSigner(rotated.secretKey(), List.of()).sign(storedId()), next.cookie("session"));
    Browser withoutFallback = browser(TestSettings.defaults());
    withoutFallback.cookie("session", oldCookie);
    assertEquals("no value set", withoutFallback.send(print("value")).body());
  }

  @Test
  void invalidateDeletesTheEntryAndExpiresTheCookie() throws Exception {
    browser.send(set("user", "alice"));
    String oldCookie = sessionCookie();
    FakeResponse response = browser.send((request, response1) -> request.getSession().invalidate());
    assertEquals(Map.of(), store.entries());
    assertEquals(List.of("session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax"),
        response.sentHeaders("Set-Cookie"));
    assertNull(sessionCookie());
    browser.cookie("session", oldCookie);
    assertEquals("no value set", browser.send(print("user")).body(), "a logged-out cookie is worthless");
  }

  @Test
  void anInvalidatedSessionRefusesUseAndANewOneCanFollowInTheSameRequest() throws Exception {
    browser.send(set("user", "alice"));
    browser.send((request, response) -> {
      HttpSession old = request.getSession();
      old.invalidate();
      assertThrows(IllegalStateException.class, () -> old.getAttribute("user"));
      assertThrows(IllegalStateException.class, () -> old.setAttribute("user", "x"));
      assertThrows(IllegalStateException.class, old::invalidate);
      assertNull(request.getSession(false));
      request.getSession().setAttribute("flash", "logged out");
    });
    assertEquals("logged out", browser.send(print("flash")).body());
    assertTrue(stored(storedId()).containsKey("flash") && !stored(storedId()).containsValue("alice"), stored(storedId()).toString());
  }

  @Test
  void changeSessionIdMovesTheDataToANewIdAndKillsTheOldOne() throws Exception {
    browser.send(set("cart", List.of("book")));
    String oldId = storedId();
    String oldCookie = sessionCookie();
    store.resetCounts();
    AtomicReference<String> newId = new AtomicReference<>();
    browser.send((request, response) -> {
      request.getSession();
      newId.set(request.changeSessionId());
      assertEquals(newId.get(), request.getSession().getId());
      request.getSession().setAttribute("user", "alice"); // the login that the renewal protects
    });
    assertNotEquals(oldId, newId.get());
    assertEquals(newId.get(), storedId());
    assertEquals(1, store.reads.get());
    assertEquals(1, store.deletes.get());
    assertEquals(1, store.writes.get());
    assertEquals(Map.of("cart", List.of("book"), "user", "alice"), stored(newId.get()));
    assertNotEquals(oldCookie, sessionCookie());
    browser.cookie("session", oldCookie);
    assertEquals("no value set", browser.send(print("user")).body());
  }

  @Test
  void changeSessionIdWithoutASessionIsAnError() throws Exception {
    browser.send((request, response) -> assertThrows(IllegalStateException.class, request::changeSessionId));
  }

  @Test
  void aReadOnlyRequestRefreshesOnlyWhenLastAccessIsOlderThanTheRefreshInterval() throws Exception {
    browser.send(set("value", "42"));
    String id = storedId();
    store.resetCounts();
    clock.advance(Duration.ofSeconds(59));
    FakeResponse early = browser.send(print("value"));
    assertEquals(0, store.writes.get(), "min(60 s, 31 days / 10) = 60 s have not passed");
    assertEquals(List.of(), early.sentHeaders("Set-Cookie"));
    clock.advance(Duration.ofSeconds(1));
    FakeResponse due = browser.send(print("value"));
    assertEquals(1, store.writes.get());
    assertEquals(clock.instant().plus(LIFETIME), store.entries().get(id).expiresAt(), "store expiry moved");
    assertTrue(due.sentHeaders("Set-Cookie").get(0).contains("Max-Age=" + LIFETIME.toSeconds()), "cookie too");
    browser.send(print("value"));
    assertEquals(1, store.writes.get(), "just refreshed");
  }

  @Test
  void aShortLifetimeRefreshesAfterATenthOfIt() throws Exception {
    browser = browser(TestSettings.builder().with(Setting.PERMANENT_SESSION_LIFETIME, Duration.ofSeconds(100)).build());
    browser.send(set("value", "42"));
    store.resetCounts();
    clock.advance(Duration.ofSeconds(9));
    browser.send(print("value"));
    assertEquals(0, store.writes.get());
    clock.advance(Duration.ofSeconds(1));
    browser.send(print("value"));
    assertEquals(1, store.writes.get());
  }

  @Test
  void withoutRefreshEachRequestOnlyChangesWrite() throws Exception {
    browser = browser(TestSettings.builder().with(Setting.SESSION_REFRESH_EACH_REQUEST, false).build());
    browser.send(set("value", "42"));
    store.resetCounts();
    clock.advance(Duration.ofDays(1));
    browser.send(print("value"));
    assertEquals(0, store.writes.get());
  }

  @Test
  void idleExpiryIsCheckedOnReadEvenIfTheStoreKeepsTheEntry() throws Exception {
    store.enforceExpiry = false; // a store whose own expiry lags
    browser.send(set("value", "42"));
    clock.advance(LIFETIME.minusSeconds(1));
    assertEquals("42", browser.send(print("value")).body());
    clock.advance(LIFETIME);
    assertEquals("no value set", browser.send(print("value")).body());
  }

  @Test
  void theAbsoluteLifetimeEndsEvenAnActiveSession() throws Exception {
    store.enforceExpiry = false;
    browser = browser(TestSettings.builder().with(Setting.SESSION_ABSOLUTE_LIFETIME, Duration.ofHours(1)).build());
    browser.send(set("value", "42"));
    String id = storedId();
    assertEquals(clock.instant().plus(Duration.ofHours(1)), store.entries().get(id).expiresAt(),
        "the store expiry is capped at the absolute end");
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(11));
      assertEquals("42", browser.send(print("value")).body(), "still active after " + (i + 1) * 11 + " minutes");
    }
    clock.advance(Duration.ofMinutes(6));
    assertEquals("no value set", browser.send(print("value")).body());
  }

  @Test
  void setMaxInactiveIntervalIsStoredAndEnforced() throws Exception {
    store.enforceExpiry = false;
    browser.send((request, response) -> {
      HttpSession session = request.getSession();
      assertEquals(LIFETIME.toSeconds(), session.getMaxInactiveInterval());
      session.setAttribute("value", "42");
      session.setMaxInactiveInterval(300);
      assertEquals(300, session.getMaxInactiveInterval());
    });
    assertEquals(clock.instant().plusSeconds(300), store.entries().get(storedId()).expiresAt());
    clock.advance(Duration.ofSeconds(301));
    assertEquals("no value set", browser.send(print("value")).body());
  }

  @Test
  void aNonPermanentSessionGetsABrowserSessionCookieSentOnlyWhenTheIdIsNew() throws Exception {
    browser = browser(TestSettings.builder().with(Setting.SESSION_PERMANENT, false).build());
    String header = browser.send(set("value", "42")).sentHeaders("Set-Cookie").get(0);
    assertFalse(header.contains("Max-Age") || header.contains("Expires"), header);
    assertEquals(clock.instant().plus(LIFETIME), store.entries().get(storedId()).expiresAt(), "the store still expires it");
    assertEquals(List.of(), browser.send(set("value", "43")).sentHeaders("Set-Cookie"));
  }

  @Test
  void anExistingSessionEmptiedByTheRequestIsDeletedAndItsCookieCleared() throws Exception {
    browser.send(set("value", "42"));
    FakeResponse response = browser.send((request, response1) -> request.getSession().removeAttribute("value"));
    assertEquals(Map.of(), store.entries());
    assertTrue(response.sentHeaders("Set-Cookie").get(0).contains("Max-Age=0"));
  }

  @Test
  void corruptStoredDataIsNoSessionAndNoError() throws Exception {
    browser.send(set("value", "42"));
    String id = storedId();
    store.entries().put(id, new MemoryStore.Entry("\u00ac\u00ed garbage".getBytes(StandardCharsets.UTF_8),
        clock.instant().plus(LIFETIME)));
    assertEquals("no value set", browser.send(print("value")).body());
    browser.send(set("value", "43"));
    assertNotEquals(id, browser.cookie("session").split("\\.")[0], "a fresh session, under a new id");
  }

  /** Every event the meters count, as the sessions report it. */
  @Test
  void theSessionsReportWhatTheMetersCount() throws Exception {
    List<String> counted = new java.util.ArrayList<>();
    SessionMetrics counting = new SessionMetrics() {
      @Override
      public void storeCall(String operation, long nanos, Outcome outcome) {}

      @Override
      public void sessionCreated() {
        counted.add("created");
      }

      @Override
      public void sessionInvalidated() {
        counted.add("invalidated");
      }

      @Override
      public void sessionExpired() {
        counted.add("expired");
      }

      @Override
      public void unreadableDropped() {
        counted.add("unreadable");
      }

      @Override
      public void attributeRejected(Rejection reason) {
        counted.add("rejected " + reason);
      }
    };
    browser = new Browser(new SessionManager(TestSettings.builder().with(Setting.SESSION_MAX_SIZE, 2048).build(),
        store, SessionListeners.none(), counting, clock)::doFilter);
    browser.send(set("value", "42"));
    browser.send((request, response) -> {
      assertThrows(IllegalArgumentException.class,
          () -> request.getSession().setAttribute("upload", "b".repeat(3000)));
      assertThrows(IllegalArgumentException.class,
          () -> request.getSession().setAttribute("thread", new Thread()));
    });
    browser.send((request, response) -> request.getSession().invalidate());
    browser.send(set("value", "43"));
    store.entries().put(storedId(), new MemoryStore.Entry("garbage".getBytes(StandardCharsets.UTF_8),
        clock.instant().plus(LIFETIME)));
    browser.send(print("value"));
    assertEquals(List.of("created", "rejected SIZE", "rejected TYPE", "invalidated", "created", "unreadable"),
        counted);
  }

  @Test
  void anUnstorableAttributeFailsAtSetAttributeNamingIt() throws Exception {
    browser.send((request, response) -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> request.getSession().setAttribute("cart", new StringBuilder("x")));
      assertTrue(e.getMessage().startsWith("session attribute 'cart' holds a java.lang.StringBuilder"), e.getMessage());
      assertNull(request.getSession().getAttribute("cart"));
    });
    assertEquals(0, store.writes.get());
  }

  @Test
  void theSessionCommitsBeforeTheResponseDoes() throws Exception {
    List<Browser.Handler> committing = List.of(
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.getWriter().print("x");
          response.flushBuffer();
        },
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.getWriter().flush();
        },
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.getOutputStream().write(new byte[response.getBufferSize() + 1]); // overflows the buffer
        },
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.getWriter().print("x".repeat(response.getBufferSize() + 1)); // overflows it through the writer
        },
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.setContentLength(2);
          response.getOutputStream().write(new byte[] {'o', 'k'});
        },
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.sendRedirect("/next");
        },
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.sendError(404);
        },
        (request, response) -> {
          request.getSession().setAttribute("v", 1);
          response.getOutputStream().close();
        });
    for (Browser.Handler handler : committing) {
      browser.clearCookies();
      FakeResponse response = browser.send(handler);
      assertEquals(1, response.sentHeaders("Set-Cookie").size(), "Set-Cookie went out with the committed headers");
      assertEquals(List.of("Cookie"), response.sentHeaders("Vary"));
    }
  }

  @Test
  void aSessionCreatedAfterTheResponseWasCommittedIsNotStored() throws Exception {
    FakeResponse response = browser.send((request, response1) -> {
      response1.flushBuffer();
      request.getSession().setAttribute("late", 1);
    });
    assertEquals(0, store.writes.get(), "no entry that no cookie could ever reach");
    assertEquals(List.of(), response.sentHeaders("Set-Cookie"));
  }

  @Test
  void resettingTheResponsePutsTheSessionHeadersBack() throws Exception {
    FakeResponse response = browser.send((request, response1) -> {
      request.getSession().setAttribute("v", 1);
      response1.getWriter().print("x");
      response1.flushBuffer();
    });
    assertEquals(1, response.sentHeaders("Set-Cookie").size());
    browser.clearCookies();
    response = browser.send((request, response1) -> {
      request.getSession().invalidate();
      response1.reset();
    });
    assertEquals(1, response.sentHeaders("Set-Cookie").size());
    assertEquals(List.of("Cookie"), response.sentHeaders("Vary"));
  }

  @Test
  void varyIsMergedNotDuplicated() throws Exception {
    FakeResponse response = browser.send((request, response1) -> {
      response1.addHeader("Vary", "Accept-Encoding");
      request.getSession(false);
    });
    assertEquals(List.of("Accept-Encoding", "Cookie"), response.sentHeaders("Vary"));
    response = browser.send((request, response1) -> {
      response1.addHeader("Vary", "Origin, cookie");
      request.getSession(false);
    });
    assertEquals(List.of("Origin, cookie"), response.sentHeaders("Vary"));
  }

  @Test
  void aForwardSharesTheRequestsSessionAndCommitsOnce() throws Exception {
    browser.send(set("value", "42"));
    store.resetCounts();
    SessionManager manager = new SessionManager(TestSettings.defaults(), store, SessionListeners.none(), SessionMetrics.NONE, clock);
    Browser direct = new Browser(manager::doFilter);
    direct.cookie("session", sessionCookie());
    direct.send((request, response) -> {
      request.getSession().setAttribute("before", 1);
      // What a RequestDispatcher.forward does: the filter runs again, on a request wrapping this one.
      FakeRequest forwarded = new FakeRequest("GET", "/target", List.of()).dispatcherType(DispatcherType.FORWARD);
      Collections.list(request.getAttributeNames()).forEach(name -> forwarded.setAttribute(name, request.getAttribute(name)));
      manager.doFilter(forwarded, response, (req, res) ->
          ((jakarta.servlet.http.HttpServletRequest) req).getSession().setAttribute("inForward", 2));
      assertEquals(2, request.getSession().getAttribute("inForward"));
      assertEquals(0, store.writes.get(), "the forward did not commit on its own");
    });
    assertEquals(1, store.reads.get());
    assertEquals(1, store.writes.get());
  }

  @Test
  void getRequestedSessionIdIsTheVerifiedIdOnly() throws Exception {
    browser.send(set("value", "42"));
    String id = storedId();
    browser.send((request, response) -> {
      assertEquals(id, request.getRequestedSessionId());
      assertTrue(request.isRequestedSessionIdFromCookie());
      assertFalse(request.isRequestedSessionIdFromURL());
      assertTrue(request.isRequestedSessionIdValid());
    });
    browser.cookie("session", "chosen-by-client");
    browser.send((request, response) -> {
      assertNull(request.getRequestedSessionId());
      assertFalse(request.isRequestedSessionIdValid());
    });
  }

  @Test
  void sessionTimesFollowTheServletContract() throws Exception {
    long created = clock.millis();
    browser.send(set("value", "42"));
    clock.advance(Duration.ofMinutes(5));
    browser.send((request, response) -> {
      HttpSession session = request.getSession();
      assertFalse(session.isNew());
      assertEquals(created, session.getCreationTime());
      assertEquals(created, session.getLastAccessedTime(), "the previous access, not this one");
      assertEquals(List.of("value"), Collections.list(session.getAttributeNames()));
      assertNotNull(session.getId());
    });
  }

  @Test
  void anAsyncRequestCommitsItsSessionWhenItCompletes() throws Exception {
    SessionManager manager = new SessionManager(TestSettings.defaults(), store, SessionListeners.none(), SessionMetrics.NONE, clock);
    FakeRequest request = new FakeRequest("GET", "/async", List.of());
    FakeResponse response = new FakeResponse();
    AtomicReference<jakarta.servlet.AsyncContext> async = new AtomicReference<>();
    AtomicReference<jakarta.servlet.http.HttpServletRequest> wrapped = new AtomicReference<>();
    manager.doFilter(request, response, (req, res) -> {
      wrapped.set((jakarta.servlet.http.HttpServletRequest) req);
      async.set(req.startAsync());
      assertSame(res, async.get().getResponse(), "async writes still go through the session's response");
    });
    assertEquals(0, store.writes.get(), "the request is still running");
    assertNotNull(request.getAttribute(RequestSessions.class.getName()), "its session state is kept meanwhile");
    wrapped.get().getSession().setAttribute("result", "done"); // later, on another thread
    async.get().complete();
    assertEquals(1, store.writes.get());
    assertEquals(1, response.sentHeaders("Set-Cookie").size(), "set before the container completed the response");
    assertNull(request.getAttribute(RequestSessions.class.getName()));
  }

  /**
   * Runs a slow request of the session {@code cookie} names: it reads the session, waits while a fast request of
   * the same session runs {@code fast} from start to end, then runs {@code slowRest} and ends.
   *
   * @return the slow request's response
   */
  private FakeResponse slowRequestAround(String cookie, Browser.Handler slowRest, Browser.Handler fast)
      throws Exception {
    SessionManager manager = new SessionManager(TestSettings.defaults(), store, SessionListeners.none(), SessionMetrics.NONE, clock);
    java.util.concurrent.CountDownLatch slowHasRead = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch fastHasEnded = new java.util.concurrent.CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<FakeResponse> slowResponse = new AtomicReference<>();
    Thread slow = new Thread(() -> {
      try {
        Browser browser = new Browser(manager::doFilter);
        browser.cookie("session", cookie);
        slowResponse.set(browser.send((request, response) -> {
          assertNotNull(request.getSession(false), "the slow request finds the session");
          slowHasRead.countDown();
          try {
            assertTrue(fastHasEnded.await(10, java.util.concurrent.TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          slowRest.handle(request, response);
        }));
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    slow.start();
    assertTrue(slowHasRead.await(10, java.util.concurrent.TimeUnit.SECONDS));
    Browser other = new Browser(manager::doFilter);
    other.cookie("session", cookie);
    other.send(fast);
    fastHasEnded.countDown();
    slow.join(10_000);
    assertNull(failure.get());
    return slowResponse.get();
  }

  /** Two requests on one session read the same state and change different attributes: both changes are kept. */
  @Test
  void concurrentRequestsOnOneSessionKeepEachOthersChanges() throws Exception {
    browser.send(set("shared", "initial"));
    slowRequestAround(sessionCookie(),
        (request, response) -> request.getSession().setAttribute("first", 1),
        (request, response) -> request.getSession().setAttribute("second", 2));
    assertEquals(Map.of("first", 1, "second", 2, "shared", "initial"), stored(storedId()));
  }

  @Test
  void ofTwoConcurrentChangesOfOneAttributeTheLastWrittenWins() throws Exception {
    browser.send(set("cart", "empty"));
    slowRequestAround(sessionCookie(),
        (request, response) -> request.getSession().setAttribute("cart", "slow"),
        (request, response) -> request.getSession().setAttribute("cart", "fast"));
    assertEquals(Map.of("cart", "slow"), stored(storedId()));
  }

  /** A logout while a slower request of the session runs: the slow request never brings the session back. */
  @Test
  void aSessionInvalidatedDuringASlowerRequestStaysGone() throws Exception {
    browser.send(set("user", "ann"));
    FakeResponse slow = slowRequestAround(sessionCookie(),
        (request, response) -> request.getSession().setAttribute("cart", "book"),
        (request, response) -> request.getSession().invalidate());
    assertEquals(Map.of(), store.entries());
    assertEquals(List.of(), slow.sentHeaders("Set-Cookie"), "the slow response leaves the browser's cookie alone");
  }

  /** Also when the slower request only read the session, and its refresh write falls due. */
  @Test
  void aSessionInvalidatedDuringASlowerReadOnlyRequestStaysGone() throws Exception {
    browser.send(set("user", "ann"));
    clock.advance(Duration.ofMinutes(5)); // the next request that reads the session refreshes it
    slowRequestAround(sessionCookie(),
        (request, response) -> request.getSession().getAttribute("user"),
        (request, response) -> request.getSession().invalidate());
    assertEquals(Map.of(), store.entries());
  }

  /** A login's new id while a slower request of the session runs: the old id never comes back. */
  @Test
  void theOldIdOfASessionRenewedDuringASlowerRequestStaysGone() throws Exception {
    browser.send(set("user", "anonymous"));
    String oldId = storedId();
    AtomicReference<String> newId = new AtomicReference<>();
    slowRequestAround(sessionCookie(),
        (request, response) -> request.getSession().setAttribute("cart", "book"),
        (request, response) -> {
          request.getSession().setAttribute("user", "ann");
          newId.set(request.changeSessionId());
        });
    assertEquals(java.util.Set.of(newId.get()), store.entries().keySet(), "only the new id is stored");
    assertNotEquals(oldId, newId.get());
    assertEquals(Map.of("user", "ann"), stored(newId.get()));
  }

  @Test
  void aValueThatWouldPassTheMaximumSessionSizeIsRefusedAtSetAttribute() throws Exception {
    browser = browser(TestSettings.builder().with(Setting.SESSION_MAX_SIZE, 2048).build());
    browser.send(set("note", "a".repeat(1000)));
    browser.send((request, response) -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> request.getSession().setAttribute("upload", "b".repeat(1500)));
      assertTrue(e.getMessage().startsWith("Session attribute 'upload' cannot be stored: its 150"), e.getMessage());
      assertTrue(e.getMessage().contains("over SESSION_MAX_SIZE (2048 bytes)"), e.getMessage());
      request.getSession().setAttribute("small", "c");
    });
    assertEquals(Map.of("note", "a".repeat(1000), "small", "c"), stored(storedId()), "the session is unchanged"
        + " but for the value that fits");
  }

  @Test
  void anObjectGrownInPlacePastTheMaximumSizeKeepsItsStoredValue() throws Exception {
    browser = browser(TestSettings.builder().with(Setting.SESSION_MAX_SIZE, 2048).build());
    browser.send(set("cart", new java.util.ArrayList<>(List.of("book"))));
    browser.send((request, response) -> {
      @SuppressWarnings("unchecked")
      List<String> cart = (List<String>) request.getSession().getAttribute("cart");
      cart.add("x".repeat(3000));
      request.getSession().setAttribute("seen", "page 2");
    });
    assertEquals(Map.of("cart", List.of("book"), "seen", "page 2"), stored(storedId()));
  }

  @Test
  void aListReadFromTheSessionCanBeChangedInPlaceAndTheChangeIsStored() throws Exception {
    browser.send(set("cart", new java.util.ArrayList<>(List.of("book"))));
    browser.send((request, response) -> {
      @SuppressWarnings("unchecked")
      List<String> cart = (List<String>) request.getSession().getAttribute("cart");
      cart.add("pen");
      assertSame(cart, request.getSession().getAttribute("cart"), "the same object, as a container's session");
    });
    assertEquals(List.of("book", "pen"), stored(storedId()).get("cart"));

    java.util.Map<String, Object> later = new java.util.HashMap<>();
    browser.send((request, response) -> {
      request.getSession().setAttribute("later", later);
      later.put("set after setAttribute", true); // still this request: stored at its end
    });
    assertEquals(Map.of("set after setAttribute", true), stored(storedId()).get("later"));
  }

  @Test
  void readingAMutableValueWithoutChangingItWritesNothing() throws Exception {
    browser.send(set("cart", new java.util.ArrayList<>(List.of("book"))));
    store.resetCounts();
    assertEquals("[book]", browser.send(print("cart")).body());
    assertEquals(0, store.writes.get(), "unchanged: no write");
    assertEquals(1, store.reads.get());
  }

  @Test
  void aValueThatCannotBeStoredFailsAtSetAttributeAndLeavesTheSessionAsItWas() throws Exception {
    browser.send(set("user", "ann"));
    browser.send((request, response) -> {
      HttpSession session = request.getSession();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> session.setAttribute("user", new Object()));
      assertTrue(e.getMessage().startsWith("session attribute 'user' holds a java.lang.Object, which cannot be"
          + " stored"), e.getMessage());
      assertEquals("ann", session.getAttribute("user"));
    });
    assertEquals(Map.of("user", "ann"), stored(storedId()));
  }

  @Test
  void anAttributeThatNoLongerFitsIsDroppedWithOneLogLineAndTheRestIsKept() throws Exception {
    // A record of a type this application does not declare, as a deploy that removed the type leaves it.
    SessionSettings settings = TestSettings.defaults();
    SigningKeys keys = new SigningKeys(settings.secretKey(), settings.secretKeyFallbacks());
    browser.send(set("user", "ann"));
    String id = storedId();
    SessionCodec codec = new SessionCodec(keys);
    SessionData data = codec.decode(id, SessionRecord.parse(store.entries().get(id).data(), 0));
    Map<String, byte[]> attributes = new LinkedHashMap<>(data.attributes());
    attributes.put("cart", new byte[] {51, 32, 'c', 'o', 'm', '.', 'a', 'c', 'm', 'e', '.', 'O', 'l', 'd', 'C', 'a',
        'r', 't', 0}); // a RECORD of com.acme.OldCart with no components
    store.entries().put(id, new dev.sessionconfig.runtime.testing.MemoryStore.Entry(codec.encode(id,
        new SessionData(data.created(), data.lastAccessed(), 0, null, attributes)).toBytes(),
        store.entries().get(id).expiresAt()));
    java.util.List<java.util.logging.LogRecord> logs = new java.util.ArrayList<>();
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.sessionconfig.session");
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        logs.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      assertEquals("no value set", browser.send(print("cart")).body());
      assertEquals("ann", browser.send(print("user")).body());
    } finally {
      logger.removeHandler(capture);
    }
    assertEquals(1, logs.size());
    assertEquals("Session attribute 'cart' no longer fits the deployed code: com.acme.OldCart is not a session type"
        + " this application declares (any more); dropped it, the rest of the session is kept", logs.get(0).getMessage());
    assertEquals(Map.of("user", "ann"), stored(id), "the dropped attribute is gone from the store too");
  }
}
