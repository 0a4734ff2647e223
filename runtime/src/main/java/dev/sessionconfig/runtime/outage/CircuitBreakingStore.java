package dev.sessionconfig.runtime.outage;

import dev.sessionconfig.runtime.store.ForwardingStore;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import java.time.Duration;
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
public final class CircuitBreakingStore extends ForwardingStore {
  /** How long an open circuit fails calls before one of them probes the store again. */
  public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.store");

  private final LongSupplier nanoTime;
  private final AtomicBoolean probing = new AtomicBoolean();
  /** When the circuit opened, or 0 while it is closed. */
  private volatile long openedAt;
  private volatile long nextProbeAt;
  private volatile String lastFailure;

  CircuitBreakingStore(SessionStore store, LongSupplier nanoTime) {
    super(store);
    this.nanoTime = nanoTime;
  }

  /** {@code store}, failing fast while it is down. */
  public static SessionStore around(SessionStore store) {
    return store instanceof CircuitBreakingStore ? store : new CircuitBreakingStore(store, System::nanoTime);
  }

  /** Whether calls fail at once now, the store being known to be down; for {@code describe()} and tests. */
  public boolean open() {
    return openedAt != 0;
  }

  @Override
  protected <T> T forward(String operation, Supplier<T> call) {
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
