package dev.sessionconfig.runtime.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionconfig.runtime.testing.Browser;
import dev.sessionconfig.runtime.testing.FakeRequest;
import dev.sessionconfig.runtime.testing.FakeResponse;
import dev.sessionconfig.runtime.testing.MemoryStore;
import dev.sessionconfig.runtime.testing.TestSettings;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionFilterTest {
  private final MemoryStore store = new MemoryStore(Clock.systemUTC());
  private final SessionFilter filter = new SessionFilter(TestSettings.defaults(), store);
  private final Browser browser = new Browser(filter::doFilter);
  private final List<LogRecord> logs = new ArrayList<>();
  private final Logger logger = Logger.getLogger("dev.sessionconfig.session");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logs.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureLogs() {
    logger.addHandler(capture);
  }

  @AfterEach
  void releaseLogs() {
    logger.removeHandler(capture);
  }

  private static final Browser.Handler SET = (request, response) -> {
    request.getSession().setAttribute("value", "42");
    response.getWriter().print("value set");
  };
  private static final Browser.Handler GET = (request, response) ->
      response.getWriter().print(request.getSession().getAttribute("value"));

  @Test
  void aStoreOutageIsA503NamingTheStoreAndTheNextRequestAfterRecoveryWorks() throws Exception {
    browser.send(SET);
    store.down = true;
    FakeResponse failed = browser.send(GET);
    assertEquals(503, failed.getStatus());
    assertEquals(List.of(), failed.sentHeaders("Set-Cookie"));
    assertEquals(1, logs.size());
    String line = logs.get(0).getMessage();
    assertEquals("Session store memory at test:1 failed during GET /: memory at test:1 is not reachable:"
        + " Connection refused; answering 503 Service Unavailable", line);
    assertEquals(null, logs.get(0).getThrown(), "one line, no stack trace");
    assertFalse(line.contains(TestSettings.KEY) || line.contains(browser.cookie("session")));

    assertEquals(503, browser.send(SET).getStatus(), "a write fails the same way");
    assertEquals(200, browser.send((request, response) -> response.getWriter().print("hello")).getStatus(),
        "a request that does not use the session does not notice the outage");

    store.down = false;
    FakeResponse recovered = browser.send(GET);
    assertEquals(200, recovered.getStatus());
    assertEquals("42", recovered.body());
  }

  @Test
  void anOutageWrappedByTheApplicationIsStillA503() throws Exception {
    store.down = true;
    FakeResponse response = browser.send((request, response1) -> {
      try {
        request.getSession().setAttribute("x", 1);
      } catch (RuntimeException e) {
        throw new ServletException("wrapped", e);
      }
    });
    assertEquals(503, response.getStatus());
  }

  @Test
  void unreadableStoredDataIsLoggedAndTreatedAsNoSession() throws Exception {
    browser.send(SET);
    String id = store.entries().keySet().iterator().next();
    store.entries().put(id, new MemoryStore.Entry("rO0ABXNy".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        java.time.Instant.now().plusSeconds(60)));
    FakeResponse response = browser.send(GET);
    assertEquals(200, response.getStatus());
    assertEquals("null", response.body());
    assertEquals(1, logs.size());
    assertEquals(java.util.logging.Level.WARNING, logs.get(0).getLevel());
    assertEquals("Unreadable session data in memory at test:1 (not a session record of a known format); treating it"
        + " as no session, a new one will be started", logs.get(0).getMessage());
    assertFalse(logs.get(0).getMessage().contains(id));
  }

  @Test
  void otherExceptionsPassThroughAndStoreNothing() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> browser.send((request, response) -> {
      request.getSession().setAttribute("half", "done");
      throw new IllegalStateException("application bug");
    }));
    assertEquals("application bug", e.getMessage());
    assertEquals(0, store.writes.get());
  }

  @Test
  void nonHttpRequestsPassThroughUntouched() throws Exception {
    List<ServletRequest> seen = new ArrayList<>();
    ServletRequest plain = new jakarta.servlet.ServletRequestWrapper(new FakeRequest("GET", "/", List.of()));
    ServletResponse plainResponse = new jakarta.servlet.ServletResponseWrapper(new FakeResponse());
    filter.doFilter(plain, plainResponse, (req, res) -> seen.add(req));
    assertEquals(List.of(plain), seen);
  }
}
