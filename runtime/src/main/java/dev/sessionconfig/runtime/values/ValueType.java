package dev.sessionconfig.runtime.values;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The declared type of a record component, generics included, which a value read from the store must still have:
 * a component declared {@code List<Instant>} that now holds strings (the record changed between deploys) is
 * incompatible, and its attribute is dropped rather than handed to the application to fail later. Generated
 * codecs build these once per component.
 */
public abstract class ValueType {
  /** Any value: a type variable, {@code Object}, an interface checked when the value was stored. */
  public static final ValueType ANY = new ValueType() {
    @Override
    boolean accepts(Object value) {
      return true;
    }

    @Override
    public String toString() {
      return "Object";
    }
  };

  private ValueType() {}

  /** A value of {@code type}; a primitive type also gives the zero a component gets when it is absent. */
  public static ValueType of(Class<?> type) {
    return new Plain(type);
  }

  /** A {@code raw} collection ({@code List}, {@code Set}, {@code SortedSet}, {@code EnumSet}...) of {@code element}s. */
  public static ValueType collection(Class<?> raw, ValueType element) {
    return new CollectionOf(raw, element);
  }

  /** A {@code raw} map ({@code Map}, {@code SortedMap}...) from {@code key}s to {@code value}s. */
  public static ValueType map(Class<?> raw, ValueType key, ValueType value) {
    return new MapOf(raw, key, value);
  }

  /** An {@code Optional} of {@code content}. */
  public static ValueType optional(ValueType content) {
    return new OptionalOf(content);
  }

  /** Whether {@code value} (never a primitive: those come boxed) is of this type, deeply. */
  abstract boolean accepts(Object value);

  /** The value of an absent component: zero (or false) for a primitive, else null. */
  Object absent() {
    return null;
  }

  private static final class Plain extends ValueType {
    private final Class<?> type;

    Plain(Class<?> type) {
      this.type = type;
    }

    @Override
    boolean accepts(Object value) {
      return value == null ? !type.isPrimitive() : box(type).isInstance(value);
    }

    @Override
    Object absent() {
      if (type == boolean.class) {
        return false;
      }
      if (type == char.class) {
        return '\0';
      }
      if (type == byte.class) {
        return (byte) 0;
      }
      if (type == short.class) {
        return (short) 0;
      }
      if (type == int.class) {
        return 0;
      }
      if (type == long.class) {
        return 0L;
      }
      if (type == float.class) {
        return 0f;
      }
      if (type == double.class) {
        return 0d;
      }
      return null;
    }

    @Override
    public String toString() {
      return type.getTypeName();
    }
  }

  private static final class CollectionOf extends ValueType {
    private final Class<?> raw;
    private final ValueType element;

    CollectionOf(Class<?> raw, ValueType element) {
      this.raw = raw;
      this.element = element;
    }

    @Override
    boolean accepts(Object value) {
      if (value == null) {
        return true;
      }
      if (!raw.isInstance(value)) {
        return false;
      }
      for (Object item : (Collection<?>) value) {
        if (!element.accepts(item)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return raw.getSimpleName() + "<" + element + ">";
    }
  }

  private static final class MapOf extends ValueType {
    private final Class<?> raw;
    private final ValueType key;
    private final ValueType value;

    MapOf(Class<?> raw, ValueType key, ValueType value) {
      this.raw = raw;
      this.key = key;
      this.value = value;
    }

    @Override
    boolean accepts(Object map) {
      if (map == null) {
        return true;
      }
      if (!raw.isInstance(map)) {
        return false;
      }
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
        if (!key.accepts(entry.getKey()) || !value.accepts(entry.getValue())) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return raw.getSimpleName() + "<" + key + ", " + value + ">";
    }
  }

  private static final class OptionalOf extends ValueType {
    private final ValueType content;

    OptionalOf(ValueType content) {
      this.content = content;
    }

    @Override
    boolean accepts(Object value) {
      return value == null || value instanceof Optional && ((Optional<?>) value).map(content::accepts).orElse(true);
    }

    @Override
    public String toString() {
      return "Optional<" + content + ">";
    }
  }

  static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == char.class) {
      return Character.class;
    }
    if (type == byte.class) {
      return Byte.class;
    }
    if (type == short.class) {
      return Short.class;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == float.class) {
      return Float.class;
    }
    return Double.class;
  }
}
