package dev.sessionconfig.runtime.metrics;

import dev.sessionconfig.SessionType;

/**
 * The events sessions count and time. With Micrometer on the class path they are meters in Micrometer's global
 * registry ({@code Metrics.globalRegistry}), which Spring Boot's registry joins by default and any other
 * application joins with {@code Metrics.addRegistry(registry)}:
 *
 * <ul>
 *   <li>{@code sessionconfig.store.requests} (timer; tags {@code store}, {@code operation}: read, write, update,
 *       delete, find, check; {@code outcome}: success, unavailable, error)
 *   <li>{@code sessionconfig.store.errors} (counter; tags {@code store}, {@code operation}, {@code kind}:
 *       unavailable when the store could not be reached, error when it refused)
 *   <li>{@code sessionconfig.sessions.created}, {@code .invalidated}, {@code .expired} (counters; tag {@code store})
 *   <li>{@code sessionconfig.sessions.unreadable} (counter: stored sessions dropped as unreadable)
 *   <li>{@code sessionconfig.attributes.rejected} (counter; tag {@code reason}: type, size: values refused at
 *       {@code setAttribute})
 * </ul>
 *
 * Without Micrometer every method does nothing.
 */
public interface SessionMetrics {
  /** What a store call came to. */
  enum Outcome {
    SUCCESS, UNAVAILABLE, ERROR
  }

  /** Why {@code setAttribute} refused a value. */
  enum Rejection {
    /** Its class is neither built in, declared nor allowed. */
    TYPE,
    /** It would make the session larger than SESSION_MAX_SIZE. */
    SIZE
  }

  /** Measures nothing: for applications without Micrometer, and for tests. */
  SessionMetrics NONE = new SessionMetrics() {
    @Override
    public void storeCall(String operation, long nanos, Outcome outcome) {}

    @Override
    public void sessionCreated() {}

    @Override
    public void sessionInvalidated() {}

    @Override
    public void sessionExpired() {}

    @Override
    public void unreadableDropped() {}

    @Override
    public void attributeRejected(Rejection reason) {}
  };

  void storeCall(String operation, long nanos, Outcome outcome);

  void sessionCreated();

  void sessionInvalidated();

  void sessionExpired();

  void unreadableDropped();

  void attributeRejected(Rejection reason);

  /** Micrometer's meters for sessions stored by {@code type} when Micrometer is on the class path, else {@link #NONE}. */
  static SessionMetrics of(SessionType type) {
    return MicrometerPresence.AVAILABLE ? MicrometerMetrics.globalFor(type) : NONE;
  }
}
