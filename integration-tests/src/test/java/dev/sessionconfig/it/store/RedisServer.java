package dev.sessionconfig.it.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, without persistence: the binary is the system property
 * {@code it.redis.server} (Maven: {@code -Dredis.server=...}), else {@code $REDIS_SERVER}, else {@code redis-server}
 * on the PATH. It can be stopped and started again on the same port, which is
 * how the outage test cuts Redis away from a running application.
 */
public final class RedisServer implements AutoCloseable {
  private final String binary = binary();
  private final int port;
  private final Path dir;
  private Process process;

  private RedisServer(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  private static String binary() {
    String property = System.getProperty("it.redis.server");
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("REDIS_SERVER");
    return env != null && !env.isBlank() ? env : "redis-server";
  }

  /** Starts a server on a port nobody uses. */
  public static RedisServer start() {
    try {
      RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("it-redis"));
      server.startAgain();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port nothing listens on (right now). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>/0}. */
  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** (Re)starts the server on its port and waits until it answers PING. */
  public synchronized void startAgain() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      process = new ProcessBuilder(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
          "--loglevel", "warning"))
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary + " (mvn -Dredis.server=/path/to/redis-server, or $REDIS_SERVER)", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Resp resp = new Resp(port)) {
        if ("PONG".equals(resp.text("PING"))) {
          return;
        }
      } catch (RuntimeException e) {
        if (!process.isAlive()) {
          throw new IllegalStateException(binary + " exited with " + process.exitValue() + ": " + log(), e);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(binary + " did not answer on port " + port + ": " + log(), e);
        }
      }
      sleep(20);
    }
  }

  /** Stops the server (SIGTERM, no save) and waits until it is gone: the port then refuses connections. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** A new connection of the test's own. */
  public Resp connect() {
    return new Resp(port);
  }

  @Override
  public void close() {
    stop();
    try {
      Files.deleteIfExists(dir.resolve("redis.log"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("redis.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
