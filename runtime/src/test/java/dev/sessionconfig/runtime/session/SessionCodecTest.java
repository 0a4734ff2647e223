package dev.sessionconfig.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

  private static SessionData roundTrip(SessionData data) throws UnreadableSessionException {
    return SessionCodec.decode(SessionCodec.encode(data));
  }

  private static Map<String, Object> attributes(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], AttributeValues.copyOf((String) pairs[i], pairs[i + 1]));
    }
    return map;
  }

  @Test
  void everyAllowedValueSurvivesTheRoundTrip() throws Exception {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("n", null);
    nested.put("list", Arrays.asList(1, "two", 3.5, null, List.of()));
    Map<String, Object> attrs = attributes("text", "quote \" backslash \\ newline \n tab \t nul \0 é 😀 \u2028",
        "lone", "\ud800x", "yes", true, "no", false, "int", 42, "negative", -7, "long", 1L << 40,
        "min", Long.MIN_VALUE, "double", 0.1, "big", 1.0e300, "tiny", -4.9e-324, "map", nested, "empty", Map.of());
    SessionData data = new SessionData(1_700_000_000_000L, 1_700_000_060_000L, 0, attrs);
    assertEquals(data, roundTrip(data));
  }

  @Test
  void numbersComeBackAsIntegerLongOrDouble() throws Exception {
    SessionData back = roundTrip(new SessionData(1, 2, 0, attributes("a", 42L, "b", 3_000_000_000L, "c", 2.0)));
    assertEquals(Integer.valueOf(42), back.attributes().get("a"), "a small long reads back as an Integer");
    assertEquals(Long.valueOf(3_000_000_000L), back.attributes().get("b"));
    assertEquals(Double.valueOf(2.0), back.attributes().get("c"));
  }

  @Test
  void recordIsPlainJsonWithAttributesAsAnObject() {
    String json = new String(SessionCodec.encode(new SessionData(5, 6, 0, attributes("value", "42"))),
        StandardCharsets.UTF_8);
    assertEquals("{\"v\":1,\"created\":5,\"lastAccessed\":6,\"attributes\":{\"value\":\"42\"}}", json);
    String withLifetime = new String(SessionCodec.encode(new SessionData(5, 6, 300, Map.of())), StandardCharsets.UTF_8);
    assertTrue(withLifetime.contains("\"maxInactive\":300"), withLifetime);
  }

  @Test
  void maxInactiveSurvives() throws Exception {
    assertEquals(300, roundTrip(new SessionData(5, 6, 300, Map.of())).maxInactiveSeconds());
  }

  static final class Cart {}

  @Test
  void unstorableValuesAreRejectedNamingTheAttribute() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AttributeValues.copyOf("cart", new Cart()));
    assertEquals("session attribute 'cart' holds a " + Cart.class.getName() + ", which cannot be stored: use"
        + " strings, numbers, booleans, lists or maps", e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> AttributeValues.copyOf("order", Map.of("items", List.of("ok", new Cart()))));
    assertEquals("session attribute 'order' holds a " + Cart.class.getName() + " (at order.items[1]), which"
        + " cannot be stored: use strings, numbers, booleans, lists or maps", e.getMessage());

    for (Object bad : new Object[] {1.5f, (short) 1, new java.math.BigDecimal("1"), new char[] {'a'},
        Double.NaN, Double.POSITIVE_INFINITY, Map.of(1, "x"), java.time.Instant.EPOCH}) {
      e = assertThrows(IllegalArgumentException.class, () -> AttributeValues.copyOf("x", bad), String.valueOf(bad));
      assertTrue(e.getMessage().startsWith("session attribute 'x' holds a "), e.getMessage());
    }
  }

  @Test
  void aValueThatContainsItselfIsRejectedNotAStackOverflow() {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttributeValues.copyOf("loop", loop));
    assertTrue(e.getMessage().contains("'loop'"), e.getMessage());
  }

  @Test
  void storedValuesAreUnmodifiableCopies() {
    List<Object> list = new ArrayList<>(List.of("a"));
    Map<String, Object> map = new HashMap<>(Map.of("k", list));
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) AttributeValues.copyOf("m", map);
    list.add("b");
    assertEquals(List.of("a"), copy.get("k"), "later changes to the original do not leak in");
    assertThrows(UnsupportedOperationException.class, () -> copy.put("x", 1));
    @SuppressWarnings("unchecked")
    List<Object> inner = (List<Object>) copy.get("k");
    assertThrows(UnsupportedOperationException.class, () -> inner.add("c"));
  }

  @Test
  void corruptInputIsUnreadableNeverAnotherException() throws Exception {
    ByteArrayOutputStream javaSerialized = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(javaSerialized)) {
      out.writeObject(new ArrayList<>(List.of("x")));
    }
    byte[] valid = SessionCodec.encode(new SessionData(1, 2, 0, attributes("k", List.of(1, 2))));
    List<byte[]> corrupt = new ArrayList<>(List.of(javaSerialized.toByteArray(), new byte[0],
        new byte[] {(byte) 0xff, (byte) 0xfe}, Arrays.copyOf(valid, valid.length - 3), "[]".getBytes(),
        "null".getBytes(), "{\"v\":2,\"created\":1,\"lastAccessed\":2,\"attributes\":{}}".getBytes(),
        "{\"v\":1,\"created\":\"1\",\"lastAccessed\":2,\"attributes\":{}}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":[]}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"maxInactive\":-1,\"attributes\":{}}".getBytes(),
        "{\"v\":1,\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{}}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{}} trailing".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{\"a\":01}}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{\"a\":1e999}}".getBytes(),
        "{\"v\":1,\"created\":99999999999999999999,\"lastAccessed\":2,\"attributes\":{}}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{\"a\":\"\\q\"}}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{\"a\":\"\\u12\"}}".getBytes(),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{\"a\":tru}}".getBytes(),
        ("{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{\"a\":" + "[".repeat(100_000) + "}}").getBytes()));
    for (byte[] bytes : corrupt) {
      assertThrows(UnreadableSessionException.class, () -> SessionCodec.decode(bytes),
          new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void classNamesInTheDataStayPlainStrings() throws Exception {
    String json = "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{\"a\":{\"@class\":\"java.net.URL\","
        + "\"val\":\"http://x\"}}}";
    SessionData data = SessionCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of("@class", "java.net.URL", "val", "http://x"), data.attributes().get("a"));
  }
}
