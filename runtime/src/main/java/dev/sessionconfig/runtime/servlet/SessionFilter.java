package dev.sessionconfig.runtime.servlet;

import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.session.SessionManager;
import dev.sessionconfig.runtime.store.SessionStore;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every HTTP request a session kept in a {@link SessionStore} instead of the container's memory:
 * {@code request.getSession()}, {@code changeSessionId()}, {@code HttpSession.invalidate()} and the rest of the
 * standard API work unchanged. {@link SessionInterface#install} registers it for {@code /*} on every dispatcher
 * type; register it yourself only when you manage the store's lifecycle yourself (the filter never closes it).
 *
 * <p>Per request: no store call unless the session is used; then one read, and one write only when the
 * session changed or is due a refresh. The cookie carries the id signed with SECRET_KEY; {@code Vary: Cookie}
 * is added to exactly the responses whose request used the session. If the store fails, that request is
 * answered <b>503 Service Unavailable</b> and the failure logged naming the store; later requests work again
 * as soon as the store does.
 */
public final class SessionFilter implements Filter {
  private final SessionManager manager;
  private volatile Runnable onDestroy = () -> {};

  public SessionFilter(SessionSettings settings, SessionStore store) {
    this(settings, store, SessionListeners.none());
  }

  /** With {@code listeners} called for the sessions of every request. */
  public SessionFilter(SessionSettings settings, SessionStore store, SessionListeners listeners) {
    this(settings, store, listeners, SessionMetrics.of(settings.sessionType()));
  }

  /** With the metrics its store's calls are already measured by, so that one set of meters counts both. */
  SessionFilter(SessionSettings settings, SessionStore store, SessionListeners listeners, SessionMetrics metrics) {
    this.manager = new SessionManager(settings, store, listeners, metrics);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest && response instanceof HttpServletResponse) {
      manager.doFilter((HttpServletRequest) request, (HttpServletResponse) response, chain);
    } else {
      chain.doFilter(request, response);
    }
  }

  @Override
  public void destroy() {
    onDestroy.run();
  }

  SessionManager manager() {
    return manager;
  }

  /** What to do when the container takes the filter out of service (see {@link SessionInterface}). */
  void onDestroy(Runnable action) {
    this.onDestroy = action;
  }
}
