package dev.sessionconfig.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server as a child process of the test JVM: on a free loopback port of its own (never a default port),
 * in a temporary directory of its own, its output captured to a log file that failure messages quote.
 *
 * <p>Use it as a JUnit 5 extension, started before a class's tests and closed after them:
 *
 * <pre>{@code @RegisterExtension static final RedisServer redis = RedisServer.create();}</pre>
 *
 * <p>or as a plain {@link AutoCloseable}: {@code try (RedisServer redis = RedisServer.create().start()) {...}}.
 * {@link #stop()} then {@link #start()} (or {@link #restart()}) mid-test is an outage: the server comes back on
 * the same port. {@link #close()} stops it and deletes its directory; a JVM shutdown hook does the same should
 * the JVM end first (a failed fork, Ctrl-C), so that no server outlives the tests.
 *
 * <p>A subclass names its binaries ({@link #locateBinaries()}, usually with {@link #locate}), prepares its
 * directory once ({@link #initialize()}), gives its command line for the current {@link #port()}
 * ({@link #command()}) and a readiness probe ({@link #answers()}).
 *
 * @param <S> the subclass, which {@link #start()} returns
 */
public abstract class ServerProcess<S extends ServerProcess<S>>
    implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** The loopback address every server listens on, and only on. */
  public static final String HOST = "127.0.0.1";

  private static final int PORT_ATTEMPTS = 3;
  private static final int LOG_QUOTE_CHARS = 12_000;

  private final String name;
  private Duration startTimeout = Duration.ofSeconds(60);
  private Duration stopTimeout = Duration.ofSeconds(15);
  private int port;
  private Path directory;
  private Path logFile;
  private boolean initialized;
  private boolean everStarted;
  private volatile Process process;
  private volatile List<ProcessHandle> descendants = List.of();
  private Thread shutdownHook;
  private ExtensionContext startedBy;

  /** @param name what the messages call the server, e.g. {@code redis-server} */
  protected ServerProcess(String name) {
    this.name = name;
  }

  // ---------------------------------------------------------------------------------------------- life cycle

  /**
   * Starts the server and waits until it answers; the first start picks a free port, prepares the directory
   * ({@link #initialize()}) and, once the server answers, runs {@link #afterFirstStart()}. A later start (after
   * {@link #stop()}) uses the same port and directory.
   *
   * @throws ServerNotInstalledException when a binary is missing (nothing is left behind then)
   * @throws IllegalStateException when it is already running, exits at start or does not answer in time; the
   *     message quotes its log
   */
  public final synchronized S start() {
    if (process != null) {
      throw new IllegalStateException(name + " is already running on port " + port);
    }
    try {
      if (directory == null) {
        locateBinaries(); // first, so that a missing binary leaves nothing behind
        directory = createDirectory();
        logFile = directory.resolve(logFileName());
        Files.createFile(logFile);
        if (shutdownHook == null) {
          // Should the JVM end without close() (a failed fork, Ctrl-C, System.exit), no server is left behind.
          shutdownHook = new Thread(this::onShutdown, "stop " + name);
          Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
      }
      if (!initialized) {
        initialize();
        initialized = true;
      }
      boolean keepPort = port != 0;
      for (int attempt = 1; ; attempt++) {
        if (!keepPort) {
          port = freePort();
        }
        try {
          launch();
          break;
        } catch (PortTakenException e) {
          // Another process took the free port between our probe and the server binding it: pick another one,
          // unless this is a restart, which must come back where its clients look for it.
          if (keepPort || attempt == PORT_ATTEMPTS) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        }
      }
      if (!everStarted) {
        everStarted = true;
        afterFirstStart();
      }
      return self();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + name, e);
    }
  }

  /**
   * Stops the server the way an outage would: its clients' connections are cut, the port refuses connections
   * once this returns. The data directory is kept, so {@link #start()} brings it back on the same port (with
   * what it persisted: nothing for Redis and memcached, the databases for PostgreSQL and MariaDB). Does nothing
   * when it is not running.
   */
  public final synchronized void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    terminate(running, stopTimeout);
    process = null;
  }

  /**
   * Kills the server (SIGKILL) as a crash would: no shutdown, nothing saved, its clients' connections reset. Like
   * {@link #stop()}, keeps the port and directory for a later {@link #start()}; does nothing when it is not running.
   */
  public final synchronized void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.descendants().forEach(ProcessHandle::destroyForcibly);
    running.destroyForcibly();
    try {
      running.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * Freezes the server (SIGSTOP): its connections stay open and nothing answers, as a server that hangs or a network
   * that drops every packet. {@link #thaw()} lets it run on. The server's child processes too: PostgreSQL serves each
   * connection from a process of its own.
   */
  public final synchronized void freeze() throws IOException, InterruptedException {
    signal(process.pid(), "STOP");
    // Until a pass finds no process it has not stopped yet: while the first pass runs, a server that is not stopped
    // yet (PostgreSQL's postmaster behind runuser) may start a child for a new connection, which then serves it.
    Set<Long> stopped = new HashSet<>();
    for (boolean more = true; more; ) {
      more = false;
      for (ProcessHandle child : process.descendants().toList()) {
        if (stopped.add(child.pid())) {
          signalIfAlive(child, "STOP");
          more = true;
        }
      }
    }
  }

  /** Lets a {@link #freeze frozen} server run on (SIGCONT). */
  public final synchronized void thaw() throws IOException, InterruptedException {
    for (ProcessHandle child : process.descendants().toList()) {
      signalIfAlive(child, "CONT");
    }
    signal(process.pid(), "CONT");
  }

  /** Signals {@code child}; one that ends meanwhile (a connection's process) needs no signal. */
  private static void signalIfAlive(ProcessHandle child, String signal) throws IOException, InterruptedException {
    try {
      signal(child.pid(), signal);
    } catch (IOException e) {
      if (child.isAlive()) {
        throw e;
      }
    }
  }

  /** {@link #stop()} then {@link #start()}: the same port, the same directory. */
  public final synchronized S restart() {
    stop();
    return start();
  }

  /** Stops the server and deletes its directory; a later {@link #start()} begins afresh, on a new port. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down already: the hook runs anyway, harmlessly
        }
        shutdownHook = null;
      }
      deleteDirectory();
      directory = null;
      logFile = null;
      initialized = false;
      everStarted = false;
      port = 0;
    }
  }

  /** Starts the server before the tests of the class that registers it (unless it runs already). */
  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (this) {
      if (process == null) {
        start();
        startedBy = context;
      }
    }
  }

  /** Closes the server after the tests of the class whose {@code beforeAll} started it. */
  @Override
  public void afterAll(ExtensionContext context) {
    synchronized (this) {
      if (startedBy == null || startedBy == context) {
        startedBy = null;
        close();
      }
    }
  }

  // ------------------------------------------------------------------------------------------------- accessors

  /** What the messages call the server. */
  public final String name() {
    return name;
  }

  /** {@value #HOST}. */
  public final String host() {
    return HOST;
  }

  /** The server's port: 0 before the first {@link #start()}, then the same one until {@link #close()}. */
  public final synchronized int port() {
    return port;
  }

  /** Whether the server process is running (it may have crashed since it was started: this looks). */
  public final boolean isRunning() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /** The server's temporary directory (null before the first start and after close). */
  public final synchronized Path directory() {
    return directory;
  }

  /** The file the server's output (stdout and stderr) goes to, over all its starts. */
  public final synchronized Path logFile() {
    return logFile;
  }

  /** The server's output so far ({@code ""} when there is none). */
  public final String log() {
    Path file = logFile;
    return file == null ? "" : read(file);
  }

  /** How long {@link #start()} waits for the server to answer (default 60 s). */
  public final synchronized S startTimeout(Duration timeout) {
    this.startTimeout = timeout;
    return self();
  }

  // --------------------------------------------------------------------------------------- what a server does

  /** Finds the binaries, or throws {@link ServerNotInstalledException}; called before anything is created. */
  protected abstract void locateBinaries();

  /**
   * Prepares {@link #directory()} (e.g. initializes a database cluster); called once, before the first launch.
   * Nothing by default.
   */
  protected void initialize() throws IOException, InterruptedException {}

  /** The command line that runs the server in the foreground on {@link #port()}, logging to stdout/stderr. */
  protected abstract List<String> command();

  /** Changes the server's environment; nothing by default. */
  protected void environment(Map<String, String> environment) {}

  /**
   * The readiness probe: whether the server answers now. Called every {@link #probeInterval()} until it returns
   * true; an exception means "not yet" (the last one is quoted should the server never answer).
   */
  protected abstract boolean answers() throws Exception;

  /** How long to wait between two {@link #answers()} (default 20 ms). */
  protected Duration probeInterval() {
    return Duration.ofMillis(20);
  }

  /** Runs once the server answered for the first time (e.g. creates a database); nothing by default. */
  protected void afterFirstStart() throws IOException, InterruptedException {}

  /**
   * Asks the server process to stop, quickly, cutting its clients off; {@link Process#destroy()} (SIGTERM) by
   * default. The process, and every process it started, is killed should it not be gone in time.
   */
  protected void requestStop(Process process) throws IOException, InterruptedException {
    process.destroy();
  }

  /** Whether the log of a server that exited at start says that its port was taken. */
  protected boolean portTaken(String log) {
    return log.contains("Address already in use");
  }

  /** The exception for a server that exited at start: its message quotes the log. */
  protected RuntimeException startFailure(String message) {
    return new IllegalStateException(message);
  }

  /** The prefix of the temporary directory's name. */
  protected String directoryPrefix() {
    return name.replaceAll("[^A-Za-z0-9]", "") + "-test";
  }

  /** The log file's name in the directory. */
  protected String logFileName() {
    return name.replaceAll("[^A-Za-z0-9.-]", "") + ".log";
  }

  // ------------------------------------------------------------------------------------------- for subclasses

  /**
   * Finds an executable: {@code variable} (a system property of the lower-case dotted name, e.g.
   * {@code redis.server} for {@code REDIS_SERVER}, else the environment variable itself; a path or a name on
   * the PATH), else the first executable of {@code candidates}, else {@code binary} on the PATH.
   *
   * @throws ServerNotInstalledException when none is found
   */
  protected static Path locate(String binary, String debianPackage, String variable, List<Path> candidates) {
    String configured = configured(variable);
    if (configured != null) {
      Path path = configured.contains("/") ? Path.of(configured) : onPath(configured);
      if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
        throw new IllegalStateException(configuredName(variable) + " is " + configured + ", which is no executable "
            + binary);
      }
      return path;
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path found = onPath(binary);
    if (found != null) {
      return found;
    }
    throw new ServerNotInstalledException(binary, debianPackage, variable);
  }

  /**
   * The value of a setting that names a binary or directory: the system property of {@code variable}'s
   * lower-case dotted name ({@code POSTGRES_BIN_DIR}: {@code postgres.bin.dir}), else the environment variable;
   * null when neither is set (or blank).
   */
  protected static String configured(String variable) {
    String property = System.getProperty(propertyName(variable));
    if (property != null && !property.isBlank()) {
      return property.trim();
    }
    String env = System.getenv(variable);
    return env != null && !env.isBlank() ? env.trim() : null;
  }

  /**
   * What set {@code variable}, for a message: {@code "the system property redis.server"} or
   * {@code "REDIS_SERVER"}.
   */
  protected static String configuredName(String variable) {
    String property = System.getProperty(propertyName(variable));
    return property != null && !property.isBlank() ? "the system property " + propertyName(variable) : variable;
  }

  static String propertyName(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** {@code name} in a directory of the PATH, or null. */
  protected static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Whether the test JVM runs as root (uid 0), which some servers refuse, or must be told about. */
  protected static boolean runningAsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** A loopback port nothing listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  /**
   * Runs a helper command (an initdb, a client) to its end and returns its exit code and output (stdout and
   * stderr together); {@code input} (or null) is its standard input.
   */
  protected static CommandResult run(List<String> command, Map<String, String> environment, String input,
      Duration timeout) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    if (input == null) {
      builder.redirectInput(Redirect.from(new File("/dev/null")));
    }
    Process helper = builder.start();
    // Read in the background so that a chatty helper never blocks on a full pipe.
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
      try {
        return helper.getInputStream().readAllBytes();
      } catch (IOException e) {
        return ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
      }
    });
    if (input != null) {
      try (var stdin = helper.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // it exited without reading: its output says why
      }
    }
    if (!helper.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      helper.descendants().forEach(ProcessHandle::destroyForcibly);
      helper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      return new CommandResult(command, -1, "(timed out after " + timeout.toMillis() + " ms) "
          + new String(output.getNow(new byte[0]), StandardCharsets.UTF_8));
    }
    byte[] bytes;
    try {
      bytes = output.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      bytes = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
    }
    return new CommandResult(command, helper.exitValue(), new String(bytes, StandardCharsets.UTF_8));
  }

  /** The process that runs the server (null when stopped), e.g. to signal it. */
  protected final Process process() {
    return process;
  }

  /** Sends {@code signal} (e.g. {@code INT}) to {@code pid} with kill(1). */
  protected static void signal(long pid, String signal) throws IOException, InterruptedException {
    Path kill = Stream.of(Path.of("/bin/kill"), Path.of("/usr/bin/kill")).filter(Files::isExecutable).findFirst()
        .orElse(Path.of("kill"));
    CommandResult result = run(List.of(kill.toString(), "-" + signal, Long.toString(pid)), Map.of(), null,
        Duration.ofSeconds(10));
    if (result.exitCode() != 0) {
      throw new IOException("kill -" + signal + " " + pid + " failed: " + result.output());
    }
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  // ------------------------------------------------------------------------------------------------ internals

  private Path createDirectory() throws IOException {
    // Unix socket paths are limited to ~107 bytes: a long java.io.tmpdir gives way to /tmp.
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    if (tmp.toAbsolutePath().toString().length() > 60 && Files.isDirectory(Path.of("/tmp"))) {
      tmp = Path.of("/tmp");
    }
    return Files.createTempDirectory(tmp, directoryPrefix());
  }

  private void launch() throws IOException, InterruptedException {
    List<String> command = command();
    long logStart = Files.size(logFile);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(logFile.toFile())).redirectInput(Redirect.from(new File("/dev/null")));
    environment(builder.environment());
    Process started;
    try {
      started = builder.start();
    } catch (IOException e) {
      throw new IOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    process = started;
    descendants = List.of();
    awaitAnswer(started, command, logStart);
  }

  private void awaitAnswer(Process started, List<String> command, long logStart) throws InterruptedException {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!started.isAlive()) {
        process = null;
        String output = logSince(logStart);
        String message = name + " exited at start with code " + started.exitValue() + " (" + String.join(" ", command)
            + "); its log:\n" + output;
        if (portTaken(output)) {
          throw new PortTakenException("port " + port + " is taken: " + message);
        }
        throw startFailure(message);
      }
      try {
        if (answers()) {
          // Remembered now, so that stop() and the shutdown hook also end what a wrapper (runuser) started.
          descendants = started.descendants().collect(Collectors.toList());
          return;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(probeInterval().toMillis());
    }
    stop();
    throw new IllegalStateException(name + " on port " + port + " did not answer within " + startTimeout.toMillis()
        + " ms" + (last == null ? "" : " (last probe: " + last + ")") + " (" + String.join(" ", command)
        + "); its log:\n" + logSince(logStart));
  }

  private void terminate(Process running, Duration timeout) {
    List<ProcessHandle> children = new ArrayList<>(descendants);
    running.descendants().forEach(child -> {
      if (!children.contains(child)) {
        children.add(child);
      }
    });
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      try {
        requestStop(running);
      } catch (IOException e) {
        running.destroy();
      }
      if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
          child.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
          child.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      children.forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
    }
  }

  /** The shutdown hook: no lock (the thread that called System.exit may hold it), short waits. */
  private void onShutdown() {
    Process running = process;
    if (running != null) {
      terminate(running, Duration.ofSeconds(5));
      process = null;
    }
    deleteDirectory();
  }

  private void deleteDirectory() {
    Path dir = directory;
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary directory is not worth failing a test for
    }
  }

  private String logSince(long offset) {
    Path file = logFile;
    if (file == null) {
      return "";
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
    int from = offset > 0 && offset <= bytes.length ? (int) offset : 0;
    String since = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    return since.length() <= LOG_QUOTE_CHARS ? since
        : "[...]" + since.substring(since.length() - LOG_QUOTE_CHARS);
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
