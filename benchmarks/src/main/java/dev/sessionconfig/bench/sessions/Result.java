package dev.sessionconfig.bench.sessions;

import java.util.Map;

/** One variant under one workload: the measured phase, and the Redis commands the server ran during it. */
record Result(Variant variant, Workload workload, Measurement measured, Map<String, Long> commands) {

  double commandsPerRequest() {
    return commands.values().stream().mapToLong(Long::longValue).sum() / (double) measured.requests();
  }

  double perRequest(String command) {
    return commands.get(command) / (double) measured.requests();
  }
}
