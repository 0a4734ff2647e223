package dev.sessionconfig.runtime.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stored form of session values: exact round trips, clear refusals, and nothing undeclared instantiated. */
class SessionValuesTest {

  enum Role { ADMIN, EDITOR, VIEWER }

  record Item(String sku, int quantity, BigDecimal price) {}

  record Cart(List<Item> items, Map<Role, List<Instant>> history, Set<Role> roles, Optional<String> coupon) {}

  /** What a generated codec for {@link Role} does. */
  static class RoleCodec implements ValueCodec<Role> {
    @Override
    public Class<Role> type() {
      return Role.class;
    }

    @Override
    public void write(Role value, ValueWriter out) {
      out.constant(value.name());
    }

    @Override
    public Role read(ValueReader in) throws IncompatibleValueException {
      switch (in.constant()) {
        case "ADMIN":
          return Role.ADMIN;
        case "EDITOR":
          return Role.EDITOR;
        case "VIEWER":
          return Role.VIEWER;
        default:
          throw in.noSuchConstant();
      }
    }
  }

  /** What a generated codec for {@link Item} does. */
  static class ItemCodec implements ValueCodec<Item> {
    private static final ValueType SKU = ValueType.of(String.class);
    private static final ValueType QUANTITY = ValueType.of(int.class);
    private static final ValueType PRICE = ValueType.of(BigDecimal.class);

    @Override
    public Class<Item> type() {
      return Item.class;
    }

    @Override
    public void write(Item value, ValueWriter out) {
      out.component("sku", value.sku());
      out.component("quantity", value.quantity());
      out.component("price", value.price());
    }

    @Override
    public Item read(ValueReader in) throws IncompatibleValueException {
      return new Item((String) in.component("sku", SKU), (int) in.component("quantity", QUANTITY),
          (BigDecimal) in.component("price", PRICE));
    }
  }

  /** What a generated codec for {@link Cart} does. */
  static final class CartCodec implements ValueCodec<Cart> {
    private static final ValueType ITEMS = ValueType.collection(List.class, ValueType.of(Item.class));
    private static final ValueType HISTORY = ValueType.map(Map.class, ValueType.of(Role.class),
        ValueType.collection(List.class, ValueType.of(Instant.class)));
    private static final ValueType ROLES = ValueType.collection(Set.class, ValueType.of(Role.class));
    private static final ValueType COUPON = ValueType.optional(ValueType.of(String.class));

    @Override
    public Class<Cart> type() {
      return Cart.class;
    }

    @Override
    public void write(Cart value, ValueWriter out) {
      out.component("items", value.items());
      out.component("history", value.history());
      out.component("roles", value.roles());
      out.component("coupon", value.coupon());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Cart read(ValueReader in) throws IncompatibleValueException {
      return new Cart((List<Item>) in.component("items", ITEMS), (Map<Role, List<Instant>>) in.component("history", HISTORY),
          (Set<Role>) in.component("roles", ROLES), (Optional<String>) in.component("coupon", COUPON));
    }
  }

  /** A plain Serializable class, allowed by the pattern of its package. */
  static final class Profile implements Serializable {
    private static final long serialVersionUID = 1L;
    final String name;
    final List<String> tags;

    Profile(String name, List<String> tags) {
      this.name = name;
      this.tags = tags;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Profile && ((Profile) other).name.equals(name) && ((Profile) other).tags.equals(tags);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /** Serializable, but of a class no setting allows: a stand-in for a deserialization gadget. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger READS = new AtomicInteger();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      READS.incrementAndGet(); // a real gadget would run an attacker's command here
      in.defaultReadObject();
    }
  }

  /** An allowed class that holds whatever it is given, such as a gadget. */
  static final class Box implements Serializable {
    private static final long serialVersionUID = 1L;
    final Object content;

    Box(Object content) {
      this.content = content;
    }
  }

  private static final String THIS_PACKAGE_PATTERN = SessionValuesTest.class.getName() + "$Profile";

  private final SessionValues values = SessionValues.of(
      AttributeTypes.of(List.of(new RoleCodec(), new ItemCodec(), new CartCodec()), List.of(Box.class)),
      List.of(THIS_PACKAGE_PATTERN));

  private Object roundTrip(Object value) throws IncompatibleValueException {
    return values.decode(values.encode("attribute", value));
  }

  private void assertRoundTrip(Object value) throws IncompatibleValueException {
    Object back = roundTrip(value);
    assertEquals(value, back, String.valueOf(value));
    if (value != null) {
      assertEquals(value.getClass(), back.getClass(), "the same class comes back for " + value);
    }
  }

  @Test
  void everyBuiltInValueComesBackEqualAndOfItsClass() throws Exception {
    for (Object value : new Object[] {null, "text \0 é 😀", "", true, false, 42, -7, Integer.MIN_VALUE, 1L << 40,
        Long.MIN_VALUE, 0.1, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1.5f, (short) -3, (byte) 7, 'x',
        new BigInteger("-123456789012345678901234567890"), new BigDecimal("12.50"), new BigDecimal("-1E+3"),
        UUID.randomUUID(), Instant.parse("2026-12-05T03:41:38.123456789Z"), LocalDate.of(1999, 12, 31),
        LocalTime.of(23, 59, 58, 1), LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6),
        OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6, ZoneOffset.ofHours(-5)),
        OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
        ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneId.of("Europe/Paris")), Duration.ofMillis(-1500),
        Period.of(1, -2, 3), YearMonth.of(2026, 2), Year.of(-44), Locale.forLanguageTag("pt-BR"),
        Locale.ROOT, URI.create("https://example.com/a?b=c#d"), ZoneId.of("America/New_York"),
        ZoneOffset.ofHours(2), new Date(1_700_000_000_000L), DayOfWeek.FRIDAY, Month.FEBRUARY, Role.EDITOR,
        Optional.empty(), Optional.of("x")}) {
      assertRoundTrip(value);
    }
  }

  @Test
  void arraysComeBackWithTheirComponentType() throws Exception {
    assertArrayEquals(new byte[] {1, -2, 3}, (byte[]) roundTrip(new byte[] {1, -2, 3}));
    assertArrayEquals(new int[] {1, -2, Integer.MAX_VALUE}, (int[]) roundTrip(new int[] {1, -2, Integer.MAX_VALUE}));
    assertArrayEquals(new long[] {Long.MIN_VALUE}, (long[]) roundTrip(new long[] {Long.MIN_VALUE}));
    assertArrayEquals(new double[] {0.5, -1}, (double[]) roundTrip(new double[] {0.5, -1}));
    assertArrayEquals(new char[] {'a', '\uffff'}, (char[]) roundTrip(new char[] {'a', '\uffff'}));
    assertArrayEquals(new boolean[] {true, false}, (boolean[]) roundTrip(new boolean[] {true, false}));
    String[] names = (String[]) roundTrip(new String[] {"a", null, "c"});
    assertArrayEquals(new String[] {"a", null, "c"}, names);
    Role[] roles = (Role[]) roundTrip(new Role[] {Role.ADMIN});
    assertArrayEquals(new Role[] {Role.ADMIN}, roles);
    int[][] grid = (int[][]) roundTrip(new int[][] {{1}, {2, 3}});
    assertArrayEquals(new int[] {2, 3}, grid[1]);
  }

  @Test
  void collectionsKeepTheirKindAndOrderAndComeBackMutable() throws Exception {
    Set<String> linked = new LinkedHashSet<>(List.of("z", "a", "m"));
    Object set = roundTrip(linked);
    assertInstanceOf(Set.class, set);
    assertEquals(List.of("z", "a", "m"), new ArrayList<>((Set<?>) set), "iteration order kept");

    TreeSet<String> sorted = new TreeSet<>(List.of("b", "a"));
    assertInstanceOf(TreeSet.class, roundTrip(sorted));
    assertEquals(sorted, roundTrip(sorted));

    EnumSet<Role> roles = EnumSet.of(Role.VIEWER, Role.ADMIN);
    assertEquals(roles, roundTrip(roles));
    assertInstanceOf(EnumSet.class, roundTrip(roles));
    assertEquals(EnumSet.noneOf(Role.class), roundTrip(EnumSet.noneOf(Role.class)));
    assertInstanceOf(EnumSet.class, roundTrip(EnumSet.noneOf(Role.class)), "an empty EnumSet knows its type");

    Map<Object, Object> keys = new LinkedHashMap<>();
    keys.put(3, "three");
    keys.put(Role.ADMIN, List.of(1, 2));
    keys.put(LocalDate.of(2026, 1, 1), null);
    keys.put(List.of("a"), Map.of());
    assertEquals(keys, roundTrip(keys));
    assertEquals(new ArrayList<>(keys.keySet()), new ArrayList<>(((Map<?, ?>) roundTrip(keys)).keySet()));

    EnumMap<Role, Integer> counts = new EnumMap<>(Map.of(Role.EDITOR, 2));
    assertInstanceOf(EnumMap.class, roundTrip(counts));
    assertEquals(counts, roundTrip(counts));
    assertInstanceOf(TreeMap.class, roundTrip(new TreeMap<>(Map.of("b", 1, "a", 2))));

    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) roundTrip(List.of(1, "two", List.of(3.0)));
    assertEquals(List.of(1, "two", List.of(3.0)), list);
    list.add("mutable, as a container's own session value would be");
  }

  @Test
  void aNestedRecordWithGenericComponentsComesBackEqual() throws Exception {
    Map<Role, List<Instant>> history = new EnumMap<>(Role.class);
    history.put(Role.ADMIN, List.of(Instant.EPOCH, Instant.parse("2026-12-05T00:00:00Z")));
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(new Item("sku-" + i, i, new BigDecimal(i + ".99")));
    }
    Cart cart = new Cart(items, history, EnumSet.of(Role.VIEWER), Optional.of("WINTER"));
    Object back = roundTrip(cart);
    assertEquals(cart, back);
    assertNotSame(cart, back);
  }

  @Test
  void anUndeclaredTypeIsRefusedWhenSetNamingTheAttributeTheClassAndTheSetting() {
    record Undeclared(String a) {}
    IllegalArgumentException record = assertThrows(IllegalArgumentException.class,
        () -> values.encode("order", new Undeclared("x")));
    assertEquals("session attribute 'order' holds a " + Undeclared.class.getName() + ", a record that is not"
        + " declared: add " + Undeclared.class.getName() + " to SESSION_ATTRIBUTE_TYPES in your @SessionConfig class,"
        + " which generates its codec", record.getMessage());

    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
        () -> values.encode("cart", Map.of("items", List.of("ok", Thread.currentThread()))));
    assertTrue(nested.getMessage().startsWith("session attribute 'cart' holds a java.lang.Thread (at"
        + " cart[\"items\"][1]), which cannot be stored: a session holds strings"), nested.getMessage());

    IllegalArgumentException serializable = assertThrows(IllegalArgumentException.class,
        () -> values.encode("gadget", new Gadget()));
    assertEquals("session attribute 'gadget' holds a " + Gadget.class.getName() + ", a Serializable class that is"
        + " not allowed: add " + Gadget.class.getName() + " to SESSION_ATTRIBUTE_TYPES, or a pattern such as"
        + " dev.sessionconfig.runtime.values.* to SESSION_SERIALIZATION_ALLOW", serializable.getMessage());

    IllegalArgumentException enumeration = assertThrows(IllegalArgumentException.class,
        () -> values.encode("day", java.nio.file.AccessMode.READ));
    assertTrue(enumeration.getMessage().contains("an enum that is not declared: add java.nio.file.AccessMode to"
        + " SESSION_ATTRIBUTE_TYPES"), enumeration.getMessage());

    for (Object unreadable : new Object[] {new TreeSet<String>(java.util.Comparator.reverseOrder()),
        new java.util.ArrayDeque<>(List.of(1)), new Object[] {new Object()}, new StringBuilder("x")}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> values.encode("x", unreadable),
          unreadable.getClass().getName());
      assertTrue(e.getMessage().startsWith("session attribute 'x' holds a "), e.getMessage());
    }
  }

  @Test
  void aValueThatContainsItselfIsRefusedNotAStackOverflow() {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> values.encode("loop", loop));
    assertTrue(e.getMessage().startsWith("session attribute 'loop' is nested more than 64 levels deep"), e.getMessage());
  }

  @Test
  void anAllowedSerializableObjectComesBackEqual() throws Exception {
    Profile profile = new Profile("ann", new ArrayList<>(List.of("a", "b")));
    assertEquals(profile, roundTrip(profile));
    assertInstanceOf(Box.class, roundTrip(new Box(List.of(profile, Instant.EPOCH))), "a declared Serializable class");
  }

  @Test
  void anAllowedObjectHoldingADisallowedClassIsRefusedWhenSetNotWhenRead() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> values.encode("box", new Box(new Gadget())));
    assertEquals("session attribute 'box' holds a " + Box.class.getName() + " whose serialized fields hold a "
        + Gadget.class.getName() + ", which SESSION_SERIALIZATION_ALLOW does not allow, so no instance could read it"
        + " back: add " + Gadget.class.getName() + " (or a pattern for its package) to SESSION_SERIALIZATION_ALLOW",
        e.getMessage());
  }

  @Test
  void aGadgetInsideStoredBytesIsNeverInstantiated() throws Exception {
    // Bytes as someone with write access to the store could craft them: an allowed outer class, a gadget inside.
    SessionValues permissive = SessionValues.of(AttributeTypes.none(), List.of(Box.class.getName(),
        Gadget.class.getName()));
    byte[] planted = permissive.encode("box", new Box(new Gadget()));
    Gadget.READS.set(0);
    IncompatibleValueException e = assertThrows(IncompatibleValueException.class, () -> values.decode(planted));
    assertEquals(0, Gadget.READS.get(), "the gadget's readObject never ran");
    assertTrue(e.getMessage().contains("REJECTED") || e.getMessage().contains("not allowed"), e.getMessage());

    byte[] top = permissive.encode("gadget", new Gadget());
    assertThrows(IncompatibleValueException.class, () -> values.decode(top));
    assertEquals(0, Gadget.READS.get());
  }

  @Test
  void theFilterLimitsStopAHugeNestedPayloadOfAnAllowedClass() throws Exception {
    Box deep = new Box(null);
    for (int i = 0; i < 200; i++) {
      deep = new Box(deep);
    }
    SessionValues boxes = SessionValues.of(AttributeTypes.of(List.of(), List.of(Box.class)), List.of());
    byte[] stored = boxes.encode("deep", deep);
    IncompatibleValueException e = assertThrows(IncompatibleValueException.class, () -> boxes.decode(stored));
    assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
  }

  @Test
  void aChangedSerialVersionUidDropsTheValueNotTheApplication() throws Exception {
    byte[] stored = values.encode("profile", new Profile("ann", List.of()));
    byte[] uid = longBytes(1L);
    int at = indexOf(stored, uid);
    stored[at + 7] = 2; // the class now says serialVersionUID = 2
    IncompatibleValueException e = assertThrows(IncompatibleValueException.class, () -> values.decode(stored));
    assertTrue(e.getMessage().contains(Profile.class.getName()) && e.getMessage().contains("incompatible"),
        e.getMessage());
  }

  @Test
  void aTypeNoLongerDeclaredOrAConstantGoneIsIncompatible() throws Exception {
    byte[] cart = values.encode("cart", new Cart(List.of(), Map.of(), Set.of(), Optional.empty()));
    SessionValues withoutCart = SessionValues.of(AttributeTypes.of(List.of(new RoleCodec()), List.of()), List.of());
    IncompatibleValueException gone = assertThrows(IncompatibleValueException.class, () -> withoutCart.decode(cart));
    assertEquals(Cart.class.getName() + " is not a session type this application declares (any more)",
        gone.getMessage());

    byte[] editor = values.encode("role", Role.EDITOR);
    ValueCodec<Role> fewerConstants = new RoleCodec() {
      @Override
      public Role read(ValueReader in) throws IncompatibleValueException {
        if (in.constant().equals("EDITOR")) {
          throw in.noSuchConstant();
        }
        return super.read(in);
      }
    };
    SessionValues upgraded = SessionValues.of(AttributeTypes.of(List.of(fewerConstants), List.of()), List.of());
    assertEquals(Role.class.getName() + " has no constant EDITOR any more",
        assertThrows(IncompatibleValueException.class, () -> upgraded.decode(editor)).getMessage());
  }

  @Test
  void aComponentWhoseTypeChangedIsIncompatibleAndAnAddedOneReadsAsZero() throws Exception {
    // Version 1 of Item had "quantity" as text and no "price".
    ValueCodec<Item> version1 = new ItemCodec() {
      @Override
      public void write(Item value, ValueWriter out) {
        out.component("sku", value.sku());
        out.component("quantity", String.valueOf(value.quantity()));
      }
    };
    SessionValues old = SessionValues.of(AttributeTypes.of(List.of(version1), List.of()), List.of());
    byte[] stored = old.encode("item", new Item("a", 2, null));
    IncompatibleValueException e = assertThrows(IncompatibleValueException.class, () -> values.decode(stored));
    assertEquals("its component 'quantity' of " + Item.class.getName() + " is stored as java.lang.String, which does"
        + " not fit its declared type int any more", e.getMessage());

    ValueCodec<Item> withoutQuantity = new ItemCodec() {
      @Override
      public void write(Item value, ValueWriter out) {
        out.component("sku", value.sku());
        out.component("removedSince", true);
      }
    };
    byte[] older = SessionValues.of(AttributeTypes.of(List.of(withoutQuantity), List.of()), List.of())
        .encode("item", new Item("b", 9, null));
    assertEquals(new Item("b", 0, null), values.decode(older), "added: zero or null; removed: ignored");
  }

  @Test
  void damagedBytesAreIncompatibleNeverAnotherException() {
    byte[] good = values.encode("x", Map.of("a", List.of(1, 2, 3)));
    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOf(good, length);
      assertThrows(IncompatibleValueException.class, () -> values.decode(cut), "cut at " + length);
    }
    for (byte[] junk : List.of(new byte[] {(byte) 99}, new byte[] {Tag.LIST, (byte) 0xff, (byte) 0xff, 0x7f},
        new byte[] {Tag.STRING, 2, (byte) 0xc3, 0x28}, new byte[] {Tag.RECORD, 3, 'a'})) {
      assertThrows(IncompatibleValueException.class, () -> values.decode(junk));
    }
  }

  @Test
  void immutableValuesNeedNoChangeCheck() {
    for (Object value : new Object[] {"s", 1, 1L, 2.0, BigDecimal.ONE, Instant.EPOCH, LocalDate.MIN, Role.ADMIN,
        UUID.randomUUID(), Duration.ZERO, ZoneId.of("UTC"), Locale.ROOT}) {
      assertTrue(SessionValues.isImmutable(value), value.getClass().getName());
    }
    for (Object value : new Object[] {new ArrayList<>(), new HashMap<>(), new Date(), new int[0],
        new Item("a", 1, null), new Profile("a", List.of())}) {
      assertFalse(SessionValues.isImmutable(value), value.getClass().getName());
    }
  }

  @Test
  void namesRepeatedInAValueAreStoredOnce() {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(new Item("s" + i, i, BigDecimal.ONE));
    }
    byte[] stored = values.encode("items", items);
    String text = new String(stored, StandardCharsets.ISO_8859_1);
    assertEquals(text.indexOf(Item.class.getName()), text.lastIndexOf(Item.class.getName()), "the class name once");
    assertEquals(text.indexOf("quantity"), text.lastIndexOf("quantity"), "each component name once");
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (56 - 8 * i));
    }
    return bytes;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  static byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }
}
