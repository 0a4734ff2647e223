package dev.sessionconfig.redis;

import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.testing.RedisServer;
import dev.sessionconfig.testing.TestCertificate;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rediss://} against a redis-server that speaks only TLS, with a password, as managed Redis services do.
 * Skipped, saying why, where redis-server was built without TLS.
 */
class RedisTlsTest {
  private static final String PASSWORD = "tls-password-42";

  @TempDir static Path directory;
  private static TestCertificate certificate;
  private static RedisServer redis;

  @BeforeAll
  static void start() throws Exception {
    certificate = TestCertificate.create(directory);
    redis = RedisServer.create().tls(certificate).requirePassword(PASSWORD);
    try {
      redis.start();
    } catch (RedisServer.RedisStartException e) {
      Assumptions.assumeFalse(e.lacksTls(), "this redis-server was built without TLS support, so rediss:// cannot"
          + " be tested here; install a TLS-enabled build (Debian's redis-server is one): " + e.getMessage());
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void storesSessionsOverTls() {
    try (RedisSessionStore store = open(redis.url(":" + PASSWORD + "@"))) {
      store.checkAvailable();
      store.write("id1", record("data"), inAMinute(), null);
      assertEquals("data", text(store.read("id1")));
      assertEquals("redis at 127.0.0.1:" + redis.port() + "/0 (TLS)", store.description());
    }
  }

  @Test
  void refusesACertificateIssuedForAnotherHost() {
    // The certificate names 127.0.0.1 only; localhost reaches the same server but is not who it claims to be.
    try (RedisSessionStore store = open("rediss://:" + PASSWORD + "@localhost:" + redis.port())) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertEquals("redis at localhost:" + redis.port() + " is not reachable: TLS handshake failed:"
          + " No name matching localhost found", e.getMessage());
      Failures.assertDoesNotShow(PASSWORD, e);
    }
  }

  @Test
  void refusesACertificateTheJvmDoesNotTrust() {
    // What the provider opens: the JVM's default trust store, which has never heard of the test's certificate.
    try (RedisSessionStore store = RedisSessionStore.open(redis.url(":" + PASSWORD + "@"), "session:", null)) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertEquals("redis at 127.0.0.1:" + redis.port() + " is not reachable: TLS handshake failed:"
          + " unable to find valid certification path to requested target", e.getMessage());
      Failures.assertDoesNotShow(PASSWORD, e);
    }
  }

  private static RedisSessionStore open(String url) {
    return RedisSessionStore.open(url, "session:", certificate.trustingOptions());
  }
}
