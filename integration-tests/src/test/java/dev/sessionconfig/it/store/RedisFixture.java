package dev.sessionconfig.it.store;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Redis store as seen through a connection of the test's own: keys {@code session:<id>} (the default
 * SESSION_KEY_PREFIX). Every fixture empties the server first.
 */
public final class RedisFixture implements StoreFixture {
  public static final String PREFIX = "session:";

  private final RedisServer server;
  private final Resp resp;

  RedisFixture(RedisServer server) {
    this.server = server;
    this.resp = new Resp(server.port());
    resp.call("FLUSHALL");
  }

  public RedisServer server() {
    return server;
  }

  /** The test's own connection (its commands are not the application's). */
  public Resp resp() {
    return resp;
  }

  @Override
  public StoreKind kind() {
    return StoreKind.REDIS;
  }

  @Override
  public Map<String, String> properties() {
    return Map.of("it.session.type", "redis", "it.redis.url", server.url());
  }

  @Override
  public boolean hasEntry(String id) {
    return resp.number("EXISTS", PREFIX + id) == 1;
  }

  @Override
  public int entryCount() {
    return ((List<?>) resp.call("KEYS", PREFIX + "*")).size();
  }

  @Override
  public void deleteEntry(String id) {
    resp.call("DEL", PREFIX + id);
  }

  @Override
  public SessionRecord readEntry(String id) {
    return record((List<?>) resp.call("HGETALL", PREFIX + id));
  }

  /** A session's hash, from the field, value, field, value... of {@code HGETALL}. */
  public static SessionRecord record(List<?> fieldsAndValues) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i + 1 < fieldsAndValues.size(); i += 2) {
      entries.put(new String((byte[]) fieldsAndValues.get(i), StandardCharsets.UTF_8),
          (byte[]) fieldsAndValues.get(i + 1));
    }
    return SessionRecord.of(entries);
  }

  @Override
  public void writeEntry(String id, SessionRecord record) {
    long ttl = resp.number("PTTL", PREFIX + id);
    resp.call("DEL", PREFIX + id);
    List<Object> command = new ArrayList<>(List.of("HSET", PREFIX + id));
    record.entries().forEach((name, bytes) -> {
      command.add(name);
      command.add(bytes);
    });
    resp.call(command.toArray());
    resp.call("PEXPIRE", PREFIX + id, ttl > 0 ? ttl : 60_000);
  }

  @Override
  public void clear() {
    resp.call("FLUSHALL");
  }

  @Override
  public int reads(Runnable action) {
    Map<String, Long> commands = commands(action);
    return (int) (commands.getOrDefault("get", 0L) + commands.getOrDefault("getex", 0L)
        + commands.getOrDefault("getdel", 0L) + commands.getOrDefault("mget", 0L)
        + commands.getOrDefault("hgetall", 0L) + commands.getOrDefault("hget", 0L)
        + commands.getOrDefault("hmget", 0L));
  }

  /**
   * The commands the server ran while {@code action} ran, by name (lower case) with their call counts, from
   * {@code INFO commandstats} after {@code CONFIG RESETSTAT}; the test's own CONFIG and INFO are left out.
   */
  public Map<String, Long> commands(Runnable action) {
    resp.call("CONFIG", "RESETSTAT");
    action.run();
    String info = resp.text("INFO", "commandstats");
    Map<String, Long> commands = new LinkedHashMap<>();
    for (String line : info.split("\r\n")) {
      // cmdstat_get:calls=1,usec=3,usec_per_call=3.00,rejected_calls=0,failed_calls=0
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String calls = line.substring(line.indexOf("calls=") + "calls=".length());
        calls = calls.substring(0, calls.indexOf(','));
        if (!name.equals("config") && !name.startsWith("config|") && !name.equals("info")) {
          commands.put(name, Long.parseLong(calls));
        }
      }
    }
    return commands;
  }

  @Override
  public void close() {
    resp.close();
  }
}
