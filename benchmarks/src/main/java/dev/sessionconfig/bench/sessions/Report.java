package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.bench.chart.ChartRows;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The figures of a run as a Markdown fragment for the results page, and as rows of the summary chart. */
final class Report {
  private final List<Result> results;
  private final Knobs knobs;
  private final String versions;
  private final Map<Variant, Long> storedBytes;

  Report(List<Result> results, Knobs knobs, String versions, Map<Variant, Long> storedBytes) {
    this.results = results;
    this.knobs = knobs;
    this.versions = versions;
    this.storedBytes = storedBytes;
  }

  /** Whether every answer of every measured phase was right; a run with wrong answers proves nothing. */
  boolean valid() {
    return results.stream().allMatch(result -> result.measured().errors() == 0);
  }

  String markdown() {
    StringBuilder md = new StringBuilder("### Sessions: sessionconfig vs Spring Session on Redis\n\n");
    md.append(String.format(Locale.ROOT, "The quickstart's `RoutesServlet` (`/get`, `/set`) on embedded Jetty on"
        + " loopback, one redis-server for all (%s). **none**: the same answers without a session;"
        + " **sessionconfig**: the quickstart's settings (`ProductionConfig` with `SESSION_TYPE=redis`) plus the"
        + " cart's record type in `SESSION_ATTRIBUTE_TYPES` and Spring Security's classes in"
        + " `SESSION_SERIALIZATION_ALLOW`; **spring-session**: `RedisSessionRepository` behind"
        + " `SessionRepositoryFilter`, Spring Session's defaults, no Spring Boot. sessionconfig talks to Redis through"
        + " Jedis, Spring Session through Lettuce: each one's own client. **A realistic session:** before anything is"
        + " measured, each client's session receives a logged-in Spring Security `SecurityContextImpl` (form login:"
        + " user, two authorities, `WebAuthenticationDetails`) and a 20-line cart record, the session of the codec"
        + " benchmark (`POST /realistic`, a route added beside the quickstart's for both session variants); it"
        + " stays there, beside the value `/set` writes, and is checked unchanged after the measured phases. Stored"
        + " in Redis: %s. `/get` still reads only the value; sessionconfig decodes an attribute when it is read,"
        + " Spring Session deserializes every attribute when it loads the session. Load: %d clients in the benchmark's JVM, each with its own keep-alive HTTP/1.1 connection and session"
        + " on a plain socket (`java.net.http.HttpClient` spent more CPU than the server it loaded), in a closed loop (the next request once the answer is in and checked); per workload %d s warm-up then"
        + " %d s measured. Redis commands per request: `INFO commandstats` over the measured phase (after `CONFIG"
        + " RESETSTAT`) divided by the requests answered. Writes run first, so every read checks the client's last"
        + " write. sessionconfig writes a session back on a read only when its refresh is due (last access older"
        + " than min(60 s, lifetime/10)), so at most once a minute per session; Spring Session saves the last"
        + " access time on every request. The variants run one after the other in one JVM, in the order of the"
        + " tables.%n%n", versions, stored(), knobs.concurrency(), knobs.warmupSeconds(), knobs.measureSeconds()));
    for (Workload workload : Workload.values()) {
      table(md, workload);
    }
    double reads = find(Variant.SESSIONCONFIG, Workload.READ).commandsPerRequest();
    double writes = find(Variant.SESSIONCONFIG, Workload.WRITE).commandsPerRequest();
    double readRatio = rpsRatio(Workload.READ);
    double writeRatio = rpsRatio(Workload.WRITE);
    md.append(String.format(Locale.ROOT, "- Redis commands per read (sessionconfig): %.2f (target 1) → **%s**.%n",
        reads, verdict(atMost(reads, 1))));
    md.append(String.format(Locale.ROOT, "- Redis commands per write (sessionconfig): %.2f (target 2) → **%s**.%n",
        writes, verdict(atMost(writes, 2))));
    md.append(String.format(Locale.ROOT, "- Requests per second vs Spring Session at concurrency %d: read %.2f×,"
        + " write %.2f× → **%s**.%n", knobs.concurrency(), readRatio, writeRatio,
        verdict(readRatio > 1 && writeRatio > 1)));
    md.append(String.format(Locale.ROOT, "- Reads of a realistic session (a Spring Security login and a 20-line cart)"
        + " at least 2× Spring Session's requests per second: %.2f× → **%s**.%n", readRatio,
        verdict(Math.round(readRatio * 100) >= 200)));
    if (!valid()) {
      md.append("\n**Invalid run: wrong answers** (the figures above prove nothing):\n");
      results.stream().filter(result -> result.measured().errors() > 0).forEach(result -> md.append(String.format(
          Locale.ROOT, "- %s %s: %d of %d wrong, first: %s%n", result.variant().label, result.workload().label,
          result.measured().errors(), result.measured().requests(), result.measured().firstError())));
    }
    return md.toString();
  }

  /** The average bytes of a session in Redis, by variant. */
  private String stored() {
    return String.format(Locale.ROOT, "sessionconfig %,d bytes per session (one string: its signed record),"
        + " Spring Session %,d bytes (the values of its hash)", storedBytes.getOrDefault(Variant.SESSIONCONFIG, 0L),
        storedBytes.getOrDefault(Variant.SPRING_SESSION, 0L));
  }

  private void table(StringBuilder md, Workload workload) {
    md.append("#### ").append(capitalized(workload.label)).append(": `").append(workload.request).append("`\n\n");
    md.append("| variant | requests/s | p50 | p90 | p99 | max | Redis commands/request | by command |"
        + " wrong answers |\n|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
    for (Result result : results) {
      if (result.workload() == workload) {
        Histogram latencies = result.measured().latencies();
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %s | %s | %.2f | %s | %d |%n",
            result.variant().label, result.measured().requestsPerSecond(),
            millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(90)),
            millis(latencies.getValueAtPercentile(99)), millis(latencies.getMaxValue()),
            result.commandsPerRequest(), byCommand(result), result.measured().errors()));
      }
    }
    md.append(String.format(Locale.ROOT, "%nsessionconfig / Spring Session requests per second: %.2f×.%n%n",
        rpsRatio(workload)));
  }

  /** Requests per second of every variant, and Redis commands per request of the two session libraries. */
  ChartRows chartRows() {
    ChartRows rows = new ChartRows();
    for (Result result : results) {
      rows.add("Sessions on Redis: throughput", "requests/s at concurrency " + knobs.concurrency() + ", higher is better",
          result.workload().request, result.variant().label, result.measured().requestsPerSecond());
    }
    for (Result result : results) {
      if (result.variant().sessions) {
        rows.add("Sessions on Redis: store round trips", "Redis commands per request, lower is better",
            result.workload().request, result.variant().label, result.commandsPerRequest());
      }
    }
    return rows;
  }

  private double rpsRatio(Workload workload) {
    return find(Variant.SESSIONCONFIG, workload).measured().requestsPerSecond() / find(Variant.SPRING_SESSION, workload).measured().requestsPerSecond();
  }

  private Result find(Variant variant, Workload workload) {
    return results.stream().filter(result -> result.variant() == variant && result.workload() == workload)
        .findFirst().orElseThrow();
  }

  /** Per request, or as a count when too rare to show at two decimals (e.g. a pool's idle-connection PING). */
  private static String byCommand(Result result) {
    return result.commands().isEmpty() ? "—" : result.commands().entrySet().stream()
        .map(command -> result.perRequest(command.getKey()) < 0.005
            ? command.getKey() + " (" + command.getValue() + (command.getValue() == 1 ? " call)" : " calls)")
            : String.format(Locale.ROOT, "%s %.2f", command.getKey(), result.perRequest(command.getKey())))
        .collect(Collectors.joining(", "));
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
  }

  /** Judged on the two decimals printed: a refresh write now and then should not turn 1.00 into "missed". */
  private static boolean atMost(double measured, int target) {
    return Math.round(measured * 100) <= target * 100L;
  }

  private static String verdict(boolean met) {
    return met ? "met" : "missed";
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
