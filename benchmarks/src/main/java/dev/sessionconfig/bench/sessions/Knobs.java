package dev.sessionconfig.bench.sessions;

/** The run's settings, from system properties; durations in whole seconds. */
record Knobs(int concurrency, int warmupSeconds, int measureSeconds) {

  /**
   * {@code bench.sessions.concurrency} (clients, 16), {@code bench.sessions.warmup} (5 s) and
   * {@code bench.sessions.duration} (measured, 10 s), for each workload of each variant.
   */
  static Knobs fromSystemProperties() {
    return new Knobs(Integer.getInteger("bench.sessions.concurrency", 16),
        Integer.getInteger("bench.sessions.warmup", 5), Integer.getInteger("bench.sessions.duration", 10));
  }
}
