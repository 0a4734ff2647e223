package dev.sessionconfig.runtime.values;

import dev.sessionconfig.SerializationPatterns;
import dev.sessionconfig.StoredTypes;
import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Set;

/**
 * The only classes JDK serialization may instantiate when a session is read: the application's declared
 * {@code Serializable} classes, the classes its SESSION_SERIALIZATION_ALLOW patterns match, and a small set of
 * JDK value and collection classes their fields hold; with limits on depth, references, array length and bytes.
 * Patterns: {@code com.acme.Legacy} (that class), {@code com.acme.model.*} (the package's classes, nested ones
 * included), {@code org.example.**} (the package and its subpackages).
 */
final class SerializationAllowList {
  static final int MAX_DEPTH = 64;
  static final int MAX_REFERENCES = 10_000;
  static final int MAX_ARRAY_LENGTH = 100_000;
  /** A serialized value larger than this is refused when stored, and never read. */
  static final int MAX_BYTES = 1 << 20;

  /**
   * JDK classes that objects of allowed classes commonly hold and that do nothing but hold data when read: no
   * class whose reading runs code of another class (a comparator, a handler, a proxy) is here.
   */
  private static final Set<String> JDK_CLASSES = Set.of(
      "java.lang.Object", "java.lang.Number", "java.lang.Enum", "java.lang.String", "java.lang.Boolean",
      "java.lang.Byte", "java.lang.Short", "java.lang.Character", "java.lang.Integer", "java.lang.Long",
      "java.lang.Float", "java.lang.Double", "java.math.BigInteger", "java.math.BigDecimal",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
      "java.util.Arrays$ArrayList", "java.util.CollSer", "java.util.EnumSet$SerializationProxy",
      "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
      "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
      "java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$UnmodifiableNavigableSet",
      "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableSortedMap",
      "java.util.Collections$UnmodifiableNavigableMap", "java.util.Collections$EmptyList",
      "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap", "java.util.Collections$SingletonList",
      "java.util.Collections$SingletonSet", "java.util.Collections$SingletonMap", "java.util.UUID",
      "java.util.Locale", "java.util.Date", "java.time.Ser", "java.net.URI",
      // String.CASE_INSENSITIVE_ORDER, which sorted maps of headers hold (Spring Security's saved request).
      "java.lang.String$CaseInsensitiveComparator",
      // What readResolve makes of the serialized forms above: the filter sees these too.
      "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
      "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
      "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN", "java.util.RegularEnumSet",
      "java.util.JumboEnumSet", "java.time.Instant", "java.time.LocalDate", "java.time.LocalTime",
      "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
      "java.time.Duration", "java.time.Period", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay",
      "java.time.ZoneOffset", "java.time.ZoneRegion");

  private final List<String> patterns;
  private final Set<String> classes;

  /**
   * @param patterns SESSION_SERIALIZATION_ALLOW, already checked by the setting's rules
   * @param classes the binary names of the declared {@code Serializable} classes
   */
  SerializationAllowList(List<String> patterns, Set<String> classes) {
    this.patterns = List.copyOf(patterns);
    this.classes = Set.copyOf(classes);
  }

  /** Whether the application allowed objects of this class in a session (declared, or matched by a pattern). */
  boolean allows(String className) {
    return classes.contains(className) || SerializationPatterns.allows(patterns, className);
  }

  /** Whether a class may appear inside a serialized value: allowed, or one of the JDK's data classes. */
  boolean allowsInside(Class<?> type) {
    Class<?> component = type;
    while (component.isArray()) {
      component = component.getComponentType();
    }
    return component.isPrimitive() || JDK_CLASSES.contains(component.getName()) || isJdkEnum(component.getName())
        || allows(component.getName());
  }

  /** Whether a class named in a stream, an array descriptor such as {@code [Lcom.acme.Item;} included, may be loaded. */
  boolean allowsName(String name) {
    String component = name;
    while (component.startsWith("[")) {
      component = component.substring(1);
    }
    if (component.length() == 1) {
      return true; // an array of a primitive type: [I, [J...
    }
    if (component.startsWith("L") && component.endsWith(";")) {
      component = component.substring(1, component.length() - 1);
    }
    return JDK_CLASSES.contains(component) || isJdkEnum(component) || allows(component);
  }

  /** The filter JDK deserialization runs behind. */
  ObjectInputFilter filter(long maxBytes) {
    return info -> {
      if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > MAX_ARRAY_LENGTH
          || info.streamBytes() > maxBytes) {
        return ObjectInputFilter.Status.REJECTED;
      }
      Class<?> type = info.serialClass();
      if (type == null) {
        return ObjectInputFilter.Status.ALLOWED; // a limits-only check, passed above
      }
      return allowsInside(type) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };
  }

  /** The JDK's enums of plain constants ({@code DayOfWeek}, {@code Month}, {@code ChronoUnit}...). */
  private static boolean isJdkEnum(String name) {
    return StoredTypes.JDK_ENUMS.contains(name);
  }
}
