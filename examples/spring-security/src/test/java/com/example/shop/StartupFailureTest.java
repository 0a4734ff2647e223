package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
