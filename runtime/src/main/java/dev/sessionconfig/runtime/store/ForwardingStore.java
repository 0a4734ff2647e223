package dev.sessionconfig.runtime.store;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A store that passes every call to another store through one method, {@link #forward}: the base of the decorators
 * that time, count or guard store calls, so that each of them is written once for every operation.
 */
public abstract class ForwardingStore implements SessionStore {
  /** The store the calls go to. */
  protected final SessionStore store;

  protected ForwardingStore(SessionStore store) {
    this.store = store;
  }

  /**
   * Runs one call of {@link #store}.
   *
   * @param operation what the call does: {@code read}, {@code write}, {@code update}, {@code delete}, {@code check}
   *     or {@code find}
   */
  protected abstract <T> T forward(String operation, Supplier<T> call);

  @Override
  public final Optional<SessionRecord> read(String id) {
    return forward("read", () -> store.read(id));
  }

  @Override
  public final void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    forward("write", () -> {
      store.write(id, record, expiresAt, principal);
      return null;
    });
  }

  @Override
  public final boolean update(String id, SessionRecord basis, SessionChange change) {
    return forward("update", () -> store.update(id, basis, change));
  }

  @Override
  public final void delete(String id) {
    forward("delete", () -> {
      store.delete(id);
      return null;
    });
  }

  @Override
  public final void delete(String id, String principal) {
    forward("delete", () -> {
      store.delete(id, principal);
      return null;
    });
  }

  @Override
  public final void checkAvailable() {
    forward("check", () -> {
      store.checkAvailable();
      return null;
    });
  }

  @Override
  public final Optional<PrincipalIndex> principalIndex() {
    return store.principalIndex().map(index -> principal -> forward("find", () -> index.find(principal)));
  }

  @Override
  public final Optional<String> reportExpiries(ExpiryListener listener) {
    return store.reportExpiries(listener);
  }

  @Override
  public final String description() {
    return store.description();
  }

  @Override
  public final void close() {
    store.close();
  }
}
