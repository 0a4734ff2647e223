package com.example.oldjedis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.redis.RedisSessionStoreProvider;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.testing.RedisServer;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * The Redis store in an application whose own Jedis is older than the store's: sessions work, and the
 * application keeps its Jedis.
 */
class OldJedisTest {
  @RegisterExtension
  static final RedisServer redis = RedisServer.create();

  private static final String OLD_JEDIS = System.getProperty("oldJedis.version");
  private static final String STORE_JEDIS = System.getProperty("storeJedis.version");

  @Test
  void theApplicationsJedisIsTheOldOneAndTheOnlyUnrelocatedOne() throws Exception {
    assertTrue(OLD_JEDIS != null && !OLD_JEDIS.isBlank() && STORE_JEDIS != null && !STORE_JEDIS.isBlank(),
        "surefire sets oldJedis.version and storeJedis.version");
    assertEquals(OLD_JEDIS, jedisVersion("redis.clients.jedis.JedisMetaInfo"),
        "the application's Jedis is the one it declares");
    assertEquals(List.of("jedis-" + OLD_JEDIS + ".jar"), jarsWith("redis/clients/jedis/Jedis.class"),
        "one Jedis on the class path under its own name: the application's");
    // What the store needs and this Jedis lacks: an unshaded store would die here with NoSuchMethodError.
    assertThrows(NoSuchMethodException.class, () -> CommandObjects.class.getConstructor(RedisProtocol.class));
    // The store's own copy, relocated: the Jedis the store is built on, which has it.
    Class<?> shaded = Class.forName("dev.sessionconfig.redis.shaded.redis.clients.jedis.CommandObjects");
    shaded.getConstructor(Class.forName("dev.sessionconfig.redis.shaded.redis.clients.jedis.RedisProtocol"));
    assertEquals(STORE_JEDIS, jedisVersion("dev.sessionconfig.redis.shaded.redis.clients.jedis.JedisMetaInfo"),
        "the store's Jedis reads its own (relocated) pom.properties");
  }

  @Test
  void theStoreJarHoldsNoClassOutsideItsOwnPackages() throws Exception {
    File jar = new File(RedisSessionStoreProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(jar.getName().startsWith("sessionconfig-redis-") && jar.getName().endsWith(".jar"), jar.getName());
    List<String> stray = new ArrayList<>();
    try (JarFile entries = new JarFile(jar)) {
      entries.stream().map(JarEntry::getName)
          .filter(name -> name.endsWith(".class") && !name.startsWith("dev/sessionconfig/"))
          .forEach(stray::add);
    }
    assertEquals(List.of(), stray, "classes in " + jar + " outside dev/sessionconfig/ (a library shaded but not"
        + " relocated, which would clash with the application's copy)");
  }

  @Test
  void sessionsAreWrittenToAndReadFromRedis() throws Exception {
    byte[] random = new byte[36];
    new SecureRandom().nextBytes(random);
    ConfigSource source = ConfigSource.of(Map.of(
        "SECRET_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(random),
        "SESSION_REDIS", redis.url()));
    Server server = App.start(source);
    try (Jedis own = new Jedis("127.0.0.1", redis.port())) {
      String base = "http://127.0.0.1:" + App.port(server);
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(base + "/set?value=old-jedis-ok"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, set.statusCode(), set.body());
      String cookie = set.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

      // The store's record, seen through the application's own Jedis: one session key, with a TTL.
      Set<String> keys = own.keys("session:*");
      assertEquals(1, keys.size(), "session keys in Redis: " + keys);
      String key = keys.iterator().next();
      assertTrue(own.pttl(key) > 0, "the session key has no TTL");

      assertEquals("old-jedis-ok", get(http, base, cookie), "the session read back from Redis");

      // Reads go to Redis: with the key gone, so is the value.
      own.del(key);
      assertEquals("no value set", get(http, base, cookie));
    } finally {
      server.stop();
    }
  }

  private static String get(HttpClient http, String base, String cookie) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/get"))
        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** Jedis's own idea of its version (redis/clients/jedis/pom.properties, or the relocated copy's). */
  private static String jedisVersion(String metaInfoClass) throws Exception {
    Method version = Class.forName(metaInfoClass).getDeclaredMethod("getVersion");
    version.setAccessible(true);
    return (String) version.invoke(null);
  }

  /** The names of the jars on the class path that hold {@code resource}. */
  private static List<String> jarsWith(String resource) throws Exception {
    List<String> jars = new ArrayList<>();
    for (URL url : Collections.list(OldJedisTest.class.getClassLoader().getResources(resource))) {
      String path = url.getPath();
      String jar = path.substring(0, path.indexOf("!/"));
      jars.add(jar.substring(jar.lastIndexOf('/') + 1));
    }
    return jars;
  }
}
