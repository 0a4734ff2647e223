package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.sessionconfig.testing.MemcachedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session config that cannot start stops the shop with Spring Boot's failure report, not a stack trace. */
class StartupFailureTest {

  @Test
  void aMisspelledStoreAndAMissingKeyAreReportedTogetherWithoutAStackTrace() throws Exception {
    Path workDir = Files.createDirectories(Path.of("target", "startup-failure"));
    Map.Entry<Integer, String> run = ShopInstance.runToExit("memcache", Map.of("SESSION_TYPE", "memcache"),
        workDir);
    String log = run.getValue();
    assertEquals(1, run.getKey(), log);
    assertTrue(log.contains("APPLICATION FAILED TO START"), log);
    assertTrue(log.contains("SECRET_KEY: environment variable SECRET_KEY is not set"), log);
    assertTrue(log.contains("SESSION_TYPE"), log);
    assertTrue(log.contains("memcache"), log);
    assertTrue(log.contains("Action:"), log);
    assertFalse(log.contains("\tat dev.sessionconfig"), "a stack trace of ours was printed:\n" + log);
  }

  /**
   * The memcached store opens with the libraries Spring Boot manages, and then refuses to serve maximumSessions,
   * which needs the sessions of each user that memcached cannot list: at startup, saying so.
   */
  @Test
  void maximumSessionsOnMemcachedStopsTheStartSayingWhy() throws Exception {
    Path workDir = Files.createDirectories(Path.of("target", "startup-failure"));
    try (MemcachedServer memcached = MemcachedServer.create().start()) {
      Map.Entry<Integer, String> run = ShopInstance.runToExit("memcached", Map.of("SESSION_TYPE", "memcached",
          "SESSION_MEMCACHED", memcached.address(), "SECRET_KEY", TwoInstancesContract.random(36)), workDir);
      String log = run.getValue();
      assertEquals(1, run.getKey(), log);
      assertTrue(log.contains("APPLICATION FAILED TO START"), log);
      assertTrue(log.contains("Spring Security's concurrent session control (maximumSessions) needs the sessions of"
          + " each user, and memcached at " + memcached.address() + " cannot list them"), log);
      assertTrue(log.contains("Use the Redis, JDBC or filesystem store, or remove maximumSessions"), log);
      assertFalse(log.contains("\tat dev.sessionconfig"), "a stack trace of ours was printed:\n" + log);
    }
  }
}
