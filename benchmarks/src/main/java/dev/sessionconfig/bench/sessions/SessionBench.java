package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.springframework.session.web.http.SessionRepositoryFilter;
import redis.clients.jedis.Jedis;

/**
 * Sessions against Spring Session on the same Redis: requests per second, latency percentiles and Redis
 * commands per request of the quickstart's {@code /get} and {@code /set}, served without sessions, with
 * sessionconfig's and with Spring Session's (see {@link Variant}), under the same load ({@link Measurement}).
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
    Map<Variant, Long> storedBytes = new EnumMap<>(Variant.class);
    String versions;
    ExecutorService clientThreads = Executors.newFixedThreadPool(knobs.concurrency());
    try (RedisServer redis = RedisServer.create()) {
      redis.start();
      try (Jedis stats = redis.client()) {
        versions = versions(stats);
        for (Variant variant : Variant.values()) {
          results.addAll(measure(variant, redis, stats, clientThreads, knobs, storedBytes));
        }
      }
    } finally {
      clientThreads.shutdownNow();
    }
    Report report = new Report(results, knobs, versions, storedBytes);
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

  /** Both workloads on one variant, each client keeping its session from the first to the last phase. */
  private static List<Result> measure(Variant variant, RedisServer redis, Jedis stats, ExecutorService clientThreads,
      Knobs knobs, Map<Variant, Long> storedBytes) throws Exception {
    System.out.printf("[sessions] %s: %d clients%n", variant.label, knobs.concurrency());
    List<Result> results = new ArrayList<>();
    List<SessionClient> clients = new ArrayList<>();
    try (AppServer app = AppServer.start(variant, redis)) {
      for (int i = 0; i < knobs.concurrency(); i++) {
        clients.add(SessionClient.start(app.port(), i, variant.sessions));
      }
      if (variant.sessions) {
        storedBytes.put(variant, storedBytes(stats, variant));
      }
      // Writes first: the read phase then checks that each client's last write was stored.
      for (Workload workload : List.of(Workload.WRITE, Workload.READ)) {
        Measurement warmUp = Measurement.run(clientThreads, clients, workload, knobs.warmupSeconds());
        if (warmUp.errors() > 0) {
          throw new IllegalStateException(variant.label + " answered wrongly during the " + workload.label
              + " warm-up (" + warmUp.errors() + " times), first: " + warmUp.firstError());
        }
        RedisCommands.reset(stats);
        Measurement measured = Measurement.run(clientThreads, clients, workload, knobs.measureSeconds());
        Result result = new Result(variant, workload, measured, RedisCommands.since(stats));
        System.out.printf("[sessions]   %s: %.0f requests/s, %.2f Redis commands/request, %d wrong%n",
            workload.label, measured.requestsPerSecond(), result.commandsPerRequest(), measured.errors());
        results.add(result);
      }
      if (variant.sessions) {
        for (SessionClient client : clients) {
          String problem = client.checkRealistic();
          if (problem != null) {
            throw new IllegalStateException(variant.label + " lost the realistic session: " + problem);
          }
        }
      }
    } finally {
      for (SessionClient client : clients) {
        client.close();
      }
    }
    return results;
  }

  /**
   * The bytes a client's session takes in Redis, on average over the sessions there: sessionconfig keeps each as one
   * string (its record), Spring Session as a hash (the sum of its values, attributes JDK-serialized).
   */
  private static long storedBytes(Jedis redis, Variant variant) {
    long bytes = 0;
    int sessions = 0;
    for (String key : redis.keys("*")) {
      String type = redis.type(key);
      if (variant == Variant.SESSIONCONFIG && type.equals("string")) {
        bytes += redis.strlen(key);
        sessions++;
      } else if (variant == Variant.SPRING_SESSION && type.equals("hash")) {
        for (String field : redis.hkeys(key)) {
          bytes += redis.hstrlen(key, field);
        }
        sessions++;
      }
    }
    return sessions == 0 ? 0 : bytes / sessions;
  }

  /** What ran: Jetty's, Spring Session's and redis-server's versions, as the libraries and server report them. */
  private static String versions(Jedis redis) {
    String server = redis.info("server").lines().filter(line -> line.startsWith("redis_version:"))
        .map(line -> line.substring("redis_version:".length())).findFirst().orElseThrow();
    return "Jetty " + Server.getVersion() + ", Spring Session "
        + SessionRepositoryFilter.class.getPackage().getImplementationVersion() + ", redis-server " + server;
  }
}
