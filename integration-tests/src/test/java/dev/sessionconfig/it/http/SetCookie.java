package dev.sessionconfig.it.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One parsed {@code Set-Cookie} header: name, value and attributes (names lower-cased; flags map to ""). */
public final class SetCookie {
  private final String header;
  private final String name;
  private final String value;
  private final Map<String, String> attributes;

  private SetCookie(String header, String name, String value, Map<String, String> attributes) {
    this.header = header;
    this.name = name;
    this.value = value;
    this.attributes = attributes;
  }

  public static SetCookie parse(String header) {
    String[] parts = header.split(";");
    String pair = parts[0].trim();
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("not a Set-Cookie header: " + header);
    }
    String value = pair.substring(eq + 1).trim();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].trim();
      if (attribute.isEmpty()) {
        continue;
      }
      int sep = attribute.indexOf('=');
      String key = (sep < 0 ? attribute : attribute.substring(0, sep)).trim().toLowerCase(Locale.ROOT);
      attributes.put(key, sep < 0 ? "" : attribute.substring(sep + 1).trim());
    }
    return new SetCookie(header, pair.substring(0, eq).trim(), value, attributes);
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  /** Whether the attribute (e.g. {@code HttpOnly}) is present, ignoring case. */
  public boolean has(String attribute) {
    return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
  }

  /** The attribute's value (e.g. {@code SameSite} → {@code Lax}), ignoring the name's case. */
  public Optional<String> attribute(String attribute) {
    return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT)));
  }

  /** Whether this header tells the browser to drop the cookie now (Max-Age ≤ 0, or an Expires in the past). */
  public boolean deletes() {
    Optional<String> maxAge = attribute("Max-Age");
    if (maxAge.isPresent()) {
      return Long.parseLong(maxAge.get()) <= 0;
    }
    return attribute("Expires").map(SetCookie::inThePast).orElse(false);
  }

  private static boolean inThePast(String expires) {
    try {
      return java.time.ZonedDateTime.parse(expires, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant().isBefore(java.time.Instant.now());
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** The header as the server sent it. */
  @Override
  public String toString() {
    return header;
  }
}
