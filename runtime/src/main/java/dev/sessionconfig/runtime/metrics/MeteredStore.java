package dev.sessionconfig.runtime.metrics;

import dev.sessionconfig.runtime.metrics.SessionMetrics.Outcome;
import dev.sessionconfig.runtime.store.ExpiryListener;
import dev.sessionconfig.runtime.store.PrincipalIndex;
import dev.sessionconfig.runtime.store.SessionChange;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.StoreUnavailableException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** A store whose every call is timed and whose failures are counted, by {@link SessionMetrics}. */
public final class MeteredStore implements SessionStore {
  private final SessionStore store;
  private final SessionMetrics metrics;

  private MeteredStore(SessionStore store, SessionMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  /** {@code store}, measured; {@code store} itself when nothing is measured. */
  public static SessionStore around(SessionStore store, SessionMetrics metrics) {
    return metrics == SessionMetrics.NONE ? store : new MeteredStore(store, metrics);
  }

  @Override
  public Optional<SessionRecord> read(String id) {
    return timed("read", () -> store.read(id));
  }

  @Override
  public void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    timed("write", () -> {
      store.write(id, record, expiresAt, principal);
      return null;
    });
  }

  @Override
  public boolean update(String id, SessionRecord basis, SessionChange change) {
    return timed("update", () -> store.update(id, basis, change));
  }

  @Override
  public void delete(String id) {
    timed("delete", () -> {
      store.delete(id);
      return null;
    });
  }

  @Override
  public void delete(String id, String principal) {
    timed("delete", () -> {
      store.delete(id, principal);
      return null;
    });
  }

  @Override
  public void checkAvailable() {
    timed("check", () -> {
      store.checkAvailable();
      return null;
    });
  }

  @Override
  public Optional<PrincipalIndex> principalIndex() {
    return store.principalIndex().map(index -> principal -> timed("find", () -> index.find(principal)));
  }

  @Override
  public Optional<String> reportExpiries(ExpiryListener listener) {
    return store.reportExpiries(listener);
  }

  @Override
  public String description() {
    return store.description();
  }

  @Override
  public void close() {
    store.close();
  }

  private <T> T timed(String operation, Supplier<T> call) {
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
