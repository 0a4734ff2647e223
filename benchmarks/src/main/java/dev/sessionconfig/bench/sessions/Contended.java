package dev.sessionconfig.bench.sessions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The contended workload on one variant: clients on one session (one cookie, a connection each), each in a closed
 * loop of {@code POST /increment} a fixed number of times, all at once; then every counter is read back. Each
 * increment that answered 200 added one, so the counters should sum to the requests answered: what is missing is
 * lost updates (an increment that a parallel request's write overwrote).
 *
 * @param expected the increments answered, what the counters should sum to
 * @param counted what the counters sum to, read back after the last answer
 * @param commands the Redis commands the server ran meanwhile ({@code INFO commandstats})
 */
record Contended(Variant variant, Contention contention, Histogram latencies, long requests, long elapsedNanos,
    long expected, long counted, long errors, String firstError, Map<String, Long> commands) {
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

  double requestsPerSecond() {
    return requests * 1e9 / elapsedNanos;
  }

  long lostUpdates() {
    return expected - counted;
  }

  double commandsPerRequest() {
    return commands.values().stream().mapToLong(Long::longValue).sum() / (double) requests;
  }

  /**
   * Runs it on {@code port}: the first client creates the session with the realistic session in it, as in the other
   * workloads, the others share its cookie. {@code beforeStart} runs once every client is connected.
   */
  static Contended run(Variant variant, Contention contention, int port, int clients, int increments,
      ExecutorService pool, Runnable beforeStart, java.util.function.Supplier<Map<String, Long>> commandsSince)
      throws Exception {
    List<SessionClient> all = new ArrayList<>();
    try {
      SessionClient owner = SessionClient.start(port, 0, true);
      all.add(owner);
      for (int i = 1; i < clients; i++) {
        all.add(SessionClient.sharing(port, i, owner));
      }
      beforeStart.run();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<long[]>> perClient = new ArrayList<>();
      List<Histogram> histograms = new ArrayList<>();
      List<String> firstErrors = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Histogram histogram = new Histogram(MAX_LATENCY_MICROS, 3);
        histograms.add(histogram);
        firstErrors.add(null);
        perClient.add(pool.submit(loop(all.get(i), contention.counter(i), increments, go, histogram, firstErrors, i)));
      }
      long start = System.nanoTime();
      go.countDown();
      long answered = 0;
      long errors = 0;
      for (Future<long[]> future : perClient) {
        long[] counts = future.get();
        answered += counts[0];
        errors += counts[1];
      }
      long elapsed = System.nanoTime() - start;
      Map<String, Long> commands = commandsSince.get();
      Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
      histograms.forEach(latencies::add);
      Set<String> counters = new LinkedHashSet<>();
      for (int i = 0; i < clients; i++) {
        counters.add(contention.counter(i));
      }
      long counted = 0;
      for (String counter : counters) {
        counted += owner.counter(counter);
      }
      String realistic = owner.checkRealistic();
      if (realistic != null) {
        throw new IllegalStateException(variant.label + " lost the realistic session under contention: " + realistic);
      }
      String firstError = firstErrors.stream().filter(e -> e != null).findFirst().orElse(null);
      return new Contended(variant, contention, latencies, (long) clients * increments, elapsed, answered - errors,
          counted, errors, firstError, commands);
    } finally {
      for (SessionClient client : all) {
        client.close();
      }
    }
  }

  /** One client's loop: {answered, wrong}. */
  private static Callable<long[]> loop(SessionClient client, String counter, int increments, CountDownLatch go,
      Histogram latencies, List<String> firstErrors, int index) {
    return () -> {
      go.await();
      long wrong = 0;
      long start = System.nanoTime();
      for (int i = 0; i < increments; i++) {
        String problem;
        try {
          problem = client.increment(counter);
        } catch (IOException e) {
          problem = e.toString();
        }
        long end = System.nanoTime();
        latencies.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(1, (end - start) / 1_000)));
        if (problem != null) {
          wrong++;
          if (firstErrors.get(index) == null) {
            firstErrors.set(index, problem);
          }
        }
        start = end;
      }
      return new long[] {increments, wrong};
    };
  }
}
