package dev.sessionconfig.bench.sessions;

import java.util.Map;

/**
 * One variant under one workload: the measured phase and the Redis commands the server ran during it (those its
 * scripts ran included), and a phase of its own under {@code MONITOR} with the commands clients sent.
 */
record Result(Variant variant, Workload workload, Measurement measured, Map<String, Long> commands,
    Measurement monitored, Map<String, Long> sent) {

  double commandsPerRequest() {
    return commands.values().stream().mapToLong(Long::longValue).sum() / (double) measured.requests();
  }

  double perRequest(String command) {
    return commands.get(command) / (double) measured.requests();
  }

  /** Commands sent per request, each one a round trip. */
  double roundTripsPerRequest() {
    return sent.values().stream().mapToLong(Long::longValue).sum() / (double) monitored.requests();
  }

  double sentPerRequest(String command) {
    return sent.get(command) / (double) monitored.requests();
  }
}
