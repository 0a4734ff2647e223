package dev.sessionconfig.runtime.session;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The request the application sees: every session method is answered from the store through
 * {@link RequestSessions}, never by the container's own session manager.
 */
final class SessionRequest extends HttpServletRequestWrapper {
  private final RequestSessions sessions;
  private final HttpServletResponse response;

  SessionRequest(HttpServletRequest request, HttpServletResponse response, RequestSessions sessions) {
    super(request);
    this.sessions = sessions;
    this.response = response;
  }

  @Override
  public HttpSession getSession() {
    return sessions.getSession(true);
  }

  @Override
  public HttpSession getSession(boolean create) {
    return sessions.getSession(create);
  }

  @Override
  public String changeSessionId() {
    return sessions.changeSessionId();
  }

  @Override
  public String getRequestedSessionId() {
    return sessions.requestedSessionId();
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    return sessions.requestedSessionIdValid();
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    return getRequestedSessionId() != null;
  }

  @Override
  public boolean isRequestedSessionIdFromURL() {
    return false; // ids in URLs leak through logs and Referer headers; only the cookie is read
  }

  /** Keeps this request and its response in the async cycle, so that writes there still commit the session. */
  @Override
  public AsyncContext startAsync() {
    return new SessionAsyncContext(super.startAsync(this, response), sessions);
  }

  @Override
  public AsyncContext getAsyncContext() {
    AsyncContext context = super.getAsyncContext();
    return context == null ? null : new SessionAsyncContext(context, sessions);
  }
}
