package dev.sessionconfig.runtime.store;

/**
 * The store cannot be reached or did not answer in time: an outage, as opposed to a store that answered with an
 * error. While a store is unavailable, requests that need it fail at once instead of each waiting for a time-out
 * ({@code dev.sessionconfig.runtime.outage.CircuitBreakingStore}). The message names the store, never a secret.
 */
public class StoreUnavailableException extends SessionStoreException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
