package dev.sessionconfig.bench.sessions;

/** The run's settings, from system properties; durations in whole seconds. */
record Knobs(int concurrency, int warmupSeconds, int measureSeconds, int rounds, int monitorSeconds,
    int increments) {

  /**
   * {@code bench.sessions.concurrency} (clients, 16), {@code bench.sessions.warmup} (5 s),
   * {@code bench.sessions.duration} (measured, 10 s, in {@code bench.sessions.rounds} slices, 5, the variants
   * taking turns) and {@code bench.sessions.monitored} (commands counted under MONITOR, 2 s), for each workload of
   * each variant; {@code bench.sessions.increments} (200), each client's requests in the contended workload.
   */
  static Knobs fromSystemProperties() {
    return new Knobs(Integer.getInteger("bench.sessions.concurrency", 16),
        Integer.getInteger("bench.sessions.warmup", 5), Integer.getInteger("bench.sessions.duration", 10),
        Integer.getInteger("bench.sessions.rounds", 5),
        Integer.getInteger("bench.sessions.monitored", 2), Integer.getInteger("bench.sessions.increments", 200));
  }
}
