package dev.sessionconfig.bench.users;

import dev.sessionconfig.testing.PostgresServer;
import dev.sessionconfig.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.springframework.session.web.http.SessionRepositoryFilter;
import redis.clients.jedis.Jedis;

/**
 * The sessions of a user: {@code users × sessions} sessions written into each store with its index by user, then
 * lookups of random users' sessions, one at a time: {@code principalIndex().find(user)} on sessionconfig's
 * filesystem, Redis and PostgreSQL stores, and Spring Session's {@code findByPrincipalName} on the same Redis.
 * Latency percentiles of the timed lookups, what the server counted during them (Redis's commands, PostgreSQL's
 * statements), and the round trips per lookup counted on the wire by a relay in a separate pass.
 *
 * <p>Usage: {@code UsersBench <markdownOut> <chartRowsOut>}, knobs in {@link Knobs}; {@code bench.users.stores}
 * (default {@code filesystem,redis,postgresql}) picks the stores, e.g. to look at one. Exits with 1 when a lookup
 * answered other sessions than the user's.
 */
public final class UsersBench {
  private static final long STARTED = System.nanoTime();

  private UsersBench() {}

  /** A progress line, with the seconds since the start (where a slow run spends its time). */
  private static void log(String format, Object... args) {
    System.out.printf("[users] %5.1f s  %s%n", (System.nanoTime() - STARTED) / 1e9, String.format(format, args));
  }

  public static void main(String[] args) throws Exception {
    Path markdownOut = Path.of(args[0]);
    Path chartRowsOut = Path.of(args[1]);
    Knobs knobs = Knobs.fromSystemProperties();
    List<Result> results = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    Set<String> stores = Set.of(System.getProperty("bench.users.stores", "filesystem,redis,postgresql").split(","));
    if (stores.contains("filesystem")) {
      results.addAll(onFiles(knobs));
    }
    if (stores.contains("redis")) {
      results.addAll(onRedis(knobs, versions));
    }
    if (stores.contains("postgresql")) {
      results.addAll(onPostgres(knobs, versions));
    }
    versions.add("Spring Session " + SessionRepositoryFilter.class.getPackage().getImplementationVersion());
    Report report = new Report(results, knobs, String.join(", ", versions));
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

  /** The filesystem store, in a directory of its own (created for the run, deleted after it). */
  private static List<Result> onFiles(Knobs knobs) throws Exception {
    Path files = Files.createTempDirectory("sessionconfig-users");
    try {
      Map<String, String> environment = Map.of("SESSION_TYPE", "filesystem",
          "SESSION_FILE_DIR", files.resolve("sessions").toString());
      return List.of(measure("sessionconfig", "filesystem", knobs, () -> SessionconfigContender.open(environment),
          null, null, null, null));
    } finally {
      deleteTree(files);
    }
  }

  /** sessionconfig's Redis store, then Spring Session's indexed repository, on one redis-server. */
  private static List<Result> onRedis(Knobs knobs, List<String> versions) throws Exception {
    try (RedisServer redis = RedisServer.create()) {
      log("starting redis-server");
      redis.start();
      try (Jedis stats = redis.client()) {
        versions.add("redis-server " + stats.info("server").lines().filter(l -> l.startsWith("redis_version:"))
            .map(l -> l.substring("redis_version:".length())).findFirst().orElseThrow());
        ServerCounts counts = ServerCounts.redis(stats);
        List<Result> results = new ArrayList<>();
        results.add(measure("sessionconfig", "redis", knobs,
            () -> SessionconfigContender.open(Map.of("SESSION_TYPE", "redis", "SESSION_REDIS", redis.url())),
            port -> SessionconfigContender.open(Map.of("SESSION_TYPE", "redis", "SESSION_REDIS",
                "redis://" + RedisServer.HOST + ":" + port)), redis.port(), counts, null));
        results.add(measure("spring-session", "redis", knobs,
            () -> new SpringSessionContender(RedisServer.HOST, redis.port()),
            port -> new SpringSessionContender(RedisServer.HOST, port), redis.port(), counts, null));
        return results;
      }
    }
  }

  /** The JDBC store on PostgreSQL, with pg_stat_statements loaded to count its statements. */
  private static List<Result> onPostgres(Knobs knobs, List<String> versions) throws Exception {
    try (PostgresServer postgres = PostgresServer.create()) {
      log("starting PostgreSQL");
      postgres.start();
      // pg_stat_statements has to be loaded when the server starts.
      postgres.sql("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
      postgres.restart();
      postgres.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      versions.add("PostgreSQL " + postgres.sql("SHOW server_version"));
      Map<String, String> direct = Map.of("SESSION_TYPE", "jdbc", "SESSION_JDBC_URL", postgres.jdbcUrl(),
          "SESSION_JDBC_USER", postgres.user(), "SESSION_JDBC_PASSWORD", postgres.password());
      return List.of(measure("sessionconfig", "postgresql", knobs, () -> SessionconfigContender.open(direct),
          port -> SessionconfigContender.open(Map.of("SESSION_TYPE", "jdbc", "SESSION_JDBC_URL",
              "jdbc:postgresql://" + PostgresServer.HOST + ":" + port + "/" + postgres.database(),
              "SESSION_JDBC_USER", postgres.user(), "SESSION_JDBC_PASSWORD", postgres.password())),
          postgres.port(), ServerCounts.postgres(postgres),
          // Planner statistics, as autovacuum gathers them within a minute of a bulk load: on a table without
          // them PostgreSQL 15 was seen to add the expires_at index to lookups (a bitmap AND reading all of it).
          () -> postgres.sql("ANALYZE sessions")));
    }
  }

  /** Opens a contender given the port to connect to (the relay's). */
  @FunctionalInterface
  private interface OpenOnPort {
    Contender open(int port) throws Exception;
  }

  /**
   * Writes the data set, times lookups of random users, then (when there is a server) counts the round trips of
   * more lookups through a {@link RoundTripProxy} in front of it, on a second instance of the same contender.
   */
  private static Result measure(String library, String store, Knobs knobs, Supplier<Contender> open,
      OpenOnPort throughRelay, Integer serverPort, ServerCounts counts, Runnable afterWrite) throws Exception {
    log("%s on %s: writing %d users × %d sessions", library, store, knobs.users(),
        knobs.sessionsPerUser());
    try (Contender contender = open.get()) {
      List<Set<String>> expected = new ArrayList<>(knobs.users());
      long started = System.nanoTime();
      ExecutorService writers = Executors.newFixedThreadPool(knobs.writers());
      try {
        List<Future<Set<String>>> written = new ArrayList<>();
        for (int u = 0; u < knobs.users(); u++) {
          String user = user(u);
          written.add(writers.submit(() -> {
            Set<String> ids = new HashSet<>();
            for (int s = 0; s < knobs.sessionsPerUser(); s++) {
              ids.add(contender.write(user, s));
            }
            return ids;
          }));
        }
        for (Future<Set<String>> ids : written) {
          expected.add(ids.get());
        }
      } finally {
        writers.shutdownNow();
      }
      double writeSeconds = (System.nanoTime() - started) / 1e9;
      if (afterWrite != null) {
        afterWrite.run();
      }
      int recordBytes = contender instanceof SessionconfigContender sessionconfig ? sessionconfig.recordBytes() : -1;
      log("  written in %.1f s; %d warm-up lookups", writeSeconds, knobs.warmupLookups());

      Random random = new Random(42);
      Lookups warmUp = lookups(contender, expected, random, knobs.warmupLookups());
      if (warmUp.wrong > 0) {
        throw new IllegalStateException(library + " on " + store + " answered wrongly during the warm-up ("
            + warmUp.wrong + " times), first: " + warmUp.firstWrong);
      }
      if (counts != null) {
        counts.reset();
      }
      Lookups timed = lookups(contender, expected, random, knobs.lookups());
      Map<String, Long> counted = counts == null ? Map.of() : counts.since();
      log("  %d lookups: p50 %.1f µs, p99 %.1f µs, %d wrong; server counted %s",
          knobs.lookups(), timed.latencies.getValueAtPercentile(50) / 1000.0,
          timed.latencies.getValueAtPercentile(99) / 1000.0, timed.wrong, counted);

      double roundTrips = Double.NaN;
      if (throughRelay != null) {
        try (RoundTripProxy relay = RoundTripProxy.start("127.0.0.1", serverPort);
            Contender relayed = throughRelay.open(relay.port())) {
          lookups(relayed, expected, random, 100); // connections opened and logged in: not counted
          relay.reset();
          Lookups relayedLookups = lookups(relayed, expected, random, knobs.countedLookups());
          roundTrips = (double) relay.roundTrips() / knobs.countedLookups();
          if (relayedLookups.wrong > 0) {
            throw new IllegalStateException(library + " on " + store + " answered wrongly through the relay");
          }
          log("  %d lookups through the relay: %.2f round trips each",
              knobs.countedLookups(), roundTrips);
        }
      }
      return new Result(library, store, recordBytes, writeSeconds, timed.latencies, knobs.lookups(), timed.wrong,
          timed.firstWrong, counted, roundTrips, knobs.countedLookups());
    }
  }

  private static final class Lookups {
    final Histogram latencies = new Histogram(3_600_000_000_000L, 3);
    long wrong;
    String firstWrong;
  }

  /** {@code count} lookups of random users, each checked against the ids written for that user. */
  private static Lookups lookups(Contender contender, List<Set<String>> expected, Random random, int count)
      throws Exception {
    Lookups lookups = new Lookups();
    for (int i = 0; i < count; i++) {
      int u = random.nextInt(expected.size());
      long start = System.nanoTime();
      Set<String> found = contender.find(user(u));
      lookups.latencies.recordValue(System.nanoTime() - start);
      if (!found.equals(expected.get(u))) {
        if (lookups.wrong++ == 0) {
          lookups.firstWrong = user(u) + ": expected " + expected.get(u).size() + " sessions, found " + found.size()
              + (found.size() == expected.get(u).size() ? " other ones" : "");
        }
      }
    }
    return lookups;
  }

  private static String user(int index) {
    return String.format("user-%05d@example.com", index);
  }

  private static void deleteTree(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
