package dev.sessionconfig.runtime.values;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads one value written by {@link ValueWriter}. Collections come back mutable and of the same kind: a List as
 * an ArrayList, a Set as a LinkedHashSet (iteration order kept), a natural-order SortedSet as a TreeSet, an EnumSet
 * as an EnumSet, maps likewise. A record or enum is built by its generated codec; a class this application does
 * not declare or allow is never instantiated.
 */
final class Decoder {
  private final SessionValues values;
  private final Input in;
  private final List<String> names = new ArrayList<>();
  private int depth;

  Decoder(SessionValues values, byte[] bytes) {
    this.values = values;
    this.in = new Input(bytes);
  }

  Object readAll() throws CorruptValueException, IncompatibleValueException {
    Object value = read();
    if (!in.atEnd()) {
      throw new CorruptValueException("there are bytes after the value");
    }
    return value;
  }

  Object read() throws CorruptValueException, IncompatibleValueException {
    if (++depth > ValueWriter.MAX_DEPTH + 1) {
      throw new CorruptValueException("the value is nested too deeply");
    }
    try {
      int tag = in.read();
      switch (tag) {
        case Tag.NULL:
          return null;
        case Tag.FALSE:
          return Boolean.FALSE;
        case Tag.TRUE:
          return Boolean.TRUE;
        case Tag.INT:
          return in.signedInt();
        case Tag.LONG:
          return in.signed();
        case Tag.DOUBLE:
          return Double.longBitsToDouble(in.fixed64());
        case Tag.FLOAT:
          return Float.intBitsToFloat((int) in.unsigned());
        case Tag.SHORT:
          return (short) in.signedInt();
        case Tag.BYTE:
          return (byte) in.read();
        case Tag.CHAR:
          return (char) in.unsigned();
        case Tag.STRING:
          return in.text();
        case Tag.BYTES:
          return in.chunk();
        default:
          return readComposite(tag);
      }
    } finally {
      depth--;
    }
  }

  private Object readComposite(int tag) throws CorruptValueException, IncompatibleValueException {
    try {
      switch (tag) {
        case Tag.BIG_INTEGER:
          return new BigInteger(nonEmpty(in.chunk()));
        case Tag.BIG_DECIMAL: {
          int scale = in.signedInt();
          return new BigDecimal(new BigInteger(nonEmpty(in.chunk())), scale);
        }
        case Tag.UUID:
          return new UUID(in.fixed64(), in.fixed64());
        case Tag.INSTANT:
          return Instant.ofEpochSecond(in.signed(), in.unsigned());
        case Tag.LOCAL_DATE:
          return LocalDate.ofEpochDay(in.signed());
        case Tag.LOCAL_TIME:
          return LocalTime.ofNanoOfDay(in.unsigned());
        case Tag.LOCAL_DATE_TIME:
          return localDateTime();
        case Tag.OFFSET_DATE_TIME:
          return OffsetDateTime.of(localDateTime(), ZoneOffset.ofTotalSeconds(in.signedInt()));
        case Tag.OFFSET_TIME:
          return OffsetTime.of(LocalTime.ofNanoOfDay(in.unsigned()), ZoneOffset.ofTotalSeconds(in.signedInt()));
        case Tag.ZONED_DATE_TIME: {
          LocalDateTime local = localDateTime();
          ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.signedInt());
          return ZonedDateTime.ofStrict(local, offset, ZoneId.of(name()));
        }
        case Tag.DURATION:
          return Duration.ofSeconds(in.signed(), in.unsigned());
        case Tag.PERIOD:
          return Period.of(in.signedInt(), in.signedInt(), in.signedInt());
        case Tag.YEAR_MONTH:
          return YearMonth.of(in.signedInt(), (int) in.unsigned());
        case Tag.YEAR:
          return Year.of(in.signedInt());
        case Tag.LOCALE:
          return Locale.forLanguageTag(name());
        case Tag.URI:
          return new URI(in.text());
        case Tag.DATE:
          return new Date(in.signed());
        case Tag.ZONE_ID:
          return ZoneId.of(name());
        default:
          return readContainer(tag);
      }
    } catch (DateTimeException | ArithmeticException | URISyntaxException e) {
      throw new CorruptValueException("a stored " + e.getClass().getSimpleName() + " value is out of range");
    }
  }

  private Object readContainer(int tag) throws CorruptValueException, IncompatibleValueException {
    switch (tag) {
      case Tag.LIST: {
        int count = in.count(1);
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          list.add(read());
        }
        return list;
      }
      case Tag.SET:
      case Tag.SORTED_SET: {
        int count = in.count(1);
        java.util.Set<Object> set = tag == Tag.SET ? new LinkedHashSet<>() : new TreeSet<>();
        for (int i = 0; i < count; i++) {
          add(set, read());
        }
        return set;
      }
      case Tag.ENUM_SET:
        return enumSet();
      case Tag.MAP:
      case Tag.SORTED_MAP: {
        int count = in.count(2);
        Map<Object, Object> map = tag == Tag.MAP ? new LinkedHashMap<>() : new TreeMap<>();
        for (int i = 0; i < count; i++) {
          put(map, read(), read());
        }
        return map;
      }
      case Tag.ENUM_MAP:
        return enumMap();
      case Tag.OPTIONAL_EMPTY:
        return Optional.empty();
      case Tag.OPTIONAL:
        return Optional.ofNullable(read());
      case Tag.ENUM: {
        String type = name();
        return codec(type).read(ValueReader.ofEnum(type, name()));
      }
      case Tag.RECORD:
        return record();
      case Tag.SERIALIZED:
        return serialized();
      default:
        return readArray(tag);
    }
  }

  private Object readArray(int tag) throws CorruptValueException, IncompatibleValueException {
    switch (tag) {
      case Tag.INT_ARRAY: {
        int[] array = new int[in.count(1)];
        for (int i = 0; i < array.length; i++) {
          array[i] = in.signedInt();
        }
        return array;
      }
      case Tag.LONG_ARRAY: {
        long[] array = new long[in.count(1)];
        for (int i = 0; i < array.length; i++) {
          array[i] = in.signed();
        }
        return array;
      }
      case Tag.DOUBLE_ARRAY: {
        double[] array = new double[in.count(8)];
        for (int i = 0; i < array.length; i++) {
          array[i] = Double.longBitsToDouble(in.fixed64());
        }
        return array;
      }
      case Tag.FLOAT_ARRAY: {
        float[] array = new float[in.count(1)];
        for (int i = 0; i < array.length; i++) {
          array[i] = Float.intBitsToFloat((int) in.unsigned());
        }
        return array;
      }
      case Tag.SHORT_ARRAY: {
        short[] array = new short[in.count(1)];
        for (int i = 0; i < array.length; i++) {
          array[i] = (short) in.signedInt();
        }
        return array;
      }
      case Tag.CHAR_ARRAY: {
        char[] array = new char[in.count(1)];
        for (int i = 0; i < array.length; i++) {
          array[i] = (char) in.unsigned();
        }
        return array;
      }
      case Tag.BOOLEAN_ARRAY: {
        boolean[] array = new boolean[in.count(1)];
        for (int i = 0; i < array.length; i++) {
          array[i] = in.read() != 0;
        }
        return array;
      }
      case Tag.OBJECT_ARRAY:
        return objectArray();
      default:
        throw new CorruptValueException("unknown value tag " + tag);
    }
  }

  private Object objectArray() throws CorruptValueException, IncompatibleValueException {
    String componentName = name();
    Class<?> component = values.classNamed(componentName);
    if (component == null) {
      throw new IncompatibleValueException("an array of " + componentName + ", which is not a declared session type"
          + " any more");
    }
    int count = in.count(1);
    Object array = Array.newInstance(component, count);
    for (int i = 0; i < count; i++) {
      Object item = read();
      if (item != null && !component.isInstance(item)) {
        throw new IncompatibleValueException("an array of " + componentName + " holds a " + item.getClass().getName());
      }
      Array.set(array, i, item);
    }
    return array;
  }

  private LocalDateTime localDateTime() throws CorruptValueException {
    return LocalDateTime.of(LocalDate.ofEpochDay(in.signed()), LocalTime.ofNanoOfDay(in.unsigned()));
  }

  private Object record() throws CorruptValueException, IncompatibleValueException {
    String type = name();
    ValueCodec<?> codec = codec(type);
    Map<String, Object> components = new LinkedHashMap<>();
    for (String component = componentName(); component != null; component = componentName()) {
      components.put(component, read());
    }
    return codec.read(ValueReader.ofRecord(type, components));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object enumSet() throws CorruptValueException, IncompatibleValueException {
    String type = name();
    ValueCodec<?> codec = codec(type);
    EnumSet set = EnumSet.noneOf((Class) codec.type());
    int count = in.count(1);
    for (int i = 0; i < count; i++) {
      set.add(codec.read(ValueReader.ofEnum(type, name())));
    }
    return set;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object enumMap() throws CorruptValueException, IncompatibleValueException {
    String type = name();
    ValueCodec<?> codec = codec(type);
    EnumMap map = new EnumMap((Class) codec.type());
    int count = in.count(2);
    for (int i = 0; i < count; i++) {
      Object key = read();
      if (!codec.type().isInstance(key)) {
        throw new CorruptValueException("an EnumMap key is not a " + type);
      }
      map.put(key, read());
    }
    return map;
  }

  private ValueCodec<?> codec(String type) throws IncompatibleValueException {
    ValueCodec<?> codec = values.codecNamed(type);
    if (codec == null) {
      throw new IncompatibleValueException(type + " is not a session type this application declares (any more)");
    }
    return codec;
  }

  private Object serialized() throws CorruptValueException, IncompatibleValueException {
    String type = name();
    byte[] bytes = in.chunk();
    SerializationAllowList allowList = values.allowList();
    if (!allowList.allows(type)) {
      throw new IncompatibleValueException(type + " is not allowed by SESSION_SERIALIZATION_ALLOW or declared in"
          + " SESSION_ATTRIBUTE_TYPES (any more)");
    }
    try (ObjectInputStream stream = new AllowListObjectInputStream(bytes, allowList, values)) {
      stream.setObjectInputFilter(allowList.filter(bytes.length));
      return stream.readObject();
    } catch (ClassNotFoundException e) {
      throw new IncompatibleValueException("its class " + e.getMessage() + " is gone", e);
    } catch (InvalidClassException e) {
      // A changed serialVersionUID, or a class (or a limit) the allow list refuses.
      throw new IncompatibleValueException(type + " cannot be read back: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new IncompatibleValueException(type + " cannot be read back (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Loads only allowed classes: a declared one as declared, any other from the application's class loader; never
   * a dynamic proxy.
   */
  private static final class AllowListObjectInputStream extends ObjectInputStream {
    private final SerializationAllowList allowList;
    private final SessionValues values;

    AllowListObjectInputStream(byte[] bytes, SerializationAllowList allowList, SessionValues values)
        throws IOException {
      super(new ByteArrayInputStream(bytes));
      this.allowList = allowList;
      this.values = values;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
      if (!allowList.allowsName(description.getName())) {
        throw new InvalidClassException(description.getName(), "not allowed in a session");
      }
      Class<?> declared = values.classNamed(description.getName());
      if (declared != null) {
        return declared;
      }
      ClassLoader application = Thread.currentThread().getContextClassLoader();
      if (application != null) {
        try {
          return Class.forName(description.getName(), false, application);
        } catch (ClassNotFoundException notThere) {
          // the runtime's own loader may see it: a class of a shared library
        }
      }
      return super.resolveClass(description);
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
      throw new InvalidClassException("dynamic proxy", "not allowed in a session");
    }
  }

  /** A name, written once and referred back to afterwards. */
  private String name() throws CorruptValueException {
    String name = componentName();
    if (name == null) {
      throw new CorruptValueException("a name is missing");
    }
    return name;
  }

  /** A name, or {@code null} for the end of a record's components. */
  private String componentName() throws CorruptValueException {
    long reference = in.unsigned();
    if (reference == 0) {
      return null;
    }
    if ((reference & 1) == 1) {
      long index = reference >>> 1;
      if (index >= names.size()) {
        throw new CorruptValueException("a name refers to nothing");
      }
      return names.get((int) index);
    }
    String name = new String(in.take(reference >>> 1), java.nio.charset.StandardCharsets.UTF_8);
    names.add(name);
    return name;
  }

  private static byte[] nonEmpty(byte[] bytes) throws CorruptValueException {
    if (bytes.length == 0) {
      throw new CorruptValueException("a number has no bytes");
    }
    return bytes;
  }

  private static void add(java.util.Set<Object> set, Object item) throws CorruptValueException {
    try {
      set.add(item);
    } catch (ClassCastException | NullPointerException e) {
      throw new CorruptValueException("a sorted set holds elements that cannot be compared");
    }
  }

  private static void put(Map<Object, Object> map, Object key, Object value) throws CorruptValueException {
    try {
      map.put(key, value);
    } catch (ClassCastException | NullPointerException e) {
      throw new CorruptValueException("a sorted map holds keys that cannot be compared");
    }
  }
}
