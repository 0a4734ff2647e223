package dev.sessionconfig.bench.sessions;

/** Which attributes the clients of one session increment in the contended workload. */
enum Contention {
  DISTINCT("own attribute each", "client i increments `c<i>`"),
  SAME("one attribute for all", "every client increments `c`");

  final String label;
  final String description;

  Contention(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The counter client {@code index} increments. */
  String counter(int index) {
    return this == DISTINCT ? "c" + index : "c";
  }
}
