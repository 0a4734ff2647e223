package dev.sessionconfig.it.store;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.testing.MemcachedServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memcached store as seen through a connection of the test's own ({@link MemcacheText}): items
 * {@code session:<id>} (the default SESSION_KEY_PREFIX). Every fixture empties the server first. Reads are
 * counted by memcached itself: the change in {@code stats cmd_get} while the action ran.
 */
public final class MemcachedFixture implements StoreFixture {
  public static final String PREFIX = "session:";

  private final MemcachedServer server;
  private final MemcacheText text;

  MemcachedFixture(MemcachedServer server) {
    this.server = server;
    this.text = new MemcacheText(server.address());
    text.flushAll();
  }

  public MemcachedServer server() {
    return server;
  }

  /** The test's own connection (its commands are not the application's). */
  public MemcacheText text() {
    return text;
  }

  @Override
  public StoreKind kind() {
    return StoreKind.MEMCACHED;
  }

  @Override
  public Map<String, String> properties() {
    return Map.of("it.session.type", "memcached", "it.memcached", server.address());
  }

  @Override
  public boolean hasEntry(String id) {
    return text.exists(PREFIX + id);
  }

  @Override
  public int entryCount() {
    return (int) text.keys().stream().filter(key -> key.startsWith(PREFIX)).count();
  }

  @Override
  public void deleteEntry(String id) {
    text.delete(PREFIX + id);
  }

  @Override
  public SessionRecord readEntry(String id) {
    return SessionRecord.parse(text.get(PREFIX + id), 0);
  }

  @Override
  public void writeEntry(String id, SessionRecord record) {
    writeBytes(id, record.toBytes());
  }

  @Override
  public void corruptEntry(String id) {
    writeBytes(id, GARBAGE);
  }

  private void writeBytes(String id, byte[] record) {
    Long ttl = text.ttl(PREFIX + id);
    long seconds = ttl != null && ttl > 0 ? ttl : 60;
    // memcached reads an expiry over 30 days as a Unix time, not as seconds from now.
    text.set(PREFIX + id, record, seconds > 30 * 24 * 3600 ? System.currentTimeMillis() / 1000 + seconds : seconds);
  }

  @Override
  public int reads(Runnable action) {
    return (int) (long) commands(action).getOrDefault("get", 0L);
  }

  /**
   * The commands memcached ran while {@code action} ran, from the change in its {@code stats}: {@code get}
   * ({@code cmd_get}: keys looked up, hit or miss), {@code set} ({@code cmd_set}), {@code delete}
   * ({@code delete_hits + delete_misses}), {@code touch} ({@code cmd_touch}); those that did not run are left out.
   * The test's own {@code stats} commands count as none of these.
   */
  public Map<String, Long> commands(Runnable action) {
    Map<String, Long> before = text.stats();
    action.run();
    Map<String, Long> after = text.stats();
    Map<String, Long> commands = new LinkedHashMap<>();
    put(commands, "get", delta(before, after, "cmd_get"));
    put(commands, "set", delta(before, after, "cmd_set"));
    put(commands, "delete", delta(before, after, "delete_hits") + delta(before, after, "delete_misses"));
    put(commands, "touch", delta(before, after, "cmd_touch"));
    return commands;
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String stat) {
    return after.getOrDefault(stat, 0L) - before.getOrDefault(stat, 0L);
  }

  private static void put(Map<String, Long> commands, String name, long count) {
    if (count != 0) {
      commands.put(name, count);
    }
  }

  @Override
  public void clear() {
    text.flushAll();
  }

  @Override
  public void close() {
    text.close();
  }
}
