package dev.sessionconfig.bench.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one phase measured: every client repeating one workload, as fast as its answers come (a closed loop),
 * until the phase's time is up. Latencies in microseconds.
 */
record Measurement(Histogram latencies, long requests, long errors, String firstError, long elapsedNanos) {
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

  double requestsPerSecond() {
    return requests * 1e9 / elapsedNanos;
  }

  /** This phase and {@code other} as one: their requests over their summed time. */
  Measurement plus(Measurement other) {
    Histogram both = latencies.copy();
    both.add(other.latencies);
    return new Measurement(both, requests + other.requests, errors + other.errors,
        firstError != null ? firstError : other.firstError, elapsedNanos + other.elapsedNanos);
  }

  /**
   * Runs {@code workload} on every client at once, each on a thread of {@code pool}, for {@code millis}; the
   * phase ends when the last client's last request has been answered.
   */
  static Measurement run(ExecutorService pool, List<SessionClient> clients, Workload workload, long millis)
      throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
    List<Future<Measurement>> perClient = new ArrayList<>();
    for (SessionClient client : clients) {
      perClient.add(pool.submit(loop(client, workload, deadline)));
    }
    Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
    long requests = 0;
    long errors = 0;
    String firstError = null;
    for (Future<Measurement> future : perClient) {
      Measurement one = future.get(); // an I/O failure ends the whole run here, loudly
      latencies.add(one.latencies);
      requests += one.requests;
      errors += one.errors;
      firstError = firstError != null ? firstError : one.firstError;
    }
    return new Measurement(latencies, requests, errors, firstError, System.nanoTime() - start);
  }

  /** One client's own measurement, merged with the others' by {@link #run}. */
  private static Callable<Measurement> loop(SessionClient client, Workload workload, long deadline) {
    return () -> {
      Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
      long requests = 0;
      long errors = 0;
      String firstError = null;
      long first = System.nanoTime();
      long start = first;
      while (start < deadline) {
        String problem = client.call(workload);
        long end = System.nanoTime();
        latencies.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(1, (end - start) / 1_000)));
        requests++;
        if (problem != null) {
          errors++;
          firstError = firstError != null ? firstError : problem;
        }
        start = end;
      }
      return new Measurement(latencies, requests, errors, firstError, start - first);
    };
  }
}
