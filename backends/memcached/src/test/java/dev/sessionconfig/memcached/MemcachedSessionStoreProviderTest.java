package dev.sessionconfig.memcached;

import static dev.sessionconfig.testing.StoreData.inAMinute;
import static dev.sessionconfig.memcached.TestData.rawGet;
import static dev.sessionconfig.memcached.TestData.rawItem;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.Lookup;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.SettingsCollector;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import dev.sessionconfig.testing.MemcachedServer;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemcachedSessionStoreProviderTest {
  @RegisterExtension static final MemcachedServer first = MemcachedServer.create();
  @RegisterExtension static final MemcachedServer second = MemcachedServer.create();

  @Test
  void isTheServiceTheProcessorAndRuntimeLookFor() {
    List<SessionStoreProvider> providers = ServiceLoader.load(SessionStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.type() == SessionType.MEMCACHED).collect(Collectors.toList());
    assertEquals(1, providers.size());
    assertEquals(SessionType.MEMCACHED.storeClassName().orElseThrow(), providers.get(0).getClass().getName());
    assertEquals("sessionconfig-memcached", SessionType.MEMCACHED.storeArtifactId().orElseThrow());
  }

  @Test
  void opensTheStoreTheSettingsDescribe() {
    // SESSION_MEMCACHED from the environment, as a Flask-Session user would write it: "host:port,host:port".
    SessionSettings settings = settings(Map.of("MEMCACHED_SERVERS", first.address() + "," + second.address()));
    try (SessionStore store = new MemcachedSessionStoreProvider().open(settings)) {
      store.checkAvailable();
      store.write("id1", record("data"), inAMinute(), null);
      assertEquals("data", text(store.read("id1")));
      List<String> found = rawGet(first, "session:id1").size() > 1 ? rawGet(first, "session:id1")
          : rawGet(second, "session:id1");
      assertEquals(rawItem("session:id1", record("data")), found, "SESSION_KEY_PREFIX defaults to session:");
      assertEquals("memcached at " + first.address() + "," + second.address(), store.description());
    }
  }

  @Test
  void aMissingServerFailsTheCheckAtStartupNamingIt() {
    int port = MemcachedServer.freePort();
    SessionSettings settings = settings(Map.of("MEMCACHED_SERVERS", first.address() + ",127.0.0.1:" + port));
    try (SessionStore store = new MemcachedSessionStoreProvider().open(settings)) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertEquals("memcached at 127.0.0.1:" + port + " is not reachable: Connection refused", e.getMessage());
    }
  }

  private static SessionSettings settings(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("SECRET_KEY", "q8Jx2vN5rT0wLz7bK4mP1sD9fG6hC3aE");
    return SettingsCollector.forConfig("com.acme.Config", false, ConfigSource.of(all))
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
        .constant(Setting.SESSION_TYPE, "com.acme.Config.SESSION_TYPE", "memcached")
        .lookup(Setting.SESSION_MEMCACHED, Lookup.env("MEMCACHED_SERVERS"))
        .settings();
  }
}
