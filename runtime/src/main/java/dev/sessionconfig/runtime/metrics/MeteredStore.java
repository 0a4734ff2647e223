package dev.sessionconfig.runtime.metrics;

import dev.sessionconfig.runtime.metrics.SessionMetrics.Outcome;
import dev.sessionconfig.runtime.store.ForwardingStore;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import java.util.function.Supplier;

/** A store whose every call is timed and whose failures are counted, by {@link SessionMetrics}. */
public final class MeteredStore extends ForwardingStore {
  private final SessionMetrics metrics;

  private MeteredStore(SessionStore store, SessionMetrics metrics) {
    super(store);
    this.metrics = metrics;
  }

  /** {@code store}, measured; {@code store} itself when nothing is measured. */
  public static SessionStore around(SessionStore store, SessionMetrics metrics) {
    return metrics == SessionMetrics.NONE ? store : new MeteredStore(store, metrics);
  }

  @Override
  protected <T> T forward(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    Outcome outcome = Outcome.ERROR;
    try {
      T result = call.get();
      outcome = Outcome.SUCCESS;
      return result;
    } catch (StoreUnavailableException e) {
      outcome = Outcome.UNAVAILABLE;
      throw e;
    } finally {
      metrics.storeCall(operation, System.nanoTime() - start, outcome);
    }
  }
}
