package dev.sessionconfig.runtime.values;

import dev.sessionconfig.StoredTypes;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The session values one application may store, and their stored form. Built once per application from its
 * settings (SESSION_ATTRIBUTE_TYPES, SESSION_SERIALIZATION_ALLOW). <b>Internal</b>: the session runtime uses it;
 * it is public only for that package.
 */
public final class SessionValues {
  /** Classes an array may hold without being declared, besides the JDK's value classes. */
  private static final List<Class<?>> ARRAY_CLASSES = List.of(Object.class, Number.class, byte[].class,
      int[].class, long[].class, double[].class, float[].class, short[].class, char[].class, boolean[].class);

  private final Map<Class<?>, ValueCodec<?>> codecsByType = new HashMap<>();
  private final Map<String, ValueCodec<?>> codecsByName = new HashMap<>();
  private final Map<String, Class<?>> classesByName = new HashMap<>();
  private final SerializationAllowList allowList;

  private SessionValues(AttributeTypes declared, List<String> serializationAllow) {
    for (String name : StoredTypes.JDK_ENUMS) {
      register(jdkEnum(jdkClass(name)));
    }
    for (ValueCodec<?> codec : declared.codecs()) {
      register(codec);
    }
    for (String name : StoredTypes.VALUE_CLASSES) {
      classesByName.put(name, jdkClass(name));
    }
    for (Class<?> type : ARRAY_CLASSES) {
      classesByName.put(type.getName(), type);
    }
    Set<String> serializable = new HashSet<>();
    for (Class<? extends Serializable> type : declared.serializable()) {
      serializable.add(type.getName());
      classesByName.put(type.getName(), type);
    }
    this.allowList = new SerializationAllowList(serializationAllow, serializable);
  }

  /**
   * @param declared the application's records, enums and {@code Serializable} classes
   * @param serializationAllow the patterns of SESSION_SERIALIZATION_ALLOW, already checked
   */
  public static SessionValues of(AttributeTypes declared, List<String> serializationAllow) {
    return new SessionValues(declared, serializationAllow);
  }

  /**
   * The stored form of one attribute's value.
   *
   * @throws IllegalArgumentException naming the attribute, the class and the setting to add it to, when the value
   *     (or anything inside it) cannot be stored and read back exactly
   */
  public byte[] encode(String attribute, Object value) {
    ValueWriter writer = new ValueWriter(this, attribute);
    writer.write(value);
    return writer.toByteArray();
  }

  /**
   * The value {@link #encode} stored.
   *
   * @throws IncompatibleValueException when it no longer fits the deployed code, or is damaged; the message names
   *     the classes involved, never a value
   */
  public Object decode(byte[] stored) throws IncompatibleValueException {
    try {
      return new Decoder(this, stored).readAll();
    } catch (CorruptValueException e) {
      throw new IncompatibleValueException("the stored value is damaged (" + e.getMessage() + ")");
    }
  }

  /**
   * Whether a value can never change after it is stored: then the session need not look for changes made to it
   * in place. Strings, boxed numbers, enums and the JDK's immutable value classes.
   */
  public static boolean isImmutable(Object value) {
    return value == null || value instanceof String || value instanceof Boolean || value instanceof Number
        && (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
            || value instanceof Short || value instanceof Byte || value.getClass() == BigDecimal.class
            || value.getClass() == BigInteger.class)
        || value instanceof Character || value instanceof Enum || value instanceof UUID || value instanceof Locale
        || value instanceof URI || value instanceof ZoneId || value instanceof java.time.temporal.TemporalAccessor
            && value.getClass().getName().startsWith("java.time.")
        || value instanceof Duration || value instanceof Period;
  }

  /** A class of the JDK's own, by name: a fixed list, loaded by the platform's loader. */
  @SuppressWarnings("unchecked")
  private static <T> Class<T> jdkClass(String name) {
    try {
      return (Class<T>) Class.forName(name, false, null);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name + " is part of every Java platform", e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ValueCodec<?> jdkEnum(Class<?> type) {
    return new JdkEnumCodec(type);
  }

  private void register(ValueCodec<?> codec) {
    codecsByType.put(codec.type(), codec);
    codecsByName.put(codec.type().getName(), codec);
    classesByName.put(codec.type().getName(), codec.type());
  }

  ValueCodec<?> codecFor(Class<?> type) {
    return codecsByType.get(type);
  }

  ValueCodec<?> codecNamed(String name) {
    return codecsByName.get(name);
  }

  /** A class an array may hold, by binary name: built in or declared; {@code null} for any other. */
  Class<?> classNamed(String name) {
    return classesByName.get(name);
  }

  SerializationAllowList allowList() {
    return allowList;
  }

  /** The JDK's plain enums, by constant name. */
  private static final class JdkEnumCodec<E extends Enum<E>> implements ValueCodec<E> {
    private final Class<E> type;

    JdkEnumCodec(Class<E> type) {
      this.type = type;
    }

    @Override
    public Class<E> type() {
      return type;
    }

    @Override
    public void write(E value, ValueWriter out) {
      out.constant(value.name());
    }

    @Override
    public E read(ValueReader in) throws IncompatibleValueException {
      try {
        return Enum.valueOf(type, in.constant());
      } catch (IllegalArgumentException e) {
        throw in.noSuchConstant();
      }
    }
  }
}
