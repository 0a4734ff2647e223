package dev.sessionconfig.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.testing.Browser;
import dev.sessionconfig.runtime.testing.MemoryStore;
import dev.sessionconfig.runtime.testing.TestSettings;
import dev.sessionconfig.testing.MutableClock;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session listeners hear what the Servlet specification says they hear, for store-backed sessions. */
class SessionEventsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MemoryStore store = new MemoryStore(clock);
  private final List<String> events = new ArrayList<>();
  private final SessionListeners listeners = SessionListeners.none();
  private final Browser browser;

  /** Hears everything, and records it as "kind name=value". */
  private final class Recorder implements HttpSessionListener, HttpSessionIdListener, HttpSessionAttributeListener {
    @Override
    public void sessionCreated(HttpSessionEvent event) {
      events.add("created");
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
      events.add("destroyed user=" + event.getSession().getAttribute("user"));
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
      events.add("idChanged " + (!oldSessionId.equals(event.getSession().getId())));
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
      events.add("added " + event.getName() + "=" + event.getValue());
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
      events.add("removed " + event.getName() + "=" + event.getValue());
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
      events.add("replaced " + event.getName() + "=" + event.getValue());
    }
  }

  /** A value that listens to its own binding, as Servlet allows. */
  record Tracked(String name) implements HttpSessionBindingListener, Serializable {
    static final List<String> EVENTS = new ArrayList<>();

    @Override
    public void valueBound(HttpSessionBindingEvent event) {
      EVENTS.add("bound " + name);
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
      EVENTS.add("unbound " + name);
    }
  }

  SessionEventsTest() {
    listeners.add(new Recorder());
    browser = new Browser(new SessionManager(TestSettings.builder()
        .with(dev.sessionconfig.Setting.SESSION_SERIALIZATION_ALLOW, List.of(Tracked.class.getName())).build(),
        store, listeners, SessionMetrics.NONE, clock)::doFilter);
  }

  @Test
  void createdAddedReplacedRemovedIdChangedDestroyedInOrder() throws Exception {
    browser.send((request, response) -> request.getSession().setAttribute("user", "ann"));
    browser.send((request, response) -> request.getSession().setAttribute("user", "bob"));
    browser.send((request, response) -> {
      request.changeSessionId();
      request.getSession().setAttribute("cart", "1 book");
      request.getSession().removeAttribute("cart");
    });
    browser.send((request, response) -> request.getSession().invalidate());
    assertEquals(List.of("created", "added user=ann", "replaced user=ann", "idChanged true", "added cart=1 book",
        "removed cart=1 book", "destroyed user=bob", "removed user=bob"), events);
  }

  @Test
  void aSessionCreatedButNeverStoredEndsInTheSameRequestAndAnEmptiedOneEndsWhenDeleted() throws Exception {
    browser.send((request, response) -> request.getSession());
    assertEquals(List.of("created", "destroyed user=null"), events, "a session without data is never stored");
    events.clear();
    browser.send((request, response) -> request.getSession().setAttribute("user", "ann"));
    browser.send((request, response) -> request.getSession().removeAttribute("user"));
    assertEquals(List.of("created", "added user=ann", "removed user=ann", "destroyed user=null"), events);
    assertTrue(store.entries().isEmpty());
  }

  @Test
  void aValueThatListensIsBoundWhenSetAndUnboundWhenReplacedRemovedOrItsSessionEnds() throws Exception {
    Tracked.EVENTS.clear();
    browser.send((request, response) -> request.getSession().setAttribute("a", new Tracked("one")));
    browser.send((request, response) -> request.getSession().setAttribute("a", new Tracked("two")));
    browser.send((request, response) -> request.getSession().setAttribute("b", new Tracked("three")));
    browser.send((request, response) -> request.getSession().removeAttribute("b"));
    browser.send((request, response) -> request.getSession().invalidate());
    assertEquals(List.of("bound one", "bound two", "unbound one", "bound three", "unbound three", "unbound two"),
        Tracked.EVENTS, "values read back from the store (\"one\", \"three\") are unbound too");
  }

  @Test
  void aListenerThatThrowsDoesNotFailTheRequestOrSilenceTheOthers() throws Exception {
    listeners.add(new HttpSessionListener() {
      @Override
      public void sessionCreated(HttpSessionEvent event) {
        throw new IllegalStateException("a faulty listener");
      }
    });
    listeners.add(new HttpSessionListener() {
      @Override
      public void sessionCreated(HttpSessionEvent event) {
        events.add("second listener");
      }
    });
    assertEquals(200, browser.send((request, response) -> {
      HttpSession session = request.getSession();
      session.setAttribute("user", "ann");
    }).getStatus());
    assertEquals(List.of("created", "second listener", "added user=ann"), events);
  }
}
