package dev.sessionconfig.redis;

import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.Lookup;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.SettingsCollector;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import dev.sessionconfig.testing.RedisServer;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

class RedisSessionStoreProviderTest {
  @RegisterExtension static final RedisServer redis = RedisServer.create();

  @Test
  void isTheServiceTheProcessorAndRuntimeLookFor() {
    List<SessionStoreProvider> providers = ServiceLoader.load(SessionStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.type() == SessionType.REDIS).collect(Collectors.toList());
    assertEquals(1, providers.size());
    assertEquals(SessionType.REDIS.storeClassName().orElseThrow(), providers.get(0).getClass().getName());
  }

  @Test
  void opensTheStoreTheSettingsDescribe() {
    SessionSettings settings = SettingsCollector.forConfig("com.acme.Config", false, ConfigSource.of(Map.of(
            "SECRET_KEY", "q8Jx2vN5rT0wLz7bK4mP1sD9fG6hC3aE", "REDIS_URL", redis.url(""))))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
        .constant(Setting.SESSION_TYPE, "com.acme.Config.SESSION_TYPE", "redis")
        .lookup(Setting.SESSION_REDIS, Lookup.env("REDIS_URL"))
        .settings();
    try (SessionStore store = new RedisSessionStoreProvider().open(settings); Jedis client = redis.client()) {
      store.checkAvailable();
      store.write("id1", record("data"), inAMinute(), null);
      assertEquals("data", client.hget("session:id1", ""), "SESSION_KEY_PREFIX defaults to session:");
      assertEquals("redis at 127.0.0.1:" + redis.port() + "/0", store.description());
    }
  }
}
