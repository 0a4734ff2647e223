package dev.sessionconfig.runtime.testing;

import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
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
  /** A session as one value, {@link SessionRecord#toBytes()}, as the stores that keep whole records hold it. */
  public record Entry(byte[] data, Instant expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  public final AtomicInteger reads = new AtomicInteger();
  public final AtomicInteger writes = new AtomicInteger();
  public final AtomicInteger deletes = new AtomicInteger();
  /** Every call, including those that failed. */
  public final AtomicInteger attempts = new AtomicInteger();
  /** Down: calls fail as with an unreachable server. */
  public volatile boolean down;
  /** Refusing: calls fail as with a server that answers with an error. */
  public volatile boolean refusing;
  public volatile boolean enforceExpiry = true;
  public volatile boolean closed;

  public MemoryStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<SessionRecord> read(String id) {
    check();
    reads.incrementAndGet();
    Entry entry = entries.get(id);
    if (entry == null || (enforceExpiry && !entry.expiresAt().isAfter(clock.instant()))) {
      return Optional.empty();
    }
    return Optional.of(SessionRecord.parse(entry.data(), 0));
  }

  @Override
  public void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    check();
    writes.incrementAndGet();
    entries.put(id, new Entry(record.toBytes(), expiresAt));
  }

  /** Merged atomically, as a store's own update is. */
  @Override
  public boolean update(String id, SessionRecord basis, SessionChange change) {
    check();
    writes.incrementAndGet();
    return entries.computeIfPresent(id, (key, entry) -> new Entry(
        SessionRecord.parse(entry.data(), 0).apply(change).toBytes(), change.expiresAt())) != null;
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
    attempts.incrementAndGet();
    if (down) {
      throw new StoreUnavailableException("memory at test:1 is not reachable: Connection refused");
    }
    if (refusing) {
      throw new SessionStoreException("memory at test:1 refused the command: NOPERM");
    }
  }
}
