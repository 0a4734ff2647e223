package dev.sessionconfig.bench.codec;

/** JMH's settings for this run, from system properties. */
record Knobs(int forks, int warmups, int iterations, int seconds) {

  /**
   * {@code bench.codec.forks} (2), {@code bench.codec.warmups} (10 iterations), {@code bench.codec.iterations}
   * (5 measured) and {@code bench.codec.seconds} (the length of each iteration, 1 s). The long warm-up is needed:
   * on 2 cores Jackson's and JDK serialization's reads take some 8 s to reach their steady time.
   */
  static Knobs fromSystemProperties() {
    Knobs knobs = new Knobs(Integer.getInteger("bench.codec.forks", 2),
        Integer.getInteger("bench.codec.warmups", 10), Integer.getInteger("bench.codec.iterations", 5),
        Integer.getInteger("bench.codec.seconds", 1));
    if (knobs.forks < 1 || knobs.warmups < 0 || knobs.iterations < 1 || knobs.seconds < 1) {
      throw new IllegalArgumentException("bench.codec: at least 1 fork, 1 measured iteration and 1 s per iteration,"
          + " no negative warm-up; got " + knobs);
    }
    return knobs;
  }
}
