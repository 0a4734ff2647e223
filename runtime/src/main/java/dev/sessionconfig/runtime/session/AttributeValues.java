package dev.sessionconfig.runtime.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session attribute may hold: {@code String}, {@code Boolean}, {@code Integer}, {@code Long},
 * {@code Double} (finite), {@code null}, and {@code List}s and {@code Map<String, ?>}s of these. Exactly what
 * JSON can carry back without naming a class, so reading a session never instantiates one.
 *
 * <p>Values are copied into unmodifiable collections when set: a list changed after {@code setAttribute}
 * would otherwise be silently lost (the session would not know it changed), so changing it fails instead and
 * the application calls {@code setAttribute} again.
 */
final class AttributeValues {
  /** Deeper than any real session value; stops a list that contains itself from overflowing the stack. */
  static final int MAX_DEPTH = 64;

  private AttributeValues() {}

  /**
   * An unmodifiable copy of {@code value} for attribute {@code name}.
   *
   * @throws IllegalArgumentException naming the attribute when the value (or something inside it) cannot be stored
   */
  static Object copyOf(String name, Object value) {
    return copy(name, name, value, 0);
  }

  private static Object copy(String name, String path, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("session attribute '" + name + "' is nested more than " + MAX_DEPTH
          + " levels deep (at " + path + "), which cannot be stored; does it contain itself?");
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long) {
      return value;
    }
    if (value instanceof Double) {
      if (!Double.isFinite((Double) value)) {
        throw unstorable(name, path, "non-finite double (" + value + ")");
      }
      return value;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      int index = 0;
      for (Object item : (List<?>) value) {
        copy.add(copy(name, path + "[" + index++ + "]", item, depth + 1));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw unstorable(name, path, "map with a " + typeName(entry.getKey()) + " key");
        }
        String key = (String) entry.getKey();
        copy.put(key, copy(name, path + "." + key, entry.getValue(), depth + 1));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw unstorable(name, path, typeName(value));
  }

  private static IllegalArgumentException unstorable(String name, String path, String what) {
    String where = path.equals(name) ? "" : " (at " + path + ")";
    return new IllegalArgumentException("session attribute '" + name + "' holds a " + what + where
        + ", which cannot be stored: use strings, numbers, booleans, lists or maps");
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
