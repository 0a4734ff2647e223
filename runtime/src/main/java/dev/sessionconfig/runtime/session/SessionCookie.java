package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.SessionSettings;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The session cookie's {@code Set-Cookie} header, written by hand because {@code jakarta.servlet.http.Cookie}
 * cannot express SameSite or Partitioned in every container. Attributes come from the settings: Path, Domain,
 * Max-Age (and Expires, for old clients) for a permanent session, Secure, HttpOnly, SameSite, Partitioned.
 */
final class SessionCookie {
  private static final DateTimeFormatter EXPIRES =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final String name;
  /** Everything after the value that is the same for every cookie of this application. */
  private final String attributes;

  SessionCookie(SessionSettings settings) {
    this.name = settings.cookieName();
    StringBuilder text = new StringBuilder("; Path=").append(settings.cookiePath());
    settings.cookieDomain().ifPresent(domain -> text.append("; Domain=").append(domain));
    if (settings.cookieSecure()) {
      text.append("; Secure");
    }
    if (settings.cookieHttpOnly()) {
      text.append("; HttpOnly");
    }
    text.append("; SameSite=").append(sameSite(settings.cookieSameSite()));
    if (settings.cookiePartitioned()) {
      text.append("; Partitioned");
    }
    this.attributes = text.toString();
  }

  /** The values of every cookie with the session cookie's name (a client may send several). */
  List<String> values(HttpServletRequest request) {
    List<String> values = new ArrayList<>();
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (name.equals(cookie.getName())) {
          values.add(cookie.getValue());
        }
      }
    }
    return values;
  }

  /** A cookie the browser drops when it closes. */
  String sessionCookie(String value) {
    return name + "=" + value + attributes;
  }

  /** A cookie that lives until {@code expiresAt} (epoch millis), {@code now} being the current time. */
  String persistentCookie(String value, long expiresAt, long now) {
    long maxAge = Math.max(0, (expiresAt - now) / 1000);
    return name + "=" + value + "; Max-Age=" + maxAge + "; Expires="
        + EXPIRES.format(Instant.ofEpochMilli(now).plusSeconds(maxAge)) + attributes;
  }

  /** A cookie that makes the browser forget the session cookie at once. */
  String expiredCookie() {
    return name + "=; Max-Age=0; Expires=" + EXPIRES.format(Instant.EPOCH) + attributes;
  }

  /** The canonical spelling; the settings accept any case. */
  private static String sameSite(String value) {
    for (String option : new String[] {"Strict", "Lax", "None"}) {
      if (option.equalsIgnoreCase(value.trim())) {
        return option;
      }
    }
    throw new IllegalArgumentException("SESSION_COOKIE_SAMESITE '" + value + "' is not Strict, Lax or None");
  }
}
