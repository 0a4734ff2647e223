package dev.sessionconfig.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionconfig.runtime.store.SessionStoreException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MemcachedAddressTest {

  @Test
  void readsHostAndPortIncludingIpv6() {
    MemcachedAddress name = MemcachedAddress.parse(" Cache-1.Internal:11211 ");
    assertEquals("cache-1.internal", name.connectHost());
    assertEquals(11211, name.port());
    assertEquals("cache-1.internal:11211", name.hostAndPort());

    MemcachedAddress ipv6 = MemcachedAddress.parse("[::1]:11212");
    assertEquals("::1", ipv6.connectHost());
    assertEquals("[::1]:11212", ipv6.hostAndPort());

    assertEquals("10.0.0.7:1", MemcachedAddress.parse("10.0.0.7:1").hostAndPort());
  }

  @Test
  void keepsTheOrderAndDropsRepetitions() {
    List<String> parsed = MemcachedAddress.parseAll(List.of("b:1", "a:2", "B:1", "b:1 "))
        .stream().map(MemcachedAddress::hostAndPort).collect(Collectors.toList());
    assertEquals(List.of("b:1", "a:2"), parsed);
  }

  @Test
  void refusesWhatIsNotHostAndPort() {
    for (String entry : new String[] {"localhost", "localhost:", ":11211", "host:port", "a b:11211",
        "memcached://host:11211", "::1:11211"}) {
      SessionStoreException e = assertThrows(SessionStoreException.class, () -> MemcachedAddress.parse(entry));
      assertEquals("SESSION_MEMCACHED entry '" + entry.trim() + "' cannot be used: it is not host:port; list servers"
          + " as host:port, e.g. 'cache1:11211,cache2:11211'", e.getMessage());
    }
    assertEquals("SESSION_MEMCACHED entry 'host:0' cannot be used: port 0 is not between 1 and 65535; list servers"
        + " as host:port, e.g. 'cache1:11211,cache2:11211'",
        assertThrows(SessionStoreException.class, () -> MemcachedAddress.parse("host:0")).getMessage());
    assertThrows(SessionStoreException.class, () -> MemcachedAddress.parse("host:65536"));
    assertEquals("SESSION_MEMCACHED lists no server; list servers as host:port, e.g. 'cache1:11211,cache2:11211'",
        assertThrows(SessionStoreException.class, () -> MemcachedAddress.parseAll(List.of())).getMessage());
  }
}
