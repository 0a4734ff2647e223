package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.bench.chart.ChartRows;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The figures of a run as a Markdown fragment for the results page, and as rows of the summary chart. */
final class Report {
  private final List<Result> results;
  private final List<Contended> contended;
  private final Knobs knobs;
  private final String versions;
  private final Map<Variant, long[]> storedBytes;

  Report(List<Result> results, List<Contended> contended, Knobs knobs, String versions,
      Map<Variant, long[]> storedBytes) {
    this.results = results;
    this.contended = contended;
    this.knobs = knobs;
    this.versions = versions;
    this.storedBytes = storedBytes;
  }

  /** Whether every answer of every phase was right; a run with wrong answers proves nothing. */
  boolean valid() {
    return results.stream().allMatch(result -> result.measured().errors() + result.monitored().errors() == 0)
        && contended.stream().allMatch(one -> one.errors() == 0);
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
        + " in Redis, each library's session is one hash, an entry per attribute: %s. `/get` still reads only the"
        + " value; sessionconfig decodes an attribute when it is read, Spring Session deserializes every attribute"
        + " when it loads the session. A read is one `HGETALL` for sessionconfig; a change is `HGETALL`, then one"
        + " `EVALSHA` of a script that sets and deletes only the fields the request changed and renews the TTL."
        + " Load: %d clients in the benchmark's JVM, each with its own keep-alive HTTP/1.1 connection and session"
        + " on a plain socket (`java.net.http.HttpClient` spent more CPU than the server it loaded), in a closed loop"
        + " (the next request once the answer is in and checked); per workload and variant %d s warm-up, then %d s"
        + " measured in %d rounds of %.1f s, the variants taking turns (the order rotating each round) so that all"
        + " see the same conditions on the machine."
        + " **Round trips per request**: the commands the clients sent, as `MONITOR` shows them (apart from those a"
        + " script runs inside Redis), over %d s more of the same workload (never the timed phase: `MONITOR` slows"
        + " Redis down); neither library pipelines the commands of one request, so each is a round trip. **Redis"
        + " commands per request**: `INFO commandstats` over the measured phase (after `CONFIG RESETSTAT`), the"
        + " commands a script runs included, divided by the requests answered. Writes run first, so every read checks"
        + " the client's last write. sessionconfig writes a session back on a read only when its refresh is due (last"
        + " access older than min(60 s, lifetime/10)), so at most once a minute per session; Spring Session saves the"
        + " last access time on every request. All variants are up from the start, in one JVM.%n%n", versions, stored(), knobs.concurrency(),
        knobs.warmupSeconds(), knobs.measureSeconds(), knobs.rounds(), knobs.measureSeconds() / (double) knobs.rounds(),
        knobs.monitorSeconds()));
    for (Workload workload : Workload.values()) {
      table(md, workload);
    }
    contendedTable(md);
    double reads = find(Variant.SESSIONCONFIG, Workload.READ).roundTripsPerRequest();
    double writes = find(Variant.SESSIONCONFIG, Workload.WRITE).roundTripsPerRequest();
    double readRatio = rpsRatio(Workload.READ);
    double writeRatio = rpsRatio(Workload.WRITE);
    md.append(String.format(Locale.ROOT, "- Redis round trips per read (sessionconfig): %.2f (target 1) → **%s**.%n",
        reads, verdict(atMost(reads, 1))));
    md.append(String.format(Locale.ROOT, "- Redis round trips per write (sessionconfig): %.2f (target 2) → **%s**.%n",
        writes, verdict(atMost(writes, 2))));
    md.append(String.format(Locale.ROOT, "- Reads of a realistic session (a Spring Security login and a 20-line cart)"
        + " at least 2× Spring Session's requests per second at concurrency %d: %.2f× → **%s**.%n",
        knobs.concurrency(), readRatio, verdict(atLeast(readRatio, 2.0))));
    md.append(String.format(Locale.ROOT, "- Writes at least 1.5× Spring Session's requests per second at concurrency"
        + " %d: %.2f× → **%s**.%n", knobs.concurrency(), writeRatio, verdict(atLeast(writeRatio, 1.5))));
    long lost = contended(Variant.SESSIONCONFIG, Contention.DISTINCT).lostUpdates();
    md.append(String.format(Locale.ROOT, "- Lost updates when %d clients of one session each increment their own"
        + " attribute (sessionconfig): %d (target 0) → **%s**.%n", knobs.concurrency(), lost, verdict(lost == 0)));
    if (!valid()) {
      md.append("\n**Invalid run: wrong answers** (the figures above prove nothing):\n");
      results.stream().filter(result -> result.measured().errors() + result.monitored().errors() > 0)
          .forEach(result -> md.append(String.format(Locale.ROOT, "- %s %s: %d of %d wrong, first: %s%n",
              result.variant().label, result.workload().label,
              result.measured().errors() + result.monitored().errors(),
              result.measured().requests() + result.monitored().requests(),
              result.measured().firstError() != null ? result.measured().firstError()
                  : result.monitored().firstError())));
      contended.stream().filter(one -> one.errors() > 0).forEach(one -> md.append(String.format(Locale.ROOT,
          "- %s contended (%s): %d of %d wrong, first: %s%n", one.variant().label, one.contention().label,
          one.errors(), one.requests(), one.firstError())));
    }
    return md.toString();
  }

  /** The average bytes of a session in Redis, by variant. */
  private String stored() {
    long[] ours = storedBytes.getOrDefault(Variant.SESSIONCONFIG, new long[2]);
    long[] spring = storedBytes.getOrDefault(Variant.SPRING_SESSION, new long[2]);
    return String.format(Locale.ROOT, "sessionconfig %,d bytes per session in its values (each entry signed on its"
        + " own), %,d with the field names; Spring Session %,d bytes in its values (JDK-serialized), %,d with the"
        + " field names", ours[0], ours[1], spring[0], spring[1]);
  }

  private void table(StringBuilder md, Workload workload) {
    md.append("#### ").append(capitalized(workload.label)).append(": `").append(workload.request).append("`\n\n");
    md.append("| variant | requests/s | p50 | p90 | p99 | max | round trips/request | sent | Redis commands/request |"
        + " run by the server | wrong answers |\n|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|\n");
    for (Result result : results) {
      if (result.workload() == workload) {
        Histogram latencies = result.measured().latencies();
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %s | %s | %.2f | %s | %.2f | %s | %d |%n",
            result.variant().label, result.measured().requestsPerSecond(),
            millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(90)),
            millis(latencies.getValueAtPercentile(99)), millis(latencies.getMaxValue()),
            result.roundTripsPerRequest(), byCommand(result.sent(), result::sentPerRequest),
            result.commandsPerRequest(), byCommand(result.commands(), result::perRequest),
            result.measured().errors() + result.monitored().errors()));
      }
    }
    md.append(String.format(Locale.ROOT, "%nsessionconfig / Spring Session requests per second: %.2f×.%n%n",
        rpsRatio(workload)));
  }

  private void contendedTable(StringBuilder md) {
    md.append(String.format(Locale.ROOT, "#### Contended: %d clients on one session, `POST /increment?name=…`%n%n",
        knobs.concurrency()));
    md.append(String.format(Locale.ROOT, "One session per variant and kind, holding the realistic session; %d"
        + " clients share its cookie, each on its own connection, and each sends %d `POST /increment?name=c<i>` in a"
        + " closed loop, all starting at once (`/increment` and `/counter`, routes added beside the quickstart's for"
        + " both session variants: read the `Integer` attribute, add one, set it). **Own attribute each**: client i"
        + " increments `c<i>`; **one attribute for all**: every client increments `c`. Afterwards every counter is"
        + " read back (`GET /counter?name=…`); **lost updates** = increments answered − the sum of the counters."
        + " With one attribute for all, the later of two parallel writes of it wins, with either library"
        + " (documented under Concurrent requests): lost updates are expected there. Redis commands per request:"
        + " `INFO commandstats` over the loops, scripts' commands included.%n%n", knobs.concurrency(),
        knobs.increments()));
    md.append("| variant | attributes | requests/s | p50 | p99 | Redis commands/request | increments answered |"
        + " sum of the counters | lost updates | wrong answers |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Contended one : contended) {
      md.append(String.format(Locale.ROOT, "| %s | %s (%s) | %.0f | %s | %s | %.2f | %d | %d | %d | %d |%n",
          one.variant().label, one.contention().label, one.contention().description, one.requestsPerSecond(),
          millis(one.latencies().getValueAtPercentile(50)), millis(one.latencies().getValueAtPercentile(99)),
          one.commandsPerRequest(), one.expected(), one.counted(), one.lostUpdates(), one.errors()));
    }
    md.append('\n');
  }

  /** Requests per second of every variant, round trips per request of the two session libraries, lost updates. */
  ChartRows chartRows() {
    ChartRows rows = new ChartRows();
    for (Result result : results) {
      rows.add("Sessions on Redis: throughput", "requests/s at concurrency " + knobs.concurrency() + ", higher is better",
          result.workload().request, result.variant().label, result.measured().requestsPerSecond());
    }
    for (Result result : results) {
      if (result.variant().sessions) {
        rows.add("Sessions on Redis: store round trips", "Redis round trips per request, lower is better",
            result.workload().request, result.variant().label, result.roundTripsPerRequest());
      }
    }
    for (Contended one : contended) {
      rows.add("Sessions on Redis: one session, " + knobs.concurrency() + " clients",
          "requests/s of POST /increment, higher is better", one.contention().label, one.variant().label,
          one.requestsPerSecond());
    }
    return rows;
  }

  private double rpsRatio(Workload workload) {
    return find(Variant.SESSIONCONFIG, workload).measured().requestsPerSecond()
        / find(Variant.SPRING_SESSION, workload).measured().requestsPerSecond();
  }

  private Result find(Variant variant, Workload workload) {
    return results.stream().filter(result -> result.variant() == variant && result.workload() == workload)
        .findFirst().orElseThrow();
  }

  private Contended contended(Variant variant, Contention contention) {
    return contended.stream().filter(one -> one.variant() == variant && one.contention() == contention)
        .findFirst().orElseThrow();
  }

  /** Per request, or as a count when too rare to show at two decimals (e.g. a pool's idle-connection PING). */
  private static String byCommand(Map<String, Long> calls, ToDoubleFunction<String> perRequest) {
    return calls.isEmpty() ? "—" : calls.entrySet().stream()
        .map(command -> perRequest.applyAsDouble(command.getKey()) < 0.005
            ? command.getKey() + " (" + command.getValue() + (command.getValue() == 1 ? " call)" : " calls)")
            : String.format(Locale.ROOT, "%s %.2f", command.getKey(), perRequest.applyAsDouble(command.getKey())))
        .collect(Collectors.joining(", "));
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
  }

  /** Judged on the two decimals printed: a refresh write now and then should not turn 1.00 into "missed". */
  private static boolean atMost(double measured, int target) {
    return Math.round(measured * 100) <= target * 100L;
  }

  /** Judged on the two decimals printed, as {@link #atMost}. */
  private static boolean atLeast(double measured, double target) {
    return Math.round(measured * 100) >= Math.round(target * 100);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "missed";
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
