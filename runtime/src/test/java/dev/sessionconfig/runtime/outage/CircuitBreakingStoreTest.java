package dev.sessionconfig.runtime.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import dev.sessionconfig.runtime.testing.MemoryStore;
import dev.sessionconfig.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakingStoreTest {
  private final MemoryStore store = new MemoryStore(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final CircuitBreakingStore guarded = new CircuitBreakingStore(store, nanos::get);

  @Test
  void whileTheStoreIsDownCallsFailAtOnceUntilAProbeFindsItBack() {
    assertEquals(Optional.empty(), guarded.read("a"));
    store.down = true;
    assertThrows(StoreUnavailableException.class, () -> guarded.read("a"));
    assertTrue(guarded.open());
    store.attempts.set(0);
    store.down = false; // back, but nobody asks before the probe interval has passed
    StoreUnavailableException fast = assertThrows(StoreUnavailableException.class, () -> guarded.read("a"));
    assertEquals("memory at test:1 is unavailable (memory at test:1 is not reachable: Connection refused); it is"
        + " asked again once a second until it answers", fast.getMessage());
    assertEquals(0, store.attempts.get(), "the store was not asked while the circuit was open");
    nanos.addAndGet(CircuitBreakingStore.PROBE_INTERVAL.toNanos());
    assertEquals(Optional.empty(), guarded.read("a"), "the probe");
    assertFalse(guarded.open());
    assertEquals(Optional.empty(), guarded.read("a"));
    assertEquals(2, store.attempts.get());
  }

  @Test
  void aFailedProbeKeepsTheCircuitOpenForAnotherInterval() {
    store.down = true;
    assertThrows(StoreUnavailableException.class, () -> guarded.read("a"));
    nanos.addAndGet(CircuitBreakingStore.PROBE_INTERVAL.toNanos());
    store.attempts.set(0);
    assertThrows(StoreUnavailableException.class, () -> guarded.read("a"), "the probe fails");
    assertThrows(StoreUnavailableException.class, () -> guarded.read("a"), "failed at once");
    assertEquals(1, store.attempts.get(), "only the probe reached the store");
  }

  @Test
  void errorsTheStoreAnsweredWithLeaveTheCircuitClosed() {
    store.refusing = true;
    SessionStoreException e = assertThrows(SessionStoreException.class, () -> guarded.read("a"));
    assertFalse(e instanceof StoreUnavailableException);
    assertFalse(guarded.open());
    store.refusing = false;
    assertEquals(Optional.empty(), guarded.read("a"));
    assertEquals(Duration.ofSeconds(1), CircuitBreakingStore.PROBE_INTERVAL);
  }
}
