package dev.sessionconfig.runtime.values;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The session values one application may store, and their stored form. Built once per application from its
 * settings (SESSION_ATTRIBUTE_TYPES, SESSION_SERIALIZATION_ALLOW). <b>Internal</b>: the session runtime uses it;
 * it is public only for that package.
 */
public final class SessionValues {
  /** Classes an array may hold without being declared: the JDK's own value classes. */
  private static final List<Class<?>> BUILT_IN_CLASSES = List.of(Object.class, String.class, Boolean.class,
      Byte.class, Short.class, Character.class, Integer.class, Long.class, Float.class, Double.class, Number.class,
      BigInteger.class, BigDecimal.class, UUID.class, Instant.class, LocalDate.class, LocalTime.class,
      LocalDateTime.class, OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, Duration.class,
      Period.class, YearMonth.class, Year.class, Locale.class, URI.class, Date.class, ZoneId.class, byte[].class,
      int[].class, long[].class, double[].class, float[].class, short[].class, char[].class, boolean[].class);

  /** The JDK's enums that are plain constants, stored by name like the application's. */
  private static final List<Class<? extends Enum<?>>> JDK_ENUMS =
      List.of(DayOfWeek.class, Month.class, ChronoUnit.class, TimeUnit.class);

  private final Map<Class<?>, ValueCodec<?>> codecsByType = new HashMap<>();
  private final Map<String, ValueCodec<?>> codecsByName = new HashMap<>();
  private final Map<String, Class<?>> classesByName = new HashMap<>();
  private final SerializationAllowList allowList;

  private SessionValues(AttributeTypes declared, List<String> serializationAllow) {
    for (Class<? extends Enum<?>> type : JDK_ENUMS) {
      register(new JdkEnumCodec<>(type));
    }
    for (ValueCodec<?> codec : declared.codecs()) {
      register(codec);
    }
    for (Class<?> type : BUILT_IN_CLASSES) {
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

    @SuppressWarnings("unchecked")
    JdkEnumCodec(Class<? extends Enum<?>> type) {
      this.type = (Class<E>) type;
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
