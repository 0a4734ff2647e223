package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.springframework.session.web.http.SessionRepositoryFilter;
import redis.clients.jedis.Jedis;

/**
 * Sessions against Spring Session on the same Redis: requests per second, latency percentiles and Redis
 * commands per request of the quickstart's {@code /get} and {@code /set}, served without sessions, with
 * sessionconfig's and with Spring Session's (see {@link Variant}), under the same load ({@link Measurement}); and
 * lost updates when many clients of one session increment counters in it at once ({@link Contended}).
 *
 * <p>Usage: {@code SessionBench <markdownOut> <chartRowsOut>}, knobs in {@link Knobs}. Prints the Markdown and writes
 * both files; exits with 1 when any answer was wrong.
 */
public final class SessionBench {
  private SessionBench() {}

  public static void main(String[] args) throws Exception {
    Path markdownOut = Path.of(args[0]);
    Path chartRowsOut = Path.of(args[1]);
    Knobs knobs = Knobs.fromSystemProperties();
    List<Result> results = new ArrayList<>();
    List<Contended> contended = new ArrayList<>();
    Map<Variant, long[]> storedBytes = new EnumMap<>(Variant.class);
    String versions;
    ExecutorService clientThreads = Executors.newFixedThreadPool(knobs.concurrency());
    Map<Variant, AppServer> apps = new EnumMap<>(Variant.class);
    Map<Variant, List<SessionClient>> clients = new EnumMap<>(Variant.class);
    try (RedisServer redis = RedisServer.create()) {
      redis.start();
      try (Jedis stats = redis.client()) {
        versions = versions(stats);
        // Every variant is up from the start, so that each workload runs on the variants back to back, under the
        // same conditions on the machine, rather than minutes apart.
        for (Variant variant : Variant.values()) {
          AppServer app = AppServer.start(variant, redis);
          apps.put(variant, app);
          List<SessionClient> own = new ArrayList<>();
          clients.put(variant, own);
          for (int i = 0; i < knobs.concurrency(); i++) {
            own.add(SessionClient.start(app.port(), i, variant.sessions));
          }
          if (variant.sessions) {
            storedBytes.put(variant, storedBytes(stats, variant));
          }
        }
        // Writes first: the read phase then checks that each client's last write was stored.
        for (Workload workload : List.of(Workload.WRITE, Workload.READ)) {
          results.addAll(measure(workload, clients, redis, stats, clientThreads, knobs));
        }
        for (Variant variant : Variant.values()) {
          if (variant.sessions) {
            for (SessionClient client : clients.get(variant)) {
              String problem = client.checkRealistic();
              if (problem != null) {
                throw new IllegalStateException(variant.label + " lost the realistic session: " + problem);
              }
            }
          }
        }
        for (Contention contention : Contention.values()) {
          for (Variant variant : Variant.values()) {
            if (variant.sessions) {
              Contended one = Contended.run(variant, contention, apps.get(variant).port(), knobs.concurrency(),
                  knobs.increments(), clientThreads, () -> RedisCommands.reset(stats), () -> RedisCommands.since(stats));
              System.out.printf("[sessions] %s, %s on one session: %.0f requests/s, %d lost updates of %d, %d wrong%n",
                  variant.label, contention.label, one.requestsPerSecond(), one.lostUpdates(), one.expected(),
                  one.errors());
              contended.add(one);
            }
          }
        }
      }
    } finally {
      for (List<SessionClient> own : clients.values()) {
        for (SessionClient client : own) {
          client.close();
        }
      }
      for (AppServer app : apps.values()) {
        app.close();
      }
      clientThreads.shutdownNow();
    }
    Report report = new Report(results, contended, knobs, versions, storedBytes);
    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    Files.writeString(markdownOut, markdown, StandardCharsets.UTF_8);
    report.chartRows().write(chartRowsOut);
    if (!report.valid()) {
      System.err.println("wrong answers: the figures are not valid");
      System.exit(1);
    }
  }

  /**
   * One workload on every variant: a warm-up of each, then the measured time in rounds, the variants taking turns
   * (in an order that rotates each round) so that they share the machine's conditions, with the commands the
   * server ran; then, for each, a phase under MONITOR for the commands the clients sent.
   */
  private static List<Result> measure(Workload workload, Map<Variant, List<SessionClient>> clients,
      RedisServer redis, Jedis stats, ExecutorService clientThreads, Knobs knobs) throws Exception {
    Variant[] variants = Variant.values();
    for (Variant variant : variants) {
      Measurement warmUp = Measurement.run(clientThreads, clients.get(variant), workload,
          knobs.warmupSeconds() * 1000L);
      if (warmUp.errors() > 0) {
        throw new IllegalStateException(variant.label + " answered wrongly during the " + workload.label
            + " warm-up (" + warmUp.errors() + " times), first: " + warmUp.firstError());
      }
    }
    Map<Variant, Measurement> measured = new EnumMap<>(Variant.class);
    Map<Variant, Map<String, Long>> commands = new EnumMap<>(Variant.class);
    long slice = knobs.measureSeconds() * 1000L / knobs.rounds();
    for (int round = 0; round < knobs.rounds(); round++) {
      for (int turn = 0; turn < variants.length; turn++) {
        Variant variant = variants[(round + turn) % variants.length];
        RedisCommands.reset(stats);
        Measurement one = Measurement.run(clientThreads, clients.get(variant), workload, slice);
        measured.merge(variant, one, Measurement::plus);
        RedisCommands.since(stats).forEach((command, calls) ->
            commands.computeIfAbsent(variant, v -> new TreeMap<>()).merge(command, calls, Long::sum));
      }
    }
    List<Result> results = new ArrayList<>();
    for (Variant variant : variants) {
      Measurement monitored;
      Map<String, Long> sent;
      try (SentCommands counting = SentCommands.start(redis)) {
        monitored = Measurement.run(clientThreads, clients.get(variant), workload, knobs.monitorSeconds() * 1000L);
        sent = counting.stop();
      }
      Result result = new Result(variant, workload, measured.get(variant), commands.getOrDefault(variant, Map.of()),
          monitored, sent);
      System.out.printf("[sessions] %s, %s: %.0f requests/s, %.2f round trips and %.2f Redis commands per request,"
          + " %d wrong%n", variant.label, workload.label, result.measured().requestsPerSecond(),
          result.roundTripsPerRequest(), result.commandsPerRequest(),
          result.measured().errors() + monitored.errors());
      results.add(result);
    }
    return results;
  }

  /**
   * The bytes a client's session takes in Redis, on average over the variant's sessions there: each library keeps a
   * session as a hash (sessionconfig at {@code session:<id>}, Spring Session at
   * {@code spring:session:sessions:<id>}); the sum of its values, and of its values and field names.
   */
  private static long[] storedBytes(Jedis redis, Variant variant) {
    String prefix = variant == Variant.SESSIONCONFIG ? "session:" : "spring:session:sessions:";
    long values = 0;
    long names = 0;
    int sessions = 0;
    for (String key : redis.keys(prefix + "*")) {
      if (redis.type(key).equals("hash") && !key.startsWith("session:index:")) {
        for (String field : redis.hkeys(key)) {
          values += redis.hstrlen(key, field);
          names += field.getBytes(StandardCharsets.UTF_8).length;
        }
        sessions++;
      }
    }
    return sessions == 0 ? new long[] {0, 0} : new long[] {values / sessions, (values + names) / sessions};
  }

  /** What ran: Jetty's, Spring Session's and redis-server's versions, as the libraries and server report them. */
  private static String versions(Jedis redis) {
    String server = redis.info("server").lines().filter(line -> line.startsWith("redis_version:"))
        .map(line -> line.substring("redis_version:".length())).findFirst().orElseThrow();
    return "Jetty " + Server.getVersion() + ", Spring Session "
        + SessionRepositoryFilter.class.getPackage().getImplementationVersion() + ", redis-server " + server;
  }
}
