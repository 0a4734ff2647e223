package dev.sessionconfig.bench.users;

import dev.sessionconfig.bench.chart.ChartRows;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of a run as a Markdown fragment for the results page, and as rows of the summary chart. */
final class Report {
  private final List<Result> results;
  private final Knobs knobs;
  private final String versions;

  Report(List<Result> results, Knobs knobs, String versions) {
    this.results = results;
    this.knobs = knobs;
    this.versions = versions;
  }

  /** Whether every timed lookup found exactly the user's sessions. */
  boolean valid() {
    return results.stream().allMatch(result -> result.wrong() == 0);
  }

  String markdown() {
    StringBuilder md = new StringBuilder("### Sessions of a user\n\n");
    md.append(String.format(Locale.ROOT, "%,d users × %d sessions written into each store with its index by user,"
        + " then `principalIndex().find(user)` (sessionconfig) or `findByPrincipalName(user)` (Spring Session's"
        + " `RedisIndexedSessionRepository`, Lettuce, its defaults, cleanup job off) for random users, one lookup at a"
        + " time from one thread: %,d warm-up lookups, then %,d timed. Every lookup is checked: exactly the ids"
        + " written for that user. Each session holds a user's name, a CSRF token, a locale, the last page, four"
        + " recent searches and the login time (%d bytes as a sessionconfig record; JDK-serialized attributes in"
        + " Spring Session's hash). Stores opened as the runtime opens them (the config's generated loader, the"
        + " store's provider); servers on loopback, started for the run (%s). **Round trips** are counted on the"
        + " wire: %,d more lookups through a TCP relay that counts each time a client speaks after the server"
        + " answered (a pipelined batch is one), on connections already open. **Counted by the server** over the"
        + " timed lookups: Redis's `INFO commandstats` (after `CONFIG RESETSTAT`; the commands a script runs count"
        + " apart from its `EVAL`), PostgreSQL's `pg_stat_statements` for the store's login role."
        + " The filesystem store has no server: a lookup lists the user's index directory and reads each"
        + " session's file.%n%n", knobs.users(), knobs.sessionsPerUser(), knobs.warmupLookups(), knobs.lookups(),
        recordBytes(), versions, knobs.countedLookups()));
    md.append("| library | store | p50 | p90 | p99 | max | round trips per lookup | counted by the server per lookup"
        + " | wrong answers |\n|---|---|---:|---:|---:|---:|---:|---|---:|\n");
    for (Result result : results) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %d |%n", result.library(),
          result.store(), micros(result.p(50)), micros(result.p(90)), micros(result.p(99)),
          micros(result.latencies().getMaxValue() / 1000.0),
          Double.isNaN(result.roundTripsPerLookup()) ? "0 (no server)" : String.format(Locale.ROOT, "%.2f",
              result.roundTripsPerLookup()), serverCounts(result), result.wrong()));
    }
    md.append("\nWriting the data set (").append(knobs.writers()).append(" threads): ")
        .append(results.stream().map(result -> String.format(Locale.ROOT, "%s on %s %.1f s", result.library(),
            result.store(), result.writeSeconds())).collect(Collectors.joining(", "))).append(".\n\n");
    StringBuilder verdicts = new StringBuilder();
    boolean met = true;
    for (Result result : results) {
      if (result.library().equals("sessionconfig") && !Double.isNaN(result.roundTripsPerLookup())) {
        met &= Math.round(result.roundTripsPerLookup() * 100) <= 100;
        verdicts.append(verdicts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f",
            result.store(), result.roundTripsPerLookup()));
      }
    }
    md.append(String.format(Locale.ROOT, "- One store round trip per lookup of a user's %d sessions among %,d users:"
        + " %s → **%s**.%n", knobs.sessionsPerUser(), knobs.users(), verdicts, met ? "met" : "missed"));
    if (!valid()) {
      md.append("\n**Invalid run: wrong answers** (the figures above prove nothing):\n");
      results.stream().filter(result -> result.wrong() > 0).forEach(result -> md.append(String.format(Locale.ROOT,
          "- %s on %s: %d of %d wrong, first: %s%n", result.library(), result.store(), result.wrong(),
          result.lookups(), result.firstWrong())));
    }
    return md.toString();
  }

  ChartRows chartRows() {
    ChartRows rows = new ChartRows();
    for (Result result : results) {
      rows.add("Sessions of a user: lookup latency", "p50 µs per lookup of a user's " + knobs.sessionsPerUser()
          + " sessions, lower is better", result.store(), result.library(), result.p(50));
    }
    for (Result result : results) {
      if (!Double.isNaN(result.roundTripsPerLookup())) {
        rows.add("Sessions of a user: store round trips", "round trips per lookup, lower is better", result.store(),
            result.library(), result.roundTripsPerLookup());
      }
    }
    return rows;
  }

  private int recordBytes() {
    return results.stream().mapToInt(Result::recordBytes).max().orElse(0);
  }

  private String serverCounts(Result result) {
    if (result.store().equals("filesystem")) {
      return "1 directory listing, " + knobs.sessionsPerUser() + " file reads";
    }
    Map<String, Long> counts = result.serverCounts();
    if (counts.isEmpty()) {
      return "—";
    }
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(count -> result.perLookup(count.getValue()) < 0.005
            ? label(count.getKey()) + " (" + count.getValue() + (count.getValue() == 1 ? " call)" : " calls)")
            : String.format(Locale.ROOT, "%s %.2f", label(count.getKey()), result.perLookup(count.getValue())))
        .collect(Collectors.joining(", "));
  }

  /** A command as is; an SQL statement shortened to what tells it apart, in code. */
  private static String label(String commandOrStatement) {
    if (!commandOrStatement.contains(" ")) {
      return commandOrStatement;
    }
    String statement = commandOrStatement.length() > 90 ? commandOrStatement.substring(0, 87) + "…"
        : commandOrStatement;
    return "`" + statement.replace("|", "\\|") + "`";
  }

  private static String micros(double micros) {
    return String.format(Locale.ROOT, micros < 100 ? "%.1f µs" : "%.0f µs", micros);
  }
}
