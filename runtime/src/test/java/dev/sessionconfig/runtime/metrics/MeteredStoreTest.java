package dev.sessionconfig.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import dev.sessionconfig.runtime.store.TestRecords;
import dev.sessionconfig.runtime.testing.MemoryStore;
import dev.sessionconfig.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeteredStoreTest {
  private final MutableClock clock = new MutableClock();
  private final MemoryStore memory = new MemoryStore(clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SessionStore store =
      MeteredStore.around(memory, new MicrometerMetrics(registry, SessionType.REDIS));

  @Test
  void everyCallIsTimedByOperationAndOutcome() {
    store.write("id1", TestRecords.record("data"), clock.instant().plus(Duration.ofMinutes(1)), null);
    store.read("id1");
    store.read("id2");
    store.delete("id1");
    assertEquals(1, timed("write", "success"));
    assertEquals(2, timed("read", "success"));
    assertEquals(1, timed("delete", "success"));
    assertTrue(registry.find("sessionconfig.store.errors").counters().isEmpty(), registry.getMetersAsString());
  }

  @Test
  void anUnreachableStoreAndARefusalAreCountedApart() {
    memory.down = true;
    assertThrows(StoreUnavailableException.class, () -> store.read("id1"));
    memory.down = false;
    memory.refusing = true;
    SessionStoreException refused = assertThrows(SessionStoreException.class, () -> store.read("id1"));
    assertFalse(refused instanceof StoreUnavailableException);
    assertEquals(1, timed("read", "unavailable"));
    assertEquals(1, timed("read", "error"));
    assertEquals(1.0, registry.get("sessionconfig.store.errors").tags("store", "redis", "operation", "read",
        "kind", "unavailable").counter().count());
    assertEquals(1.0, registry.get("sessionconfig.store.errors").tags("store", "redis", "operation", "read",
        "kind", "error").counter().count());
  }

  @Test
  void healthSaysWhetherTheStoreAnswersAndWhyNot() {
    StoreHealth up = StoreHealth.of(store);
    assertTrue(up.up());
    assertEquals(memory.description(), up.store());
    memory.down = true;
    StoreHealth down = StoreHealth.of(store);
    assertFalse(down.up());
    assertEquals("memory at test:1 is not reachable: Connection refused", down.detail());
    assertEquals(1, timed("check", "unavailable"));
  }

  @Test
  void withoutMetricsTheStoreIsNotWrapped() {
    assertSame(memory, MeteredStore.around(memory, SessionMetrics.NONE));
  }

  private long timed(String operation, String outcome) {
    return registry.find("sessionconfig.store.requests")
        .tags("store", "redis", "operation", operation, "outcome", outcome).timers().stream()
        .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
  }
}
