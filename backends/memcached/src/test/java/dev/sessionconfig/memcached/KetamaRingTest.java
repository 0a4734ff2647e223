package dev.sessionconfig.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KetamaRingTest {
  private static final int KEYS = 20_000;

  @Test
  void thePlacementDoesNotDependOnTheServersOrder() {
    KetamaRing<String> forward = ring(List.of("cache1:11211", "cache2:11211", "cache3:11211"));
    KetamaRing<String> backward = ring(List.of("cache3:11211", "cache2:11211", "cache1:11211"));
    for (int i = 0; i < KEYS; i++) {
      assertEquals(forward.serverFor(key(i)), backward.serverFor(key(i)));
    }
  }

  @Test
  void spreadsKeysRoughlyEvenly() {
    List<String> servers = List.of("cache1:11211", "cache2:11211", "cache3:11211", "cache4:11211");
    Map<String, Integer> counts = counts(ring(servers));
    for (String server : servers) {
      int share = counts.getOrDefault(server, 0);
      assertTrue(share > KEYS / 4 * 0.7 && share < KEYS / 4 * 1.3, server + " holds " + share + " of " + KEYS);
    }
  }

  @Test
  void aNewServerTakesOnlyItsShareOfTheKeys() {
    KetamaRing<String> three = ring(List.of("cache1:11211", "cache2:11211", "cache3:11211"));
    KetamaRing<String> four = ring(List.of("cache1:11211", "cache2:11211", "cache3:11211", "cache4:11211"));
    int moved = 0;
    for (int i = 0; i < KEYS; i++) {
      String before = three.serverFor(key(i));
      String after = four.serverFor(key(i));
      if (!before.equals(after)) {
        assertEquals("cache4:11211", after, "a key only ever moves to the new server");
        moved++;
      }
    }
    assertTrue(moved > KEYS / 4 * 0.7 && moved < KEYS / 4 * 1.3, moved + " of " + KEYS + " keys moved");
  }

  @Test
  void oneServerHoldsEverything() {
    assertEquals(Map.of("only:11211", KEYS), counts(ring(List.of("only:11211"))));
  }

  private static KetamaRing<String> ring(List<String> servers) {
    Map<String, String> byName = new LinkedHashMap<>();
    servers.forEach(server -> byName.put(server, server));
    return new KetamaRing<>(byName);
  }

  private static Map<String, Integer> counts(KetamaRing<String> ring) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < KEYS; i++) {
      counts.merge(ring.serverFor(key(i)), 1, Integer::sum);
    }
    return counts;
  }

  private static byte[] key(int i) {
    return ("session:" + TestData.id(i)).getBytes(StandardCharsets.UTF_8);
  }
}
