package dev.sessionconfig.it;

import static dev.sessionconfig.it.SessionBehaviourTest.COOKIE;
import static dev.sessionconfig.it.SessionBehaviourTest.assertBody;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.container.ContainerKind;
import dev.sessionconfig.it.http.Browser;
import dev.sessionconfig.it.http.Cookies;
import dev.sessionconfig.it.store.RedisFixture;
import dev.sessionconfig.it.store.StoreKind;
import dev.sessionconfig.testing.RedisServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the Redis store promises (SPEC section 7), against a real redis-server, and {@link NetworkStoreTest}'s
 * tests: run on each container by {@link JettyRedisStoreTest} and {@link TomcatRedisStoreTest}.
 */
abstract class RedisStoreTest extends HarnessTest implements NetworkStoreTest<RedisServer> {

  RedisFixture redis;

  RedisStoreTest(ContainerKind containerKind) {
    super(containerKind, StoreKind.REDIS);
  }

  /** Runs after {@link HarnessTest#startHarness()}, as JUnit runs a superclass's {@code @BeforeEach} first. */
  @BeforeEach
  void fixture() {
    redis = (RedisFixture) harness.store();
  }

  /** Round trips, counted by Redis itself: a read-only request 1 command, a modifying one 2, GET / none. */
  private static final Map<String, Long> CHANGE =
      Map.of("hgetall", 1L, "evalsha", 1L, "type", 1L, "hset", 1L, "pexpire", 1L);

  @Test
  void commandsPerRequest() {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42"); // also opens the pool's connection, which is not a per-request cost
    browser.get("/get");

    Map<String, Long> hello = redis.commands(() -> assertBody("hello world", browser.get("/")));
    Map<String, Long> get = redis.commands(() -> assertBody("42", browser.get("/get")));
    Map<String, Long> modify = redis.commands(() -> assertBody("value set", browser.post("/modify", "value", "43")));
    Map<String, Long> set = redis.commands(() -> assertBody("value set", browser.post("/set", "value", "44")));
    Map<String, Long> getAgain = redis.commands(() -> assertBody("44", browser.get("/get")));
    String all = "GET / " + hello + ", GET /get " + get + ", POST /modify " + modify + ", POST /set " + set
        + ", GET /get " + getAgain;
    assertAll(all,
        () -> assertEquals(Map.of(), hello, "GET /"),
        () -> assertEquals(Map.of("hgetall", 1L), get, "GET /get"),
        // Two round trips: HGETALL, then EVALSHA of the change script; Redis counts the commands the script runs
        // (TYPE to find the session still there, HSET of the changed fields, PEXPIRE) apart from its EVALSHA.
        () -> assertEquals(CHANGE, modify, "POST /modify"),
        () -> assertEquals(CHANGE, set, "POST /set"),
        () -> assertEquals(Map.of("hgetall", 1L), getAgain, "GET /get"));
  }

  /** One hash per session at SESSION_KEY_PREFIX + id, with a TTL, holding the signed entries of the attributes. */
  @Test
  void oneKeyPerSessionWithTtlHoldingItsRecord() {
    Browser browser = harness.start(AppConfigLoader::initApp).browser();
    browser.post("/set", "value", "42");
    String id = Cookies.id(browser.cookie(COOKIE).orElseThrow());
    String key = RedisFixture.PREFIX + id;

    assertEquals(1, redis.entryCount());
    assertEquals("hash", redis.resp().text("TYPE", key), key);
    long ttl = redis.resp().number("PTTL", key);
    assertTrue(ttl > Duration.ofDays(31).minusMinutes(1).toMillis() && ttl <= Duration.ofDays(31).toMillis(),
        "the key's TTL should be PERMANENT_SESSION_LIFETIME (31 days), not " + ttl + " ms");
    assertEquals(Map.of("value", "42"), StoredAttributes.of(id, redis.readEntry(id)));
  }


  @Override
  public String storeTag() {
    return "redis";
  }

  @Override
  public String serverName() {
    return "Redis";
  }

  @Override
  public RedisServer newServer() {
    return RedisServer.create();
  }

  @Override
  public Map<String, String> pointingAt(RedisServer server) {
    return Map.of("it.redis.url", server.url());
  }

  @Override
  public Map<String, String> unreachableAt(int port) {
    return Map.of("it.redis.url", "redis://127.0.0.1:" + port);
  }
}
