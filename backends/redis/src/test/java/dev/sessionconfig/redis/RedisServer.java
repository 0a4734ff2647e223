package dev.sessionconfig.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} for tests, on a free loopback port of its own, without persistence, in a temporary
 * directory. Register it with {@code @RegisterExtension static final RedisServer redis = RedisServer.create();}
 * to have it started before a class's tests and stopped after them, or call {@link #start()} and
 * {@link #close()} yourself. {@link #stop()} and {@link #start()} mid-test simulate an outage: the server comes
 * back on the same port, empty.
 *
 * <p>The binary is {@code $REDIS_SERVER}, else {@code /usr/bin/redis-server}, else {@code redis-server} on the
 * PATH. Tests never install it: the project's test command does.
 */
final class RedisServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  static final String HOST = "127.0.0.1";
  private static final long START_TIMEOUT_MILLIS = 10_000;

  private String password;
  private TestCertificate certificate;
  private int port;
  private String binary;
  private Path directory;
  private volatile Process process;
  private Thread shutdownHook;

  private RedisServer() {}

  static RedisServer create() {
    return new RedisServer();
  }

  /** Makes the server demand {@code password} ({@code --requirepass}) from the default user. */
  RedisServer requirePassword(String password) {
    this.password = password;
    return this;
  }

  /** Makes the server speak only TLS, with {@code certificate}. */
  RedisServer tls(TestCertificate certificate) {
    this.certificate = certificate;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Starts the server (again) and waits until it answers PING; a restart keeps the port. */
  synchronized void start() {
    if (process != null) {
      throw new IllegalStateException("redis-server is already running on port " + port);
    }
    try {
      if (directory == null) {
        binary = binary(); // first, so that a missing redis-server leaves nothing behind
        directory = Files.createTempDirectory("redis-test");
      }
      boolean keepPort = port != 0;
      for (int attempt = 1; ; attempt++) {
        if (!keepPort) {
          port = freePort();
        }
        try {
          launch();
          return;
        } catch (PortTakenException e) {
          // Another process took the free port between our probe and redis binding it: pick another one.
          if (keepPort || attempt == 3) {
            throw new IllegalStateException(e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server the way an outage would: its clients' connections are cut. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** Stops the server and deletes its directory. */
  @Override
  public synchronized void close() {
    stop();
    if (shutdownHook != null) {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
      shutdownHook = null;
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary directory is not worth failing a test for
      }
      directory = null;
    }
  }

  int port() {
    return port;
  }

  /** The URL the store under test is given, with {@code userInfo} (e.g. {@code ":secret@"}) or {@code ""}. */
  String url(String userInfo) {
    return (certificate == null ? "redis://" : "rediss://") + userInfo + HOST + ":" + port + "/0";
  }

  /** A plain client of the test's own, logged in, to look at what the store did. */
  Jedis client() {
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().password(password)
        .autoNegotiateProtocol(false).timeoutMillis(2_000);
    if (certificate != null) {
      config.sslOptions(certificate.trustingOptions());
    }
    return new Jedis(new HostAndPort(HOST, port), config.build());
  }

  private void launch() throws IOException {
    Path log = directory.resolve("redis.log");
    process = new ProcessBuilder(command()).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (shutdownHook == null) {
      // Should the test JVM end without afterAll (a failed fork, Ctrl-C), no redis-server is left behind.
      shutdownHook = new Thread(() -> {
        Process running = process;
        if (running != null) {
          running.destroyForcibly();
        }
      });
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    awaitPing(log);
  }

  private List<String> command() {
    List<String> command = new ArrayList<>(List.of(binary, "--bind", HOST, "--dir", directory.toString(),
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes"));
    if (certificate == null) {
      command.addAll(List.of("--port", String.valueOf(port)));
    } else {
      command.addAll(List.of("--port", "0", "--tls-port", String.valueOf(port),
          "--tls-cert-file", certificate.certificateFile().toString(),
          "--tls-key-file", certificate.keyFile().toString(), "--tls-auth-clients", "no"));
    }
    if (password != null) {
      command.addAll(List.of("--requirepass", password));
    }
    return command;
  }

  private void awaitPing(Path log) {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    RuntimeException last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        String output = read(log);
        process = null;
        if (output.contains("Address already in use")) {
          throw new PortTakenException("port " + port + " is taken: " + output);
        }
        throw new RedisStartException(output);
      }
      try (Jedis client = client()) {
        if ("PONG".equals(client.ping())) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      sleep(20);
    }
    stop();
    throw new IllegalStateException("redis-server on port " + port + " did not answer PING within "
        + START_TIMEOUT_MILLIS + " ms (" + last + "); its log:\n" + read(log));
  }

  private static String binary() {
    String configured = System.getenv("REDIS_SERVER");
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) {
        throw new IllegalStateException("REDIS_SERVER is " + configured + ", which is no executable redis-server");
      }
      return configured;
    }
    if (Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
      return "/usr/bin/redis-server";
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
        return Path.of(dir, "redis-server").toString();
      }
    }
    throw new IllegalStateException("redis-server is not installed, and the Redis store is tested against a real"
        + " one. Run the project's test command, ./test.sh, which provisions it, or install it yourself"
        + " (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), or set REDIS_SERVER"
        + " to the binary's path.");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for redis-server", e);
    }
  }

  /** redis-server exited at start; the message is its log. */
  static class RedisStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RedisStartException(String log) {
      super("redis-server exited at start; its log:\n" + log);
    }

    /** Whether this redis-server was built without TLS, which makes it reject the tls-* options. */
    boolean lacksTls() {
      return getMessage().contains("tls-port") && getMessage().contains("Bad directive");
    }
  }

  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
