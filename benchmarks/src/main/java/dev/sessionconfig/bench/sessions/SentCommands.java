package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.testing.RedisServer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The commands clients sent to Redis, each one a round trip (neither library pipelines the commands of one request),
 * as {@code MONITOR} shows them: apart from those a script ran inside the server, which {@code INFO commandstats}
 * counts with the rest. {@code MONITOR} slows the server down, so it runs in a phase of its own, never a timed one.
 * Marker commands ({@code ECHO}) bound what is counted: exactly the commands the server received between them.
 */
final class SentCommands implements AutoCloseable {
  private static final String START = "sessionconfig-bench-start";
  private static final String STOP = "sessionconfig-bench-stop";

  private final Jedis monitor;
  private final Jedis markers;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean counting;

  private SentCommands(RedisServer redis) {
    monitor = redis.client();
    markers = redis.client();
  }

  /** Starts counting, once the server has begun to show this connection every command it receives. */
  static SentCommands start(RedisServer redis) throws InterruptedException {
    SentCommands sent = new SentCommands(redis);
    Thread reader = new Thread(sent::read, "redis-monitor");
    reader.setDaemon(true);
    reader.start();
    // MONITOR shows only what arrives after it: repeat the start marker until it is seen.
    while (!sent.started.await(50, TimeUnit.MILLISECONDS)) {
      sent.markers.echo(START);
    }
    return sent;
  }

  /** Stops counting (once every command sent before this call has been seen) and answers the calls per command. */
  Map<String, Long> stop() throws InterruptedException {
    markers.echo(STOP);
    if (!stopped.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("MONITOR did not show the stop marker within 30 s");
    }
    Map<String, Long> counted = new TreeMap<>();
    calls.forEach((command, count) -> counted.put(command, count.sum()));
    return counted;
  }

  private void read() {
    try {
      monitor.monitor(new JedisMonitor() {
        @Override
        public void onCommand(String line) {
          see(line);
        }
      });
    } catch (JedisException e) {
      // closed by close(): the end of the monitoring
    }
  }

  /** {@code 1700000000.123456 [0 127.0.0.1:54321] "hgetall" "session:..."}; a script's own: {@code [0 lua]}. */
  private void see(String line) {
    int source = line.indexOf('[');
    int end = line.indexOf(']', source);
    if (source < 0 || end < 0) {
      return;
    }
    if (line.contains(START)) {
      counting = true;
      started.countDown();
      return;
    }
    if (line.contains(STOP)) {
      counting = false;
      stopped.countDown();
      return;
    }
    if (!counting || line.substring(source + 1, end).endsWith(" lua")) {
      return;
    }
    int open = line.indexOf('"', end);
    int close = line.indexOf('"', open + 1);
    if (open > 0 && close > open) {
      calls.computeIfAbsent(line.substring(open + 1, close).toLowerCase(java.util.Locale.ROOT),
          command -> new LongAdder()).increment();
    }
  }

  @Override
  public void close() {
    markers.close();
    monitor.close();
  }
}
