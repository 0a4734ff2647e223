package dev.sessionconfig.runtime.values;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Writes one attribute value in the stored format. Generated codecs call {@link #component} for each component of
 * a record and {@link #constant} for an enum; everything else is written here, and anything that cannot be read
 * back exactly is refused with an {@link IllegalArgumentException} naming the attribute, where in the value the
 * problem is, the class, and the setting that would admit it.
 */
public final class ValueWriter {
  /** Deeper than any real session value; stops a value that contains itself. */
  static final int MAX_DEPTH = 64;

  private final SessionValues values;
  private final String attribute;
  private final Bytes out = new Bytes();
  private final Map<String, Integer> names = new HashMap<>();
  /** Where in the attribute the writer is: component names and indices, rendered only for a message. */
  private final List<Object> path = new ArrayList<>();

  ValueWriter(SessionValues values, String attribute) {
    this.values = values;
    this.attribute = attribute;
  }

  /** Writes a record component: its name, then its value. */
  public void component(String name, Object value) {
    name(name);
    path.add("." + name);
    write(value);
    path.remove(path.size() - 1);
  }

  /** Writes an enum value: its constant's name. */
  public void constant(String name) {
    name(name);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  void write(Object value) {
    if (path.size() > MAX_DEPTH) {
      throw new IllegalArgumentException("session attribute '" + attribute + "' is nested more than " + MAX_DEPTH
          + " levels deep (at " + where() + "), which cannot be stored; does it contain itself?");
    }
    if (value == null) {
      out.write(Tag.NULL);
    } else if (value instanceof String) {
      out.write(Tag.STRING);
      out.text((String) value);
    } else if (value instanceof Boolean) {
      out.write((Boolean) value ? Tag.TRUE : Tag.FALSE);
    } else if (value instanceof Integer) {
      out.write(Tag.INT);
      out.signed((Integer) value);
    } else if (value instanceof Long) {
      out.write(Tag.LONG);
      out.signed((Long) value);
    } else if (value instanceof Double) {
      out.write(Tag.DOUBLE);
      out.fixed64(Double.doubleToRawLongBits((Double) value));
    } else if (!scalar(value) && !arrays(value) && !jdkValue(value) && !declared(value) && !containers(value)
        && !serialized(value)) {
      throw unstorable(value);
    }
  }

  private boolean scalar(Object value) {
    if (value instanceof Float) {
      out.write(Tag.FLOAT);
      out.unsigned(Float.floatToRawIntBits((Float) value) & 0xFFFFFFFFL);
    } else if (value instanceof Short) {
      out.write(Tag.SHORT);
      out.signed((Short) value);
    } else if (value instanceof Byte) {
      out.write(Tag.BYTE);
      out.write((Byte) value);
    } else if (value instanceof Character) {
      out.write(Tag.CHAR);
      out.unsigned((Character) value);
    } else {
      return false;
    }
    return true;
  }

  private boolean arrays(Object value) {
    if (value instanceof byte[]) {
      out.write(Tag.BYTES);
      out.chunk((byte[]) value);
    } else if (value instanceof int[]) {
      int[] array = (int[]) value;
      out.write(Tag.INT_ARRAY);
      out.unsigned(array.length);
      for (int item : array) {
        out.signed(item);
      }
    } else if (value instanceof long[]) {
      long[] array = (long[]) value;
      out.write(Tag.LONG_ARRAY);
      out.unsigned(array.length);
      for (long item : array) {
        out.signed(item);
      }
    } else if (value instanceof double[]) {
      double[] array = (double[]) value;
      out.write(Tag.DOUBLE_ARRAY);
      out.unsigned(array.length);
      for (double item : array) {
        out.fixed64(Double.doubleToRawLongBits(item));
      }
    } else if (value instanceof float[]) {
      float[] array = (float[]) value;
      out.write(Tag.FLOAT_ARRAY);
      out.unsigned(array.length);
      for (float item : array) {
        out.unsigned(Float.floatToRawIntBits(item) & 0xFFFFFFFFL);
      }
    } else if (value instanceof short[]) {
      short[] array = (short[]) value;
      out.write(Tag.SHORT_ARRAY);
      out.unsigned(array.length);
      for (short item : array) {
        out.signed(item);
      }
    } else if (value instanceof char[]) {
      char[] array = (char[]) value;
      out.write(Tag.CHAR_ARRAY);
      out.unsigned(array.length);
      for (char item : array) {
        out.unsigned(item);
      }
    } else if (value instanceof boolean[]) {
      boolean[] array = (boolean[]) value;
      out.write(Tag.BOOLEAN_ARRAY);
      out.unsigned(array.length);
      for (boolean item : array) {
        out.write(item ? 1 : 0);
      }
    } else if (value instanceof Object[]) {
      Class<?> component = value.getClass().getComponentType();
      if (values.classNamed(component.getName()) == null) {
        throw new IllegalArgumentException("session attribute '" + attribute + "' holds an array of "
            + component.getName() + where(" (at ", ")") + ", which cannot be read back as such: use a List, or an"
            + " array of a type the session stores by itself (String, Integer, ...) or of a type declared in"
            + " SESSION_ATTRIBUTE_TYPES");
      }
      Object[] array = (Object[]) value;
      out.write(Tag.OBJECT_ARRAY);
      name(component.getName());
      out.unsigned(array.length);
      elements(Arrays.asList(array));
    } else {
      return false;
    }
    return true;
  }

  /** The JDK's immutable value classes, by exact class: a subclass could hold anything. */
  private boolean jdkValue(Object value) {
    Class<?> type = value.getClass();
    if (type == BigInteger.class) {
      out.write(Tag.BIG_INTEGER);
      out.chunk(((BigInteger) value).toByteArray());
    } else if (type == BigDecimal.class) {
      out.write(Tag.BIG_DECIMAL);
      out.signed(((BigDecimal) value).scale());
      out.chunk(((BigDecimal) value).unscaledValue().toByteArray());
    } else if (type == UUID.class) {
      out.write(Tag.UUID);
      out.fixed64(((UUID) value).getMostSignificantBits());
      out.fixed64(((UUID) value).getLeastSignificantBits());
    } else if (type == Instant.class) {
      out.write(Tag.INSTANT);
      out.signed(((Instant) value).getEpochSecond());
      out.unsigned(((Instant) value).getNano());
    } else if (type == LocalDate.class) {
      out.write(Tag.LOCAL_DATE);
      out.signed(((LocalDate) value).toEpochDay());
    } else if (type == LocalTime.class) {
      out.write(Tag.LOCAL_TIME);
      out.unsigned(((LocalTime) value).toNanoOfDay());
    } else if (type == LocalDateTime.class) {
      out.write(Tag.LOCAL_DATE_TIME);
      localDateTime((LocalDateTime) value);
    } else if (type == OffsetDateTime.class) {
      out.write(Tag.OFFSET_DATE_TIME);
      localDateTime(((OffsetDateTime) value).toLocalDateTime());
      out.signed(((OffsetDateTime) value).getOffset().getTotalSeconds());
    } else if (type == OffsetTime.class) {
      out.write(Tag.OFFSET_TIME);
      out.unsigned(((OffsetTime) value).toLocalTime().toNanoOfDay());
      out.signed(((OffsetTime) value).getOffset().getTotalSeconds());
    } else if (type == ZonedDateTime.class) {
      ZonedDateTime zoned = (ZonedDateTime) value;
      out.write(Tag.ZONED_DATE_TIME);
      localDateTime(zoned.toLocalDateTime());
      out.signed(zoned.getOffset().getTotalSeconds());
      name(zoned.getZone().getId());
    } else if (type == Duration.class) {
      out.write(Tag.DURATION);
      out.signed(((Duration) value).getSeconds());
      out.unsigned(((Duration) value).getNano());
    } else if (type == Period.class) {
      Period period = (Period) value;
      out.write(Tag.PERIOD);
      out.signed(period.getYears());
      out.signed(period.getMonths());
      out.signed(period.getDays());
    } else if (type == YearMonth.class) {
      out.write(Tag.YEAR_MONTH);
      out.signed(((YearMonth) value).getYear());
      out.unsigned(((YearMonth) value).getMonthValue());
    } else if (type == Year.class) {
      out.write(Tag.YEAR);
      out.signed(((Year) value).getValue());
    } else if (type == Locale.class) {
      out.write(Tag.LOCALE);
      name(((Locale) value).toLanguageTag());
    } else if (type == URI.class) {
      out.write(Tag.URI);
      out.text(value.toString());
    } else if (type == Date.class) {
      out.write(Tag.DATE);
      out.signed(((Date) value).getTime());
    } else if (value instanceof ZoneId) { // ZoneRegion and ZoneOffset: the JDK's own final classes
      out.write(Tag.ZONE_ID);
      name(((ZoneId) value).getId());
    } else {
      return false;
    }
    return true;
  }

  private void localDateTime(LocalDateTime value) {
    out.signed(value.toLocalDate().toEpochDay());
    out.unsigned(value.toLocalTime().toNanoOfDay());
  }

  /** Records and enums with a codec: generated for the declared ones, built in for the JDK's. */
  @SuppressWarnings("unchecked")
  private boolean declared(Object value) {
    Class<?> type = value instanceof Enum ? ((Enum<?>) value).getDeclaringClass() : value.getClass();
    ValueCodec<Object> codec = (ValueCodec<Object>) values.codecFor(type);
    if (codec == null) {
      return false;
    }
    out.write(value instanceof Enum ? Tag.ENUM : Tag.RECORD);
    name(type.getName());
    codec.write(value, this);
    if (!(value instanceof Enum)) {
      out.unsigned(0); // the end of the components
    }
    return true;
  }

  private boolean containers(Object value) {
    if (value instanceof Optional) {
      Optional<?> optional = (Optional<?>) value;
      out.write(optional.isPresent() ? Tag.OPTIONAL : Tag.OPTIONAL_EMPTY);
      if (optional.isPresent()) {
        write(optional.get());
      }
    } else if (value instanceof EnumSet) {
      enumSet((EnumSet<?>) value);
    } else if (value instanceof SortedSet) {
      sorted(((SortedSet<?>) value).comparator() != null, "TreeSet", value);
      out.write(Tag.SORTED_SET);
      collection((Collection<?>) value);
    } else if (value instanceof Set || value instanceof List) {
      out.write(value instanceof Set ? Tag.SET : Tag.LIST);
      collection((Collection<?>) value);
    } else if (value instanceof Collection) {
      throw new IllegalArgumentException("session attribute '" + attribute + "' holds a " + value.getClass().getName()
          + where(" (at ", ")") + ", a collection that is neither a List nor a Set, which cannot be read back as"
          + " such: store it as a List");
    } else if (value instanceof EnumMap && !((Map<?, ?>) value).isEmpty()) {
      Map<?, ?> map = (Map<?, ?>) value;
      Class<?> keyType = ((Enum<?>) map.keySet().iterator().next()).getDeclaringClass();
      requireCodec(keyType);
      out.write(Tag.ENUM_MAP);
      name(keyType.getName());
      entries(map);
    } else if (value instanceof SortedMap) {
      sorted(((SortedMap<?, ?>) value).comparator() != null, "TreeMap", value);
      out.write(Tag.SORTED_MAP);
      entries((Map<?, ?>) value);
    } else if (value instanceof Map) { // an empty EnumMap too: equal to any empty map
      out.write(Tag.MAP);
      entries((Map<?, ?>) value);
    } else {
      return false;
    }
    return true;
  }

  private void enumSet(EnumSet<?> set) {
    EnumSet<?> others = EnumSet.complementOf(set);
    Enum<?> any = !set.isEmpty() ? set.iterator().next() : !others.isEmpty() ? others.iterator().next() : null;
    if (any == null) { // an enum without constants
      out.write(Tag.SET);
      out.unsigned(0);
      return;
    }
    Class<?> type = any.getDeclaringClass();
    requireCodec(type);
    out.write(Tag.ENUM_SET);
    name(type.getName());
    out.unsigned(set.size());
    for (Enum<?> constant : set) {
      name(constant.name());
    }
  }

  private void requireCodec(Class<?> enumType) {
    if (values.codecFor(enumType) == null) {
      throw unstorable(enumType, "an enum that is not declared: add " + enumType.getName()
          + " to SESSION_ATTRIBUTE_TYPES in your @SessionConfig class");
    }
  }

  private void sorted(boolean hasComparator, String kind, Object value) {
    if (hasComparator) {
      throw new IllegalArgumentException("session attribute '" + attribute + "' holds a " + value.getClass().getName()
          + where(" (at ", ")") + " with a Comparator, which cannot be stored: use a " + kind + " in the"
          + " elements' natural order, or a List");
    }
  }

  private void collection(Collection<?> collection) {
    out.unsigned(collection.size());
    elements(collection);
  }

  private void elements(Collection<?> items) {
    int index = 0;
    for (Object item : items) {
      path.add(index++);
      write(item);
      path.remove(path.size() - 1);
    }
  }

  private void entries(Map<?, ?> map) {
    out.unsigned(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      path.add(new Key(entry.getKey()));
      write(entry.getKey());
      write(entry.getValue());
      path.remove(path.size() - 1);
    }
  }

  /** An allowed {@code Serializable} object, by JDK serialization; every class in it must be allowed too. */
  private boolean serialized(Object value) {
    if (!(value instanceof Serializable) || !values.allowList().allows(value.getClass().getName())) {
      return false;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CheckedObjectOutputStream stream = null;
    try (CheckedObjectOutputStream checked = new CheckedObjectOutputStream(bytes)) {
      stream = checked;
      checked.writeObject(value);
    } catch (DisallowedClassException e) {
      // The stream writes the failure itself before giving up, which fails again: the first class is the one.
      String disallowed = stream != null && stream.firstDisallowed != null ? stream.firstDisallowed : e.getMessage();
      throw new IllegalArgumentException("session attribute '" + attribute + "' holds a "
          + value.getClass().getName() + where(" (at ", ")") + " whose serialized fields hold a " + disallowed
          + ", which SESSION_SERIALIZATION_ALLOW does not allow, so no instance could read it back: add "
          + disallowed + " (or a pattern for its package) to SESSION_SERIALIZATION_ALLOW");
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("session attribute '" + attribute + "' holds a "
          + value.getClass().getName() + where(" (at ", ")") + " whose fields hold a " + e.getMessage()
          + ", which is not Serializable, so it cannot be stored: make it Serializable or the field transient");
    } catch (IOException e) {
      throw new IllegalArgumentException("session attribute '" + attribute + "' holds a "
          + value.getClass().getName() + where(" (at ", ")") + " that JDK serialization cannot write ("
          + e.getClass().getSimpleName() + ")", e);
    }
    if (bytes.size() > SerializationAllowList.MAX_BYTES) {
      throw new IllegalArgumentException("session attribute '" + attribute + "' holds a "
          + value.getClass().getName() + where(" (at ", ")") + " of " + bytes.size() + " serialized bytes, over the"
          + " limit of " + SerializationAllowList.MAX_BYTES + ": keep large data out of the session");
    }
    out.write(Tag.SERIALIZED);
    name(value.getClass().getName());
    out.chunk(bytes.toByteArray());
    return true;
  }

  /** Refuses, while writing, any class that reading would refuse: the mistake surfaces where it is made. */
  private final class CheckedObjectOutputStream extends ObjectOutputStream {
    String firstDisallowed;

    CheckedObjectOutputStream(ByteArrayOutputStream out) throws IOException {
      super(out);
    }

    @Override
    protected void annotateClass(Class<?> type) throws IOException {
      if (!values.allowList().allowsInside(type)) {
        throw disallowed(type.getName());
      }
    }

    @Override
    protected void annotateProxyClass(Class<?> type) throws IOException {
      throw disallowed("dynamic proxy " + type.getName());
    }

    private DisallowedClassException disallowed(String name) {
      if (firstDisallowed == null) {
        firstDisallowed = name;
      }
      return new DisallowedClassException(name);
    }
  }

  private static final class DisallowedClassException extends IOException {
    private static final long serialVersionUID = 1L;

    DisallowedClassException(String className) {
      super(className);
    }
  }

  /** Writes a name once per value; later uses refer back to it: type and component names repeat a lot. */
  private void name(String name) {
    Integer known = names.get(name);
    if (known != null) {
      out.unsigned(((long) known << 1) | 1);
      return;
    }
    byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.unsigned((long) utf8.length << 1);
    out.write(utf8);
    names.put(name, names.size());
  }

  private IllegalArgumentException unstorable(Object value) {
    Class<?> type = value.getClass();
    if (type.isEnum() || value instanceof Enum) {
      Class<?> enumType = ((Enum<?>) value).getDeclaringClass();
      return unstorable(enumType, "an enum that is not declared: add " + enumType.getName()
          + " to SESSION_ATTRIBUTE_TYPES in your @SessionConfig class");
    }
    if (value instanceof Record) {
      return unstorable(type, "a record that is not declared: add " + type.getName() + " to SESSION_ATTRIBUTE_TYPES"
          + " in your @SessionConfig class, which generates its codec");
    }
    if (value instanceof Serializable) {
      String packagePattern = type.getPackageName().isEmpty() ? type.getName() : type.getPackageName() + ".*";
      return unstorable(type, "a Serializable class that is not allowed: add " + type.getName()
          + " to SESSION_ATTRIBUTE_TYPES, or a pattern such as " + packagePattern + " to SESSION_SERIALIZATION_ALLOW");
    }
    return unstorable(type, "which cannot be stored: a session holds strings, numbers, booleans, java.time values,"
        + " UUID, BigDecimal, Locale, URI, byte[], arrays, Lists, Sets and Maps of these, the records and enums"
        + " listed in SESSION_ATTRIBUTE_TYPES, and Serializable classes allowed by SESSION_SERIALIZATION_ALLOW");
  }

  private IllegalArgumentException unstorable(Class<?> type, String why) {
    return new IllegalArgumentException("session attribute '" + attribute + "' holds a " + type.getName()
        + where(" (at ", ")") + ", " + why);
  }

  /** Where in the attribute the writer is, e.g. {@code cart.items[3].price}. */
  private String where() {
    StringBuilder text = new StringBuilder(attribute);
    for (Object step : path) {
      if (step instanceof Integer) {
        text.append('[').append(step).append(']');
      } else if (step instanceof Key) {
        text.append('[').append(((Key) step).describe()).append(']');
      } else {
        text.append(step);
      }
    }
    return text.toString();
  }

  /** {@link #where()} between {@code before} and {@code after}, or nothing at the attribute itself. */
  private String where(String before, String after) {
    return path.isEmpty() ? "" : before + where() + after;
  }

  /** A map key on the path: its text when it is short and plain, else its position is enough. */
  private record Key(Object key) {
    String describe() {
      return key instanceof String && ((String) key).length() <= 40 ? "\"" + key + "\""
          : key instanceof Number || key instanceof Enum ? String.valueOf(key) : "key";
    }
  }
}
