package dev.sessionconfig.bench.users;

/** The run's settings, from system properties. */
record Knobs(int users, int sessionsPerUser, int warmupLookups, int lookups, int countedLookups, int writers) {

  /**
   * {@code bench.users.users} (10,000), {@code bench.users.sessions} (per user, 3), {@code bench.users.warmup}
   * (lookups before measuring, 2,000), {@code bench.users.lookups} (timed, 10,000), {@code bench.users.counted}
   * (lookups through the round-trip counting relay, 1,000) and {@code bench.users.writers} (threads writing the
   * sessions, 8).
   */
  static Knobs fromSystemProperties() {
    return new Knobs(Integer.getInteger("bench.users.users", 10_000), Integer.getInteger("bench.users.sessions", 3),
        Integer.getInteger("bench.users.warmup", 2_000), Integer.getInteger("bench.users.lookups", 10_000),
        Integer.getInteger("bench.users.counted", 1_000), Integer.getInteger("bench.users.writers", 8));
  }

  int sessions() {
    return users * sessionsPerUser;
  }
}
