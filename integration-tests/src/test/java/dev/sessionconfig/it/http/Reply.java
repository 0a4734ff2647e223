package dev.sessionconfig.it.http;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One HTTP response: status, body, headers, and its Set-Cookie headers parsed. */
public final class Reply {
  private final String request;
  private final int status;
  private final String body;
  private final HttpHeaders headers;
  private final List<SetCookie> setCookies;

  Reply(String request, int status, String body, HttpHeaders headers) {
    this.request = request;
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.setCookies = headers.allValues("set-cookie").stream().map(SetCookie::parse).collect(Collectors.toList());
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }

  public HttpHeaders headers() {
    return headers;
  }

  public List<SetCookie> setCookies() {
    return setCookies;
  }

  /** The one Set-Cookie for {@code name}, if the response has one; fails when it has several. */
  public Optional<SetCookie> setCookie(String name) {
    List<SetCookie> matching = setCookies.stream().filter(c -> c.name().equals(name)).collect(Collectors.toList());
    if (matching.size() > 1) {
      throw new AssertionError(request + " set cookie " + name + " " + matching.size() + " times: " + matching);
    }
    return matching.stream().findFirst();
  }

  /** Whether a {@code Vary} header lists {@code Cookie}. */
  public boolean variesOnCookie() {
    return headers.allValues("vary").stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .anyMatch(v -> v.trim().equalsIgnoreCase("cookie") || v.trim().equals("*"));
  }

  /** For assertion messages: the request, status, body and headers. */
  @Override
  public String toString() {
    return request + " -> " + status + " " + body.strip() + " " + headers.map();
  }
}
