package dev.sessionconfig.it.app.values;

import dev.sessionconfig.it.app.legacy.Profile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** One value of every kind a session stores, by attribute name; the same on every instance. */
public final class Samples {
  private Samples() {}

  public static Map<String, Object> all() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("string", "ünïcode 😀 \0 text");
    values.put("int", 42);
    values.put("long", 1L << 40);
    values.put("double", 0.1);
    values.put("boolean", true);
    values.put("bigDecimal", new BigDecimal("19.990"));
    values.put("bigInteger", new BigInteger("123456789012345678901234567890"));
    values.put("uuid", UUID.fromString("8a6e2f4c-1b3d-4e5f-9a7b-0c1d2e3f4a5b"));
    values.put("instant", Instant.parse("2026-12-05T03:41:38.123456789Z"));
    values.put("localDate", LocalDate.of(2026, 2, 28));
    values.put("localDateTime", LocalDateTime.of(2026, 2, 28, 23, 59, 59));
    values.put("offsetDateTime", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(9)));
    values.put("zonedDateTime", ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, ZoneId.of("Europe/Berlin")));
    values.put("duration", Duration.ofMinutes(90));
    values.put("period", Period.ofMonths(3));
    values.put("locale", Locale.forLanguageTag("de-CH"));
    values.put("uri", URI.create("https://shop.example/cart?x=1"));
    values.put("bytes", new byte[] {0, 1, -1, 127});
    values.put("ints", new int[] {3, 1, 4});
    values.put("strings", new String[] {"a", null, "c"});
    values.put("list", new ArrayList<>(List.of("b", "a", 3)));
    values.put("set", new LinkedHashSet<>(List.of("z", "a", "m")));
    values.put("sortedSet", new TreeSet<>(List.of("b", "a", "c")));
    values.put("enumSet", EnumSet.of(Role.SUPPORT, Role.CUSTOMER));
    Map<Object, Object> keys = new LinkedHashMap<>();
    keys.put(7, "seven");
    keys.put(Role.ADMIN, List.of(LocalDate.of(2026, 1, 1)));
    keys.put(UUID.fromString("00000000-0000-0000-0000-000000000001"), Map.of("nested", true));
    values.put("map", keys);
    values.put("enum", Role.ADMIN);
    values.put("optional", Optional.of("present"));
    values.put("cart", cart());
    values.put("profile", new Profile("ann", List.of("books", "tea")).withManager(new Profile("bob", List.of())));
    return values;
  }

  static Cart cart() {
    List<Item> items = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      items.add(new Item("SKU-" + i, i % 3 + 1, new BigDecimal(i + ".95")));
    }
    Map<Role, List<Instant>> seenBy = new EnumMap<>(Role.class);
    seenBy.put(Role.CUSTOMER, List.of(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T11:30:00Z")));
    seenBy.put(Role.SUPPORT, List.of());
    return new Cart(UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479"), items, seenBy,
        EnumSet.of(Role.ADMIN), Optional.empty());
  }
}
