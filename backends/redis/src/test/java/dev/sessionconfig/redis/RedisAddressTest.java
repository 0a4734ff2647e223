package dev.sessionconfig.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisAddressTest {

  @Test
  void fillsInRedisDefaults() {
    RedisAddress address = RedisAddress.parse("redis://cache.internal");
    assertEquals("cache.internal", address.connectHost());
    assertEquals(6379, address.port());
    assertEquals(0, address.database());
    assertNull(address.user());
    assertNull(address.password());
    assertFalse(address.tls());
    assertEquals("cache.internal:6379/0", address.toString());
  }

  @Test
  void readsPortDatabaseAndTls() {
    RedisAddress address = RedisAddress.parse("rediss://cache.internal:6380/3");
    assertEquals(6380, address.port());
    assertEquals(3, address.database());
    assertTrue(address.tls());
    assertEquals("cache.internal:6380/3 (TLS)", address.toString());
  }

  @Test
  void decodesUserAndPasswordButNeverShowsThem() {
    RedisAddress address = RedisAddress.parse("redis://app%3Aone:p%40ss+w%3Ard@cache:6379/1");
    assertEquals("app:one", address.user());
    assertEquals("p@ss+w:rd", address.password());
    assertEquals("cache:6379/1", address.toString());
    RedisAddress passwordOnly = RedisAddress.parse("redis://:hunter22@cache");
    assertNull(passwordOnly.user());
    assertEquals("hunter22", passwordOnly.password());
  }

  @Test
  void stripsIpv6Brackets() {
    RedisAddress address = RedisAddress.parse("redis://[::1]:7000");
    assertEquals("::1", address.connectHost());
    assertEquals("[::1]:7000", address.hostAndPort());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://:hunter22@cache:6379", "redis://hunter22@cache:6379", "redis://:hunter22@cache/x",
      "redis://:hunter22@cache/0?ssl=true", "redis://:hunter22@", "redis://:hunter22@ca che", "redis://:hunter22@cache:6379/abc", "redis://:hunter22@cache:99999"})
  void refusesWhatItCannotHonourWithoutShowingThePassword(String url) {
    SessionStoreException e = assertThrows(SessionStoreException.class, () -> RedisAddress.parse(url));
    assertTrue(e.getMessage().startsWith("SESSION_REDIS: '"), e.getMessage());
    assertTrue(e.getMessage().contains("redis://[[user]:password@]host[:port][/db]"), e.getMessage());
    Failures.assertDoesNotShow("hunter22", e);
  }
}
