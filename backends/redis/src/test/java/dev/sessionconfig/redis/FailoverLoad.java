package dev.sessionconfig.redis;

import static dev.sessionconfig.runtime.store.TestRecords.change;
import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests from a few threads against one store while a master dies: each thread reads one of its own sessions and
 * writes the next value of its counter {@code n}, so that it knows which values were sent and which acknowledged.
 * A read must return the session's own data (its {@code ""} entry names it) or fail with a
 * {@link SessionStoreException}; anything else is recorded and fails {@link #assertNoWrongAnswers()}.
 *
 * <p>What survives a failover: Redis replicates asynchronously, so a write acknowledged just before the master died
 * may be lost with it. A write is <em>committed</em> once a replica has it: {@link #commitPoint} takes the
 * acknowledged values, then (through {@code waitForReplicas}: a write on the master and {@code WAIT}) makes sure
 * everything the master applied before is on a replica. Those values, and nothing older, must be found afterwards.
 */
final class FailoverLoad implements AutoCloseable {
  private final RedisSessionStore store;
  private final List<String> ids = new ArrayList<>();
  private final Map<String, String> principals = new ConcurrentHashMap<>();
  private final Map<String, Long> attempted = new ConcurrentHashMap<>();
  private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> wrongAnswer = new AtomicReference<>();
  private final AtomicLong successes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong lastFailure = new AtomicLong();
  private volatile boolean stopped;

  /** {@code threads} threads, each with {@code sessions} sessions; every other session belongs to a user. */
  FailoverLoad(RedisSessionStore store, int threads, int sessions) {
    this.store = store;
    for (int t = 0; t < threads; t++) {
      List<String> own = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        String id = "t" + t + "s" + i;
        own.add(id);
        if (i % 2 == 0) {
          principals.put(id, "user" + t);
        }
        store.write(id, record("", "owner " + id, "n", "0"), inAMinute(), principals.get(id));
        attempted.put(id, 0L);
        acknowledged.put(id, 0L);
      }
      ids.addAll(own);
      Thread thread = new Thread(() -> run(own), "failover-load-" + t);
      thread.setDaemon(true);
      this.threads.add(thread);
    }
  }

  List<String> ids() {
    return ids;
  }

  private void start() {
    threads.forEach(Thread::start);
  }

  private void run(List<String> own) {
    while (!stopped) {
      String id = own.get(ThreadLocalRandom.current().nextInt(own.size()));
      try {
        Optional<SessionRecord> read = store.read(id);
        if (read.isEmpty()) {
          throw new AssertionError(id + " was not found");
        }
        Map<String, String> texts = texts(read.get());
        if (!("owner " + id).equals(texts.get(""))) {
          throw new AssertionError(id + " read another session's data: " + texts);
        }
        long next = attempted.get(id) + 1;
        attempted.put(id, next);
        store.update(id, read.get(), change(inAMinute(), principals.get(id), Set.of(), "n", Long.toString(next)));
        acknowledged.put(id, next);
        successes.incrementAndGet();
      } catch (SessionStoreException e) {
        failures.incrementAndGet();
        lastFailure.set(System.nanoTime());
        pause(20);
      } catch (Throwable e) {
        wrongAnswer.compareAndSet(null, e);
      }
    }
  }

  /**
   * The whole failover under load: requests for a second, a commit point, the master killed
   * ({@code killMaster}), and requests until they succeed again for 2 s (30 s at most); then every answer was right
   * and every committed value is there. Returns how long after the kill requests still failed, and prints it.
   */
  Duration failOver(String topology, Runnable waitForReplicas, Runnable killMaster) throws InterruptedException {
    start();
    Thread.sleep(1_000);
    Map<String, Long> committed = commitPoint(waitForReplicas);
    Thread.sleep(300);
    long killed = System.nanoTime();
    killMaster.run();
    Duration recovery = awaitRecovery(killed, Duration.ofSeconds(2), Duration.ofSeconds(30));
    System.out.printf("%s failover: requests failed until %d ms after the master was killed (%d failed, %d"
        + " succeeded)%n", topology, recovery.toMillis(), failures.get(), successes.get());
    stop();
    assertNoWrongAnswers();
    assertTrue(failures.get() > 0, "requests to the killed master failed until its replica took over");
    assertCommittedValuesKept(committed);
    return recovery;
  }

  /** Writes session {@code id} to expire in a second and waits (10 s at most) until {@code expired} has it. */
  static void assertExpiryReported(RedisSessionStore store, String id, Set<String> expired)
      throws InterruptedException {
    store.write(id, record("short-lived"), Instant.now().plusMillis(1_000), null);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!expired.contains(id) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(expired.contains(id), "an expiry on the new master was reported");
  }

  /**
   * The values acknowledged now, which are committed once {@code waitForReplicas} returns (it must make every write
   * the master applied so far reach a replica, and fail otherwise).
   */
  private Map<String, Long> commitPoint(Runnable waitForReplicas) {
    Map<String, Long> committed = Map.copyOf(acknowledged);
    waitForReplicas.run();
    return committed;
  }

  /**
   * Waits until requests succeeded for {@code quiet} with no failure after {@code since} (System.nanoTime()), at most
   * {@code limit}; returns how long after {@code since} the last request failed (zero when none did).
   */
  private Duration awaitRecovery(long since, Duration quiet, Duration limit) {
    long deadline = since + limit.toNanos();
    while (System.nanoTime() < deadline) {
      long last = Math.max(lastFailure.get(), since);
      long before = successes.get();
      pause(quiet.toMillis());
      if (lastFailure.get() <= last && successes.get() > before && System.nanoTime() - last >= quiet.toNanos()) {
        return Duration.ofNanos(Math.max(0, lastFailure.get() - since));
      }
    }
    throw new AssertionError("requests still failed " + limit.toSeconds() + " s after the master died ("
        + failures.get() + " failures, " + successes.get() + " successes)");
  }

  private void assertNoWrongAnswers() {
    Throwable wrong = wrongAnswer.get();
    if (wrong != null) {
      throw new AssertionError("a request got a wrong answer or an unexpected failure: " + wrong, wrong);
    }
  }

  /** Every session is there, its own, with a value no older than committed and no newer than sent. */
  private void assertCommittedValuesKept(Map<String, Long> committed) {
    for (String id : ids) {
      Map<String, String> texts = texts(store.read(id).orElseThrow(() -> new AssertionError(id + " is gone")));
      assertEquals("owner " + id, texts.get(""), id);
      long n = Long.parseLong(texts.get("n"));
      assertTrue(n >= committed.get(id) && n <= attempted.get(id), id + ": n=" + n + ", committed "
          + committed.get(id) + ", last sent " + attempted.get(id));
    }
  }

  /** Stops the threads and waits for them, so that their counts are final. */
  void stop() {
    stopped = true;
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  static Instant inAMinute() {
    return Instant.now().plusSeconds(60);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
