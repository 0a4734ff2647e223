package dev.sessionconfig.bench.users;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One library on one store: the timed lookups (latencies in nanoseconds), what the server counted meanwhile, and
 * the round trips counted on the wire in a separate pass ({@code NaN} when there is no server to go round to).
 */
record Result(String library, String store, int recordBytes, double writeSeconds, Histogram latencies,
    long lookups, long wrong, String firstWrong, Map<String, Long> serverCounts, double roundTripsPerLookup,
    long countedLookups) {

  double perLookup(long count) {
    return (double) count / lookups;
  }

  double p(double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1000.0;
  }
}
