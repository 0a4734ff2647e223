package com.example.shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as the test needs one: keeps its cookies by hand (so that one client can be sent to either
 * instance), never follows redirects, and reads the CSRF token out of the forms it gets.
 */
final class Client {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final Map<String, String> cookies = new LinkedHashMap<>();

  record Reply(int status, String body, Optional<String> location, List<String> setCookies) {
    String csrfToken() {
      Matcher matcher = CSRF.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("no CSRF token in the page: " + body);
      }
      return matcher.group(1);
    }
  }

  Reply get(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Reply post(URI base, String path, String... form) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < form.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(form[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Logs in through the login form of {@code base}, CSRF token included, as a browser would. */
  Reply logIn(URI base, String user, String password) {
    String token = get(base, "/login").csrfToken();
    return post(base, "/login", "username", user, "password", password, "_csrf", token);
  }

  /** Posts a form of the home page of {@code base}, with the page's CSRF token. */
  Reply postForm(URI base, String path, String... fields) {
    String token = get(base, "/").csrfToken();
    String[] form = java.util.Arrays.copyOf(fields, fields.length + 2);
    form[fields.length] = "_csrf";
    form[fields.length + 1] = token;
    return post(base, path, form);
  }

  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  Client cookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  /** The session id in the session cookie: the part before the signature. */
  String sessionId() {
    String value = cookie("session").orElseThrow(() -> new AssertionError("no session cookie"));
    return value.substring(0, value.lastIndexOf('.'));
  }

  private Reply send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
          .append(value));
      request.header("Cookie", header.toString());
    }
    try {
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      List<String> setCookies = response.headers().allValues("Set-Cookie");
      for (String setCookie : setCookies) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location"),
          setCookies);
    } catch (IOException e) {
      throw new AssertionError(request.build().uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
