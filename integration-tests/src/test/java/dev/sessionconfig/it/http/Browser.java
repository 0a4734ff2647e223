package dev.sessionconfig.it.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A client with a cookie jar of its own, kept by hand (no {@code CookieHandler}), so tests see every Set-Cookie
 * as sent and can forge, tamper with, or replay cookies. One host at a time: point it at another with
 * {@link #at(URI)} and it carries its cookies along (the two-instances test).
 */
public final class Browser {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private URI base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(URI base) {
    this.base = base;
  }

  /** Sends the next requests to {@code newBase}, with the same cookies. */
  public Browser at(URI newBase) {
    this.base = newBase;
    return this;
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), "GET " + path);
  }

  /** A POST of an {@code application/x-www-form-urlencoded} form: {@code post("/set", "value", "42")}. */
  public Reply post(String path, String... form) {
    StringJoiner body = new StringJoiner("&");
    for (int i = 0; i < form.length; i += 2) {
      body.add(URLEncoder.encode(form[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST " + path);
  }

  /** The cookie's current value in the jar. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** Puts a cookie into the jar, replacing any of that name: a forged or replayed one. */
  public Browser setCookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  public Browser clearCookies() {
    cookies.clear();
    return this;
  }

  private Reply send(HttpRequest.Builder request, String description) {
    request.timeout(Duration.ofSeconds(20));
    if (!cookies.isEmpty()) {
      StringJoiner header = new StringJoiner("; ");
      cookies.forEach((name, value) -> header.add(name + "=" + value));
      request.header("Cookie", header.toString());
    }
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(description + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(description + " interrupted", e);
    }
    Reply reply = new Reply(description, response.statusCode(), response.body(), response.headers());
    for (SetCookie setCookie : reply.setCookies()) {
      if (setCookie.deletes()) {
        cookies.remove(setCookie.name());
      } else {
        cookies.put(setCookie.name(), setCookie.value());
      }
    }
    return reply;
  }
}
