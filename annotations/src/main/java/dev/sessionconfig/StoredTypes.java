package dev.sessionconfig;

import java.util.List;
import java.util.Map;

/**
 * The JDK types a session stores by itself, without being declared in SESSION_ATTRIBUTE_TYPES: the processor
 * checks declared records' components against this catalogue, and the runtime stores exactly these (its tests
 * round-trip each one).
 */
public final class StoredTypes {
  private StoredTypes() {}

  /** Immutable value classes, stored by exact class. */
  public static final List<String> VALUE_CLASSES = List.of("java.lang.String", "java.lang.Boolean",
      "java.lang.Byte", "java.lang.Short", "java.lang.Character", "java.lang.Integer", "java.lang.Long",
      "java.lang.Float", "java.lang.Double", "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID",
      "java.time.Instant", "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
      "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime", "java.time.Duration",
      "java.time.Period", "java.time.YearMonth", "java.time.Year", "java.util.Locale", "java.net.URI",
      "java.util.Date", "java.time.ZoneId", "java.time.ZoneOffset");

  /** The JDK's enums of plain constants, stored by name. */
  public static final List<String> JDK_ENUMS = List.of("java.time.DayOfWeek", "java.time.Month",
      "java.time.temporal.ChronoUnit", "java.util.concurrent.TimeUnit");

  /**
   * The generic types a record component may be declared with, and how many type arguments they take: each is a
   * supertype of what the session reads back (a List as an ArrayList, a Set as a LinkedHashSet, a SortedSet as a
   * TreeSet, an EnumSet as an EnumSet, a Map as a LinkedHashMap, a SortedMap as a TreeMap).
   */
  public static final Map<String, Integer> CONTAINERS = Map.ofEntries(Map.entry("java.util.Collection", 1),
      Map.entry("java.lang.Iterable", 1), Map.entry("java.util.List", 1), Map.entry("java.util.ArrayList", 1),
      Map.entry("java.util.Set", 1), Map.entry("java.util.HashSet", 1), Map.entry("java.util.LinkedHashSet", 1),
      Map.entry("java.util.SortedSet", 1), Map.entry("java.util.NavigableSet", 1), Map.entry("java.util.TreeSet", 1),
      Map.entry("java.util.EnumSet", 1), Map.entry("java.util.Map", 2), Map.entry("java.util.HashMap", 2),
      Map.entry("java.util.LinkedHashMap", 2), Map.entry("java.util.SortedMap", 2),
      Map.entry("java.util.NavigableMap", 2), Map.entry("java.util.TreeMap", 2), Map.entry("java.util.Optional", 1));

  /** Collection types whose values come back as another kind, and the type to declare instead. */
  public static final Map<String, String> READ_BACK_AS = Map.ofEntries(Map.entry("java.util.LinkedList", "List"),
      Map.entry("java.util.Vector", "List"), Map.entry("java.util.Stack", "List"),
      Map.entry("java.util.concurrent.CopyOnWriteArrayList", "List"), Map.entry("java.util.Queue", "List"),
      Map.entry("java.util.Deque", "List"), Map.entry("java.util.ArrayDeque", "List"),
      Map.entry("java.util.PriorityQueue", "List"), Map.entry("java.util.EnumMap", "Map"),
      Map.entry("java.util.Hashtable", "Map"), Map.entry("java.util.concurrent.ConcurrentHashMap", "Map"),
      Map.entry("java.util.concurrent.ConcurrentMap", "Map"), Map.entry("java.util.WeakHashMap", "Map"),
      Map.entry("java.util.IdentityHashMap", "Map"));
}
