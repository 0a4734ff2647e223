package dev.sessionconfig.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, on a free loopback port of its own, with a fresh cluster in a temporary
 * directory: a database {@link #database()} owned by the login role {@link #user()}, who must give
 * {@link #password()} over TCP (SCRAM-SHA-256). Register it with
 * {@code @RegisterExtension static final PostgresServer postgres = PostgresServer.create();} or
 * {@link #start()} and {@link #close()} it yourself; connect with {@link #jdbcUrl()}, {@link #user()},
 * {@link #password()}. {@link #stop()} (a fast shutdown: clients are cut off) and {@link #start()} mid-test
 * simulate an outage: it comes back on the same port, with its data.
 *
 * <p>PostgreSQL refuses to run as root: when the test JVM is root, {@code initdb}, {@code postgres} and
 * {@code pg_isready} run as the {@code postgres} system user (which Debian's package creates) through
 * {@code runuser -u postgres --}, in a directory owned by that user. The commands:
 *
 * <pre>
 * initdb -D &lt;tmp&gt;/data -U postgres --pwfile=&lt;tmp&gt;/superuser-password --auth-local=trust
 *        --auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync
 * postgres -D &lt;tmp&gt;/data -p &lt;port&gt; -k &lt;tmp&gt;/run -c listen_addresses=127.0.0.1 -c fsync=off
 *        -c synchronous_commit=off -c full_page_writes=off -c password_encryption=scram-sha-256
 * pg_isready -h 127.0.0.1 -p &lt;port&gt; -U postgres -d postgres        (the readiness probe)
 * psql -h &lt;tmp&gt;/run -p &lt;port&gt; -U postgres -c "CREATE ROLE ..." -c "CREATE DATABASE ... OWNER ..."   (once)
 * </pre>
 *
 * <p>and {@code kill -INT <postmaster>} to stop. Over the Unix socket (only {@link #sql} uses it) connections
 * are trusted; over TCP every role needs its password (the superuser {@code postgres} has the same one as
 * {@link #user()}).
 *
 * <p>The binaries are those of the directory {@code POSTGRES_BIN_DIR} (system property
 * {@code postgres.bin.dir}, else the environment variable), else of the newest
 * {@code /usr/lib/postgresql/<version>/bin} (Debian's layout, package {@code postgresql}), else
 * {@code pg_config --bindir}, else the PATH.
 */
public final class PostgresServer extends DatabaseServer<PostgresServer> {
  /** The superuser's name (initdb -U). */
  public static final String SUPERUSER = "postgres";
  /** The system user the server runs as when the test JVM is root. */
  public static final String SYSTEM_USER = "postgres";

  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

  private Path binDirectory;
  private List<String> asServerUser = List.of();

  private PostgresServer() {
    super("postgres", "postgresql", Pattern.compile("[a-z_][a-z0-9_]{0,62}"), "lower-case letters, digits, _");
  }

  public static PostgresServer create() {
    return new PostgresServer();
  }

  /** The directory of the binaries in use (known once started). */
  public Path binDirectory() {
    return binDirectory;
  }

  /** The directory of the Unix socket (trusted connections, for {@link #sql}). */
  public Path socketDirectory() {
    return directory() == null ? null : directory().resolve("run");
  }

  /**
   * Runs SQL with psql as the superuser on {@link #database()} (over the Unix socket: no password, no JDBC
   * driver) and returns what it printed: unaligned, tuples only, {@code |} between columns, one row a line,
   * trimmed. For a test's own look at the tables, or to break things on purpose.
   *
   * @throws IllegalStateException when psql fails (the SQL's error is in the message)
   */
  public String sql(String sql) {
    if (!isRunning()) {
      throw new IllegalStateException(name() + " is not running: start() it first");
    }
    try {
      return psql(database(), List.of("-A", "-t", "-c", sql)).outputOrThrow("psql -c " + sql).trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run psql: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running psql", e);
    }
  }

  @Override
  protected void locateBinaries() {
    binDirectory = findBinDirectory();
    if (runningAsRoot()) {
      Path runuser = locate("runuser", "util-linux", "RUNUSER",
          List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser")));
      if (!systemUserExists()) {
        throw new IllegalStateException("PostgreSQL refuses to run as root, and the tests run as root without a "
            + SYSTEM_USER + " system user to run it as (Debian's package postgresql creates one): run the tests"
            + " as another user, or create it (adduser --system --group " + SYSTEM_USER + ")");
      }
      asServerUser = List.of(runuser.toString(), "-u", SYSTEM_USER, "--");
    }
  }

  @Override
  protected void initialize() throws IOException, InterruptedException {
    Path dir = directory();
    Path passwordFile = dir.resolve("superuser-password");
    Files.writeString(passwordFile, password() + "\n", StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("run"));
    if (!asServerUser.isEmpty()) {
      // The server user must own its directory: the cluster, the socket, the password file initdb reads.
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.setOwner(file, users.lookupPrincipalByName(SYSTEM_USER));
        }
      }
    }
    List<String> initdb = new ArrayList<>(asServerUser);
    initdb.addAll(List.of(tool("initdb"), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
        "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
        "--no-locale", "--no-sync"));
    CommandResult result = run(initdb, Map.of(), null, TOOL_TIMEOUT);
    Files.writeString(logFile(), result.output(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    result.outputOrThrow("initdb");
    Files.deleteIfExists(passwordFile);
  }

  @Override
  protected List<String> command() {
    List<String> command = new ArrayList<>(asServerUser);
    command.addAll(List.of(tool("postgres"), "-D", directory().resolve("data").toString(),
        "-p", String.valueOf(port()), "-k", socketDirectory().toString(),
        "-c", "listen_addresses=" + HOST, "-c", "fsync=off", "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off", "-c", "password_encryption=scram-sha-256"));
    return command;
  }

  @Override
  protected boolean answers() throws IOException, InterruptedException {
    // Exit code 0: accepting connections (1: still starting up, 2: no answer).
    return run(List.of(tool("pg_isready"), "-q", "-h", HOST, "-p", String.valueOf(port()), "-U", SUPERUSER,
        "-d", "postgres", "-t", "2"), Map.of(), null, Duration.ofSeconds(10)).succeeded();
  }

  @Override
  protected Duration probeInterval() {
    return Duration.ofMillis(50);
  }

  @Override
  protected void afterFirstStart() throws IOException, InterruptedException {
    psql("postgres", List.of(
        "-c", "CREATE ROLE " + user() + " LOGIN PASSWORD '" + password().replace("'", "''") + "'",
        "-c", "CREATE DATABASE " + database() + " OWNER " + user(),
        "-c", "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password().replace("'", "''") + "'"))
        .outputOrThrow("creating role " + user() + " and database " + database());
  }

  /** A fast shutdown (SIGINT to the postmaster): clients are cut off, as in an outage, and nothing waits. */
  @Override
  protected void requestStop(Process process) throws IOException, InterruptedException {
    Long postmaster = postmasterPid();
    if (postmaster == null) {
      process.destroy();
    } else {
      signal(postmaster, "INT");
    }
  }

  @Override
  protected String directoryPrefix() {
    return "pg-test";
  }

  private CommandResult psql(String db, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", socketDirectory().toString(), "-p", String.valueOf(port()), "-U", SUPERUSER, "-d", db));
    command.addAll(args);
    return run(command, Map.of("PGCONNECT_TIMEOUT", "5"), null, TOOL_TIMEOUT);
  }

  private Long postmasterPid() {
    Path pidFile = directory().resolve("data").resolve("postmaster.pid");
    try {
      String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
      return Long.parseLong(first);
    } catch (IOException | RuntimeException e) {
      Process running = process();
      // Without a wrapper the process is the postmaster itself.
      return running != null && asServerUser.isEmpty() ? running.pid() : null;
    }
  }

  private String tool(String name) {
    return binDirectory.resolve(name).toString();
  }

  private static Path findBinDirectory() {
    String configured = configured("POSTGRES_BIN_DIR");
    if (configured != null) {
      Path dir = Path.of(configured);
      if (!hasServer(dir)) {
        throw new IllegalStateException(configuredName("POSTGRES_BIN_DIR") + " is " + configured
            + ", which holds no executable postgres, initdb, pg_isready and psql");
      }
      return dir;
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest = versions.map(version -> version.resolve("bin")).filter(PostgresServer::hasServer)
            .max(Comparator.comparing(PostgresServer::versionOf)).orElse(null);
        if (newest != null) {
          return newest;
        }
      } catch (IOException e) {
        // fall through to the other places
      }
    }
    Path pgConfig = onPath("pg_config");
    if (pgConfig != null) {
      try {
        CommandResult result = run(List.of(pgConfig.toString(), "--bindir"), Map.of(), null, Duration.ofSeconds(10));
        if (result.succeeded() && hasServer(Path.of(result.output().trim()))) {
          return Path.of(result.output().trim());
        }
      } catch (IOException e) {
        // fall through
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Path postgres = onPath("postgres");
    if (postgres != null && hasServer(postgres.getParent())) {
      return postgres.getParent();
    }
    throw new ServerNotInstalledException("PostgreSQL (postgres, initdb)", "postgresql", "POSTGRES_BIN_DIR",
        "to the directory of its binaries");
  }

  private static boolean hasServer(Path dir) {
    return Stream.of("postgres", "initdb", "pg_isready", "psql").map(dir::resolve)
        .allMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file));
  }

  /** 15 for /usr/lib/postgresql/15/bin, 9.6 as 9.006. */
  private static double versionOf(Path bin) {
    String name = bin.getParent().getFileName().toString();
    try {
      String[] parts = name.split("\\.");
      return Integer.parseInt(parts[0]) + (parts.length > 1 ? Integer.parseInt(parts[1]) / 1000.0 : 0);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean systemUserExists() {
    try {
      Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SYSTEM_USER);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

}
