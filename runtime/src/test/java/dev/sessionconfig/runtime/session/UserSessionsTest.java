package dev.sessionconfig.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.store.FileSessionStore;
import dev.sessionconfig.runtime.store.TestFileStores;
import dev.sessionconfig.runtime.testing.Browser;
import dev.sessionconfig.runtime.testing.FakeRequest;
import dev.sessionconfig.runtime.testing.MemoryStore;
import dev.sessionconfig.runtime.testing.TestSettings;
import dev.sessionconfig.runtime.users.PrincipalResolver;
import dev.sessionconfig.runtime.users.UserSession;
import dev.sessionconfig.testing.MutableClock;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sessions of each user, on a real file store: listed, ended one or all, marked expired, reported expired. */
class UserSessionsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> destroyed = new ArrayList<>();
  private final SessionListeners listeners = SessionListeners.none();
  @TempDir
  Path dir;
  private FileSessionStore store;
  private SessionManager manager;

  private SessionManager manager() {
    if (manager == null) {
      store = TestFileStores.open(dir, clock);
      listeners.add(new HttpSessionListener() {
        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
          destroyed.add(event.getSession().getId() + " user=" + event.getSession().getAttribute("user"));
        }
      });
      manager = new SessionManager(TestSettings.defaults(), store, listeners, SessionMetrics.NONE, clock);
      manager.reportExpiries(null);
    }
    return manager;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  /** A browser that logs in as {@code user} (the container authenticates it) and returns its session's id. */
  private String login(String user) throws Exception {
    Browser browser = new Browser(manager()::doFilter);
    String[] id = new String[1];
    browser.send(new FakeRequest("POST", "/login", List.of()).user(user), (request, response) -> {
      request.getSession().setAttribute("user", user);
      id[0] = request.getSession().getId();
    });
    return id[0];
  }

  @Test
  void aUsersSessionsAreListedAndEndedOneOrAll() throws Exception {
    String first = login("ann");
    clock.advance(Duration.ofMinutes(1));
    String second = login("ann");
    String other = login("bob");
    List<UserSession> ann = manager().users().of("ann");
    assertEquals(List.of(first, second), ann.stream().map(UserSession::id).toList(), "oldest first");
    assertEquals(List.of("ann", "ann"), ann.stream().map(UserSession::principal).toList());
    assertEquals(clock.instant().plus(Duration.ofDays(31)), ann.get(1).expiresAt());

    assertTrue(manager().users().invalidate(first));
    assertEquals(List.of(first + " user=ann"), destroyed, "its listeners hear it, with its attributes");
    assertEquals(List.of(second), manager().users().of("ann").stream().map(UserSession::id).toList());
    assertEquals(1, manager().users().invalidateAll("ann"));
    assertEquals(List.of(), manager().users().of("ann"));
    assertEquals(Optional.empty(), store.read(second));
    assertEquals(List.of(other), manager().users().of("bob").stream().map(UserSession::id).toList());
    assertFalse(manager().users().invalidate(first), "already gone");
  }

  @Test
  void aSessionThatExpiresLeavesTheIndexAndIsReportedOnce() throws Exception {
    String early = login("ann");
    clock.advance(Duration.ofDays(20));
    String late = login("ann");
    clock.advance(Duration.ofDays(12)); // the first one is past its 31 days
    assertEquals(List.of(late), manager().users().of("ann").stream().map(UserSession::id).toList());
    TestFileStores.sweep(store);
    TestFileStores.sweep(store);
    assertEquals(List.of(early + " user=ann"), destroyed, "reported once, with its attributes");
  }

  @Test
  void aSessionMarkedExpiredSaysSoUntilItsNextRequest() throws Exception {
    String id = login("ann");
    assertTrue(manager().users().markExpired(id));
    assertTrue(manager().users().session(id).orElseThrow().expired());
    assertFalse(manager().users().markExpired("unknown-session-id-unknown-session-id-12345"));
  }

  @Test
  void theApplicationCanNameTheUserItselfOrBringItsOwnResolver() throws Exception {
    Browser browser = new Browser(manager()::doFilter);
    browser.send((request, response) -> request.getSession()
        .setAttribute(PrincipalResolver.PRINCIPAL_NAME_ATTRIBUTE, "carol"));
    assertEquals(1, manager().users().of("carol").size());
    manager().principalResolver((request, session) -> Optional.ofNullable((String) session.getAttribute("user")));
    browser.send((request, response) -> request.getSession().setAttribute("user", "dave"));
    assertEquals(1, manager().users().of("dave").size());
  }

  @Test
  void aStoreWithoutAnIndexSaysSo() {
    SessionManager memcachedLike = new SessionManager(TestSettings.defaults(), new MemoryStore(clock),
        SessionListeners.none(), SessionMetrics.NONE, clock);
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> memcachedLike.users().of("ann"));
    assertEquals("memory at test:1 cannot list the sessions of a user (memcached cannot list its keys): use the"
        + " Redis, JDBC or filesystem store for that", e.getMessage());
  }
}
