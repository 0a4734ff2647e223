package dev.sessionconfig.runtime.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A client with a cookie jar, sending requests through a session filter to a handler. */
public final class Browser {
  /** The filter under test. */
  @FunctionalInterface
  public interface Filter {
    void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException;
  }

  /** The application behind the filter. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
  }

  private final Filter filter;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(Filter filter) {
    this.filter = filter;
  }

  public FakeResponse send(Handler handler) throws IOException, ServletException {
    return send(request(), handler);
  }

  public FakeResponse send(FakeRequest request, Handler handler) throws IOException, ServletException {
    FakeResponse response = new FakeResponse();
    filter.doFilter(request, response, (req, res) -> handler.handle((HttpServletRequest) req, (HttpServletResponse) res));
    response.commit(); // the container commits what is left when the request ends
    for (String header : response.sentHeaders("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      if (header.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, pair.substring(pair.indexOf('=') + 1));
      }
    }
    return response;
  }

  /** A GET with the jar's cookies. */
  public FakeRequest request() {
    List<Cookie> list = new ArrayList<>();
    cookies.forEach((name, value) -> list.add(new Cookie(name, value)));
    return new FakeRequest("GET", "/", list).dispatcherType(DispatcherType.REQUEST);
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  public void cookie(String name, String value) {
    cookies.put(name, value);
  }

  public void clearCookies() {
    cookies.clear();
  }
}
