package dev.sessionconfig.runtime.testing;

import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real in-memory store that counts its calls, can be taken down to simulate an outage, and can be told to
 * ignore expiry (to prove that the session layer checks it too).
 */
public final class MemoryStore implements SessionStore {
  public record Entry(byte[] data, Instant expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  public final AtomicInteger reads = new AtomicInteger();
  public final AtomicInteger writes = new AtomicInteger();
  public final AtomicInteger deletes = new AtomicInteger();
  public volatile boolean down;
  public volatile boolean enforceExpiry = true;
  public volatile boolean closed;

  public MemoryStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<byte[]> read(String id) {
    check();
    reads.incrementAndGet();
    Entry entry = entries.get(id);
    if (entry == null || (enforceExpiry && !entry.expiresAt().isAfter(clock.instant()))) {
      return Optional.empty();
    }
    return Optional.of(entry.data().clone());
  }

  @Override
  public void write(String id, byte[] data, Instant expiresAt) {
    check();
    writes.incrementAndGet();
    entries.put(id, new Entry(data.clone(), expiresAt));
  }

  @Override
  public void delete(String id) {
    check();
    deletes.incrementAndGet();
    entries.remove(id);
  }

  @Override
  public void checkAvailable() {
    check();
  }

  @Override
  public String description() {
    return "memory at test:1";
  }

  @Override
  public void close() {
    closed = true;
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public int calls() {
    return reads.get() + writes.get() + deletes.get();
  }

  public void resetCounts() {
    reads.set(0);
    writes.set(0);
    deletes.set(0);
  }

  private void check() {
    if (down) {
      throw new SessionStoreException("memory at test:1 is not reachable: Connection refused");
    }
  }
}
