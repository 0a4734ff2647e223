package dev.sessionconfig.runtime.outage;

import dev.sessionconfig.runtime.store.ExpiryListener;
import dev.sessionconfig.runtime.store.PrincipalIndex;
import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A store that stops asking a store known to be down. The first {@link StoreUnavailableException} (no connection,
 * no answer in time) opens the circuit: for {@link #PROBE_INTERVAL} every call fails at once with a
 * {@code StoreUnavailableException} naming the store and the last failure, so that an outage costs each request a
 * 503 at once rather than a time-out, and container threads are not all held by one dead store. Then one call at a
 * time goes through as a probe (the others still fail at once): its success closes the circuit, its failure opens
 * it for another interval. Errors the store answered with (a refused login, a bad command) pass through and
 * leave the circuit as it is.
 */
public final class CircuitBreakingStore implements SessionStore {
  /** How long an open circuit fails calls before one of them probes the store again. */
  public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.store");

  private final SessionStore store;
  private final LongSupplier nanoTime;
  private final AtomicBoolean probing = new AtomicBoolean();
  /** When the circuit opened, or 0 while it is closed. */
  private volatile long openedAt;
  private volatile long nextProbeAt;
  private volatile String lastFailure;

  CircuitBreakingStore(SessionStore store, LongSupplier nanoTime) {
    this.store = store;
    this.nanoTime = nanoTime;
  }

  /** {@code store}, failing fast while it is down. */
  public static SessionStore around(SessionStore store) {
    return store instanceof CircuitBreakingStore ? store : new CircuitBreakingStore(store, System::nanoTime);
  }

  @Override
  public Optional<SessionRecord> read(String id) {
    return guarded(() -> store.read(id));
  }

  @Override
  public void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    guarded(() -> {
      store.write(id, record, expiresAt, principal);
      return null;
    });
  }

  @Override
  public boolean update(String id, SessionRecord basis, SessionChange change) {
    return guarded(() -> store.update(id, basis, change));
  }

  @Override
  public void delete(String id) {
    guarded(() -> {
      store.delete(id);
      return null;
    });
  }

  @Override
  public void delete(String id, String principal) {
    guarded(() -> {
      store.delete(id, principal);
      return null;
    });
  }

  @Override
  public void checkAvailable() {
    guarded(() -> {
      store.checkAvailable();
      return null;
    });
  }

  @Override
  public String description() {
    return store.description();
  }

  @Override
  public Optional<PrincipalIndex> principalIndex() {
    return store.principalIndex().map(index -> principal -> guarded(() -> index.find(principal)));
  }

  @Override
  public Optional<String> reportExpiries(ExpiryListener listener) {
    return store.reportExpiries(listener);
  }

  @Override
  public void close() {
    store.close();
  }

  /** Whether calls fail at once now, the store being known to be down; for {@code describe()} and tests. */
  public boolean open() {
    return openedAt != 0;
  }

  private <T> T guarded(Supplier<T> call) {
    boolean probe = false;
    if (openedAt != 0) {
      if (nanoTime.getAsLong() - nextProbeAt < 0 || !probing.compareAndSet(false, true)) {
        throw new StoreUnavailableException(store.description() + " is unavailable (" + lastFailure + "); it is"
            + " asked again once a second until it answers");
      }
      probe = true;
    }
    try {
      T result = call.get();
      if (openedAt != 0) {
        closeCircuit();
      }
      return result;
    } catch (StoreUnavailableException e) {
      openCircuit(e);
      throw e;
    } finally {
      if (probe) {
        probing.set(false);
      }
    }
  }

  private synchronized void openCircuit(StoreUnavailableException failure) {
    long now = nanoTime.getAsLong();
    lastFailure = failure.getMessage();
    nextProbeAt = now + PROBE_INTERVAL.toNanos();
    if (openedAt == 0) {
      openedAt = now == 0 ? 1 : now;
      LOG.log(System.Logger.Level.WARNING, store.description() + " is unavailable (" + failure.getMessage() + "):"
          + " requests that need a session are answered 503 at once until it answers again; it is probed once a"
          + " second");
    }
  }

  private synchronized void closeCircuit() {
    if (openedAt == 0) {
      return;
    }
    long downMillis = Duration.ofNanos(nanoTime.getAsLong() - openedAt).toMillis();
    openedAt = 0;
    LOG.log(System.Logger.Level.INFO, store.description() + " answers again, after " + downMillis + " ms");
  }
}
