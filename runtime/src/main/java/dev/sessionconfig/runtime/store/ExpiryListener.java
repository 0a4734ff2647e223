package dev.sessionconfig.runtime.store;

import java.util.Optional;

/** Hears of sessions that expired in a store, each on one application instance only. */
@FunctionalInterface
public interface ExpiryListener {

  /**
   * Session {@code id} expired.
   *
   * @param lastRecord its record as it was, when the store still has it (a store whose entries vanish at expiry,
   *     such as Redis, has not)
   */
  void expired(String id, Optional<SessionRecord> lastRecord);
}
