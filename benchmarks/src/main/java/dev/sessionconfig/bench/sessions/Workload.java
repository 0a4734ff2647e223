package dev.sessionconfig.bench.sessions;

/** What each client repeats during a phase: read its session's value, or write a new one. */
enum Workload {
  READ("read", "GET /get"),
  WRITE("write", "POST /set?value=N");

  /** The quickstart's answer to {@code /get} when the session holds no value. */
  static final String NO_VALUE = "no value set";
  /** The quickstart's answer to {@code /set}. */
  static final String VALUE_SET = "value set";

  final String label;
  final String request;

  Workload(String label, String request) {
    this.label = label;
    this.request = request;
  }
}
