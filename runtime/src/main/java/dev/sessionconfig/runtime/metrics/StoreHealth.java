package dev.sessionconfig.runtime.metrics;

import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;

/**
 * Whether the session store answers, for a health endpoint: asked of the store itself, so a store known to be down
 * answers at once.
 *
 * @param up whether the store answered
 * @param store the store, as its messages name it (never with a password)
 * @param detail {@code "answers"}, or why not
 */
public record StoreHealth(boolean up, String store, String detail) {

  /** Asks {@code store} whether it answers now. */
  public static StoreHealth of(SessionStore store) {
    try {
      store.checkAvailable();
      return new StoreHealth(true, store.description(), "answers");
    } catch (SessionStoreException e) {
      return new StoreHealth(false, store.description(), String.valueOf(e.getMessage()));
    }
  }
}
