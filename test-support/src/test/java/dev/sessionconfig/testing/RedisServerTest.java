package dev.sessionconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

class RedisServerTest {

  @Test
  void startsAnswersRestartsOnTheSamePortEmptyAndStops() {
    Path directory;
    try (RedisServer redis = RedisServer.create().requirePassword("pw-1").start()) {
      int port = redis.port();
      directory = redis.directory();
      assertNotEquals(6379, port);
      assertEquals("redis://127.0.0.1:" + port + "/0", redis.url());
      assertEquals("redis://:pw-1@127.0.0.1:" + port + "/0", redis.url(":pw-1@"));
      try (Jedis client = redis.client()) {
        client.set("k", "v");
        assertEquals("v", client.get("k"));
      }

      redis.stop();
      assertFalse(redis.isRunning());
      assertFalse(Ports.listening(port), "stopped, yet port " + port + " answers");

      redis.start();
      assertEquals(port, redis.port(), "a restart keeps the port");
      try (Jedis client = redis.client()) {
        assertNull(client.get("k"), "the test server keeps no data");
      }
      redis.restart();
      assertEquals(port, redis.port());
      assertTrue(redis.isRunning());
      assertTrue(redis.log().contains("Ready to accept connections"), redis.log());
      assertThrows(IllegalStateException.class, redis::start, "already running");
    }
    assertFalse(Files.exists(directory), "close() deletes " + directory);
  }

  @Test
  void speaksTls(@TempDir Path certificates) throws Exception {
    TestCertificate certificate = TestCertificate.create(certificates);
    try (RedisServer redis = RedisServer.create().tls(certificate).requirePassword("pw-2").start();
        Jedis client = redis.client()) {
      assertTrue(redis.url().startsWith("rediss://127.0.0.1:"));
      assertEquals("PONG", client.ping());
    }
  }
}
