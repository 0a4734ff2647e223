package dev.sessionconfig.runtime.metrics;

import dev.sessionconfig.SessionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** {@link SessionMetrics} as Micrometer meters; loaded only when Micrometer is on the class path. */
final class MicrometerMetrics implements SessionMetrics {
  private final MeterRegistry registry;
  private final String store;
  private final Counter created;
  private final Counter invalidated;
  private final Counter expired;
  private final Counter unreadable;

  MicrometerMetrics(MeterRegistry registry, SessionType type) {
    this.registry = registry;
    this.store = type.name().toLowerCase(Locale.ROOT);
    this.created = sessions("created", "Sessions created (sessionCreated for the listeners)");
    this.invalidated = sessions("invalidated", "Sessions ended by invalidate()");
    this.expired = sessions("expired", "Sessions that expired in the store, as the store reported them");
    this.unreadable = sessions("unreadable", "Stored sessions dropped because they could not be read back");
  }

  static SessionMetrics globalFor(SessionType type) {
    return new MicrometerMetrics(Metrics.globalRegistry, type);
  }

  private Counter sessions(String event, String description) {
    return Counter.builder("sessionconfig.sessions." + event).tag("store", store).description(description)
        .register(registry);
  }

  @Override
  public void storeCall(String operation, long nanos, Outcome outcome) {
    String result = outcome.name().toLowerCase(Locale.ROOT);
    // Micrometer caches meters by name and tags: looking one up per call costs a map lookup, not a new meter.
    Timer.builder("sessionconfig.store.requests").description("Calls to the session store")
        .tags("store", store, "operation", operation, "outcome", result).register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (outcome != Outcome.SUCCESS) {
      Counter.builder("sessionconfig.store.errors").description("Session store calls that failed")
          .tags("store", store, "operation", operation, "kind", result).register(registry).increment();
    }
  }

  @Override
  public void sessionCreated() {
    created.increment();
  }

  @Override
  public void sessionInvalidated() {
    invalidated.increment();
  }

  @Override
  public void sessionExpired() {
    expired.increment();
  }

  @Override
  public void unreadableDropped() {
    unreadable.increment();
  }

  @Override
  public void attributeRejected(Rejection reason) {
    Counter.builder("sessionconfig.attributes.rejected").description("Values refused at setAttribute")
        .tags("store", store, "reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
  }
}
