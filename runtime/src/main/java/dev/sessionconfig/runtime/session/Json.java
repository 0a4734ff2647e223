package dev.sessionconfig.runtime.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the values {@link AttributeValues} allows, and nothing else: a parser that can only ever produce
 * strings, numbers, booleans, nulls, lists and maps cannot be tricked into instantiating a class. Written by
 * hand because the runtime has no dependencies.
 */
final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** {@code value} (already checked by {@link AttributeValues}) as JSON text. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /**
   * The value {@code text} holds: integers as {@code Integer} when they fit, else {@code Long}; other numbers
   * as {@code Double}; objects and arrays as unmodifiable {@code Map}s and {@code List}s.
   */
  static Object parse(String text) throws UnreadableSessionException {
    Json parser = new Json(text);
    Object value = parser.value(0);
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the value");
    }
    return value;
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null || value instanceof Boolean || value instanceof Number) {
      out.append(value);
    } else if (value instanceof String) {
      writeString((String) value, out);
    } else if (value instanceof List) {
      out.append('[');
      String separator = "";
      for (Object item : (List<?>) value) {
        out.append(separator);
        write(item, out);
        separator = ",";
      }
      out.append(']');
    } else if (value instanceof Map) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.append(separator);
        writeString((String) entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        // Surrogates are escaped one by one so that a lone one (legal in a Java string, not in UTF-8)
        // survives the trip through UTF-8 bytes unchanged.
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private Object value(int depth) throws UnreadableSessionException {
    if (depth > AttributeValues.MAX_DEPTH + 2) {
      throw error("nested too deeply");
    }
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private Map<String, Object> object(int depth) throws UnreadableSessionException {
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      if (map.containsKey(key)) {
        throw error("duplicate member name");
      }
      map.put(key, value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return Collections.unmodifiableMap(map);
      }
    }
  }

  private List<Object> array(int depth) throws UnreadableSessionException {
    pos++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      list.add(value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return Collections.unmodifiableList(list);
      }
    }
  }

  private String string() throws UnreadableSessionException {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unterminated escape");
      }
      char escaped = text.charAt(pos++);
      switch (escaped) {
        case '"': case '\\': case '/':
          out.append(escaped);
          break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u':
          out.append(hexChar());
          break;
        default:
          throw error("unknown escape");
      }
    }
  }

  private char hexChar() throws UnreadableSessionException {
    if (pos + 4 > text.length()) {
      throw error("short \\u escape");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos++), 16);
      if (digit < 0) {
        throw error("bad \\u escape");
      }
      code = code * 16 + digit;
    }
    return (char) code;
  }

  private Object number() throws UnreadableSessionException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int integerStart = pos;
    digits();
    if (pos == integerStart || (text.charAt(integerStart) == '0' && pos - integerStart > 1)) {
      throw error("bad number");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      pos++;
      requireDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      requireDigits();
    }
    String number = text.substring(start, pos);
    try {
      if (integral) {
        long value = Long.parseLong(number);
        // Not a ?: expression: that would promote the Integer to long and box it as a Long again.
        if (value == (int) value) {
          return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
      }
      double value = Double.parseDouble(number);
      if (!Double.isFinite(value)) {
        throw error("number out of range");
      }
      return value;
    } catch (NumberFormatException e) {
      throw error("number out of range");
    }
  }

  private void requireDigits() throws UnreadableSessionException {
    int start = pos;
    digits();
    if (pos == start) {
      throw error("bad number");
    }
  }

  private void digits() {
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
  }

  private Object literal(String word, Object value) throws UnreadableSessionException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected character");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) throws UnreadableSessionException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** The next character, or 0 at the end (0 is never valid there, so callers need no separate check). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private UnreadableSessionException error(String what) {
    // The position, never the text: session data may hold personal data that must not reach a log.
    return new UnreadableSessionException("malformed JSON at character " + pos + ": " + what);
  }
}
