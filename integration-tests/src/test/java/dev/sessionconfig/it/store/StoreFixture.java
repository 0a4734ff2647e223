package dev.sessionconfig.it.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * One test's view of a real store, looked at directly (files on disk, keys in Redis), never through the code
 * under test: what the configs must be told to use it, and what is stored.
 */
public interface StoreFixture extends AutoCloseable {

  static StoreFixture create(StoreKind kind, Path workDir) {
    return kind == StoreKind.REDIS ? new RedisFixture(SharedRedis.server()) : new FilesystemFixture(workDir);
  }

  StoreKind kind();

  /** The system properties (it.session.type, it.redis.url or it.file.dir) that point a test config here. */
  Map<String, String> properties();

  /** Whether the store holds an entry (a file, a key) for session {@code id}, expired or not. */
  boolean hasEntry(String id);

  /** How many session entries the store holds. */
  int entryCount();

  /** Removes the entry for {@code id} behind the application's back. */
  void deleteEntry(String id);

  /** Replaces the entry for {@code id} with bytes that are no session record. */
  void corruptEntry(String id);

  /** How many times the application read a session from the store while {@code action} ran. */
  int reads(Runnable action);

  @Override
  void close();
}
