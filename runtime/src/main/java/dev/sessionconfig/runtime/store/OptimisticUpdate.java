package dev.sessionconfig.runtime.store;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link SessionStore#update} for stores that keep a session as one value and can replace it only if it is still
 * the one read (a version column, memcached's {@code cas}): the change is applied to the record read, and when
 * another request replaced it meanwhile, to the record read again, until one replacement holds. Without
 * contention that is one write and no read; a session found gone (invalidated, renewed, expired) is never written
 * again.
 */
public final class OptimisticUpdate {
  /** Attempts before giving up: only as many requests changing one session at the same instant would exhaust them. */
  static final int MAX_ATTEMPTS = 16;

  /** The two operations the update is made of, on one store. */
  public interface Target {

    /** The session's record, with the version it is at; empty when there is none, or it expired. */
    Optional<SessionRecord> read(String id);

    /**
     * Replaces the stored record of {@code id} by {@code next} if it is still at {@code expected.version()}.
     *
     * @return false when it is not: another request replaced it, or it is gone
     */
    boolean replace(String id, SessionRecord expected, SessionRecord next, SessionChange change);
  }

  private OptimisticUpdate() {}

  /**
   * Waits a random moment, longer after each lost race (at most 31 ms): requests that retry at once can keep
   * winning against one that is slower between its read and its write, which then loses every attempt.
   */
  private static void backOff(int attempt, String description) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1 << Math.min(attempt + 1, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionStoreException(description + " could not write a session: the thread was interrupted", e);
    }
  }

  /**
   * Applies {@code change} to session {@code id}, read as {@code basis}.
   *
   * @param description the store, for the message when the attempts run out
   * @return false when the session is gone
   * @throws SessionStoreException when {@value #MAX_ATTEMPTS} attempts in a row lost to other requests
   */
  public static boolean apply(Target target, String id, SessionRecord basis, SessionChange change,
      String description) {
    SessionRecord current = basis;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (target.replace(id, current, current.apply(change), change)) {
        return true;
      }
      backOff(attempt, description);
      Optional<SessionRecord> now = target.read(id);
      if (now.isEmpty()) {
        return false;
      }
      current = now.get();
    }
    throw new SessionStoreException(description + " could not write a session: other requests of the same session"
        + " changed it " + MAX_ATTEMPTS + " times while this one tried to");
  }
}
