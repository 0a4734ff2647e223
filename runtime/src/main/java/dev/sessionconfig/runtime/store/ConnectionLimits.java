package dev.sessionconfig.runtime.store;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How long a networked store waits for its server and how many connections it may open: SESSION_STORE_TIMEOUT
 * and SESSION_STORE_POOL_SIZE, the same two settings for every store.
 *
 * @param timeout the longest a request waits for a connection and then for each answer; a store that does not
 *     answer within it fails the request (503), so it is also the whole cost of an outage to one request
 * @param poolSize the most connections to open; empty for the store's own default
 */
public record ConnectionLimits(Duration timeout, OptionalInt poolSize) {
  /** SESSION_STORE_TIMEOUT's default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  /** The defaults: {@link #DEFAULT_TIMEOUT}, and each store's own pool size. */
  public static final ConnectionLimits DEFAULTS = new ConnectionLimits(DEFAULT_TIMEOUT, OptionalInt.empty());

  public ConnectionLimits {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("SESSION_STORE_TIMEOUT must be positive, not " + timeout);
    }
    if (poolSize.isPresent() && poolSize.getAsInt() < 1) {
      throw new IllegalArgumentException("SESSION_STORE_POOL_SIZE must be at least 1, not " + poolSize.getAsInt());
    }
  }

  /** The pool size, or {@code storeDefault} when the application left it to the store. */
  public int poolSize(int storeDefault) {
    return poolSize.orElse(storeDefault);
  }
}
