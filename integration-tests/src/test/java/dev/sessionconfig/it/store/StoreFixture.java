package dev.sessionconfig.it.store;

import dev.sessionconfig.runtime.store.SessionRecord;
import java.nio.file.Path;
import java.util.Map;

/**
 * One test's view of a real store, looked at directly (files on disk, keys in Redis, items in memcached, rows in
 * the session table), never through the code under test: what the configs must be told to use it, and what is
 * stored.
 */
public interface StoreFixture extends AutoCloseable {

  /**
   * The fixture of {@code kind} for one test: servers are shared by the whole run (one redis-server, one memcached,
   * one PostgreSQL, each emptied by every fixture), {@code workDir} holds what is the test's own (the session
   * directory, the H2 database file).
   */
  static StoreFixture create(StoreKind kind, Path workDir) {
    return create(kind, workDir, false);
  }

  /** The same, where {@code otherProcesses} says whether applications in other processes use the store too. */
  static StoreFixture create(StoreKind kind, Path workDir, boolean otherProcesses) {
    switch (kind) {
      case REDIS:
        return new RedisFixture(SharedRedis.server());
      case MEMCACHED:
        return new MemcachedFixture(SharedMemcached.server());
      case POSTGRESQL:
        return JdbcFixture.postgres(SharedPostgres.server());
      case H2:
        return JdbcFixture.h2(workDir, otherProcesses);
      case MARIADB:
        return JdbcFixture.mariadb(SharedMariaDb.server());
      case SQLITE:
        return JdbcFixture.sqlite(workDir);
      case FILESYSTEM:
        return new FilesystemFixture(workDir);
      default:
        throw new IllegalArgumentException("no fixture for " + kind);
    }
  }

  StoreKind kind();

  /**
   * The system properties (it.session.type, and it.redis.url, it.file.dir, it.memcached or it.jdbc.url, .user and
   * .password) that point a test config here.
   */
  Map<String, String> properties();

  /** Whether the store holds an entry (a file, a key, an item, a row) for session {@code id}, expired or not. */
  boolean hasEntry(String id);

  /** How many session entries the store holds. */
  int entryCount();

  /** Removes the entry for {@code id} behind the application's back. */
  void deleteEntry(String id);

  /** Bytes that are no session record. */
  byte[] GARBAGE = {(byte) 0xC0, '{', 'n', 'o', 't', ' ', 'a', ' ', 'r', 'e', 'c', 'o', 'r', 'd'};

  /**
   * Replaces the entry for {@code id} with something that is no session record: garbage bytes where the store
   * keeps one value per session, garbage in the record's entries where it keeps them apart (Redis).
   */
  default void corruptEntry(String id) {
    writeEntry(id, SessionRecord.of(Map.of("", GARBAGE)));
  }

  /** The session record the application stored for {@code id}, as the store holds it. */
  SessionRecord readEntry(String id);

  /**
   * Replaces the record stored for {@code id} behind the application's back, keeping its expiry (and, where the
   * store keeps versions, as a change the application did not make).
   */
  void writeEntry(String id, SessionRecord record);

  /** How many times the application read a session from the store while {@code action} ran. */
  int reads(Runnable action);

  /**
   * Whether {@link #reads} counts the reads of an application in another process too (the server's or the
   * database's own statistics), not only those of this JVM.
   */
  default boolean countsReadsOfOtherProcesses() {
    return true;
  }

  /**
   * Removes every session and whatever else the application keeps in the store, behind its back, leaving the store
   * usable by an application that is running (the session table, the directory stay).
   */
  void clear();

  /**
   * The reads a change costs beyond the request's own read of the session, counted by {@link #reads}: none where the
   * store applies it against what the request read (a version, a CAS token) or merges it itself (Redis).
   */
  default int readsToApplyAChange() {
    return 0;
  }

  @Override
  void close();
}
