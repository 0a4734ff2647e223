package dev.sessionconfig.bench.users;

import dev.sessionconfig.testing.PostgresServer;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;

/** What a server itself counts of the work its clients asked for: Redis's commands, PostgreSQL's statements. */
interface ServerCounts {

  /** Zeroes the server's counters. */
  void reset();

  /** The counts since the last reset, by command or statement, without this class's own queries. */
  Map<String, Long> since();

  /** {@code INFO commandstats}, zeroed by {@code CONFIG RESETSTAT}: commands a script runs count apart. */
  static ServerCounts redis(Jedis redis) {
    Pattern stat = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),", Pattern.MULTILINE);
    return new ServerCounts() {
      @Override
      public void reset() {
        redis.configResetStat();
      }

      @Override
      public Map<String, Long> since() {
        Map<String, Long> calls = new TreeMap<>();
        Matcher matcher = stat.matcher(redis.info("commandstats"));
        while (matcher.find()) {
          String command = matcher.group(1);
          if (!command.equals("info") && !command.startsWith("config|")) {
            calls.put(command, Long.parseLong(matcher.group(2)));
          }
        }
        return calls;
      }
    };
  }

  /**
   * {@code pg_stat_statements} (loaded at the server's start), the statements of the store's login role only,
   * zeroed by {@code pg_stat_statements_reset()}; psql's own queries run as the superuser and are left out.
   */
  static ServerCounts postgres(PostgresServer postgres) {
    return new ServerCounts() {
      @Override
      public void reset() {
        postgres.sql("SELECT pg_stat_statements_reset()");
      }

      @Override
      public Map<String, Long> since() {
        Map<String, Long> calls = new TreeMap<>();
        String rows = postgres.sql("SELECT s.calls, regexp_replace(s.query, '\\s+', ' ', 'g')"
            + " FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '"
            + postgres.user() + "'");
        for (String row : rows.lines().toList()) {
          int bar = row.indexOf('|');
          if (bar > 0) {
            calls.merge(row.substring(bar + 1), Long.parseLong(row.substring(0, bar)), Long::sum);
          }
        }
        return calls;
      }
    };
  }
}
