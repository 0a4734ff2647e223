package dev.sessionconfig.bench.sessions;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;

/**
 * The commands the Redis server ran, counted by the server itself ({@code INFO commandstats}), so that every
 * client library is measured the same way whatever it sends.
 */
final class RedisCommands {
  /** {@code cmdstat_get:calls=12,usec=...}; subcommands are apart: {@code cmdstat_config|resetstat:calls=1,...}. */
  private static final Pattern STAT = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),", Pattern.MULTILINE);

  private RedisCommands() {}

  /** Zeroes the server's counters ({@code CONFIG RESETSTAT}). */
  static void reset(Jedis redis) {
    redis.configResetStat();
  }

  /**
   * The calls per command (lower case, e.g. {@code get}, {@code client|setinfo}) since the last {@link #reset},
   * without the CONFIG and INFO calls this class itself sends.
   */
  static Map<String, Long> since(Jedis redis) {
    Map<String, Long> calls = new TreeMap<>();
    Matcher stat = STAT.matcher(redis.info("commandstats"));
    while (stat.find()) {
      String command = stat.group(1);
      if (!command.equals("info") && !command.startsWith("config|")) {
        calls.put(command, Long.parseLong(stat.group(2)));
      }
    }
    return calls;
  }
}
