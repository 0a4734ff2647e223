package dev.sessionconfig.runtime.testing;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request as a container would pass it to a filter; its own session methods must never be reached. */
public final class FakeRequest extends HttpServletRequestWrapper {
  private final String method;
  private final String uri;
  private final List<Cookie> cookies;
  private final Map<String, Object> attributes = Collections.synchronizedMap(new LinkedHashMap<>());
  private DispatcherType dispatcherType = DispatcherType.REQUEST;
  private java.security.Principal user;

  public FakeRequest(String method, String uri, List<Cookie> cookies) {
    super(Unsupported.of(HttpServletRequest.class));
    this.method = method;
    this.uri = uri;
    this.cookies = List.copyOf(cookies);
  }

  public FakeRequest dispatcherType(DispatcherType type) {
    this.dispatcherType = type;
    return this;
  }

  /** The user the container authenticated, as {@code getUserPrincipal()} returns it; none by default. */
  public FakeRequest user(String name) {
    this.user = () -> name;
    return this;
  }

  @Override
  public java.security.Principal getUserPrincipal() {
    return user;
  }

  @Override
  public Cookie[] getCookies() {
    return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getRequestURI() {
    return uri;
  }

  @Override
  public DispatcherType getDispatcherType() {
    return dispatcherType;
  }

  private FakeAsyncContext async;

  /** The async cycle a handler started, as the container's AsyncContext. */
  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    async = new FakeAsyncContext(request, response);
    return async;
  }

  @Override
  public AsyncContext getAsyncContext() {
    if (async == null) {
      throw new IllegalStateException("not async");
    }
    return async;
  }

  @Override
  public boolean isAsyncStarted() {
    return async != null && !async.completed;
  }

  @Override
  public ServletContext getServletContext() {
    return null;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(List.copyOf(attributes.keySet()));
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  @Override
  public HttpSession getSession(boolean create) {
    throw new AssertionError("the container's own session was used");
  }

  @Override
  public HttpSession getSession() {
    throw new AssertionError("the container's own session was used");
  }

  @Override
  public String changeSessionId() {
    throw new AssertionError("the container's own session was used");
  }
}
