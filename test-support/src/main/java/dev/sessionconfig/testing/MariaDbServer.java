package dev.sessionconfig.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real MariaDB server for tests, on a free loopback port of its own, with a fresh data directory in a
 * temporary directory: a database {@link #database()} on which the user {@link #user()} (from any host) has every
 * privilege, with the password {@link #password()} (grant tables on: a wrong password is refused). Register it
 * with {@code @RegisterExtension static final MariaDbServer mariadb = MariaDbServer.create();} or
 * {@link #start()} and {@link #close()} it yourself; connect with {@link #jdbcUrl()}, {@link #user()},
 * {@link #password()}. {@link #stop()} (SIGTERM: a normal shutdown, clients cut off) and {@link #start()}
 * mid-test simulate an outage: it comes back on the same port, with its data.
 *
 * <p>The commands ({@code --user=root} only when the test JVM is root, which mariadbd otherwise refuses):
 *
 * <pre>
 * mariadb-install-db --no-defaults --datadir=&lt;tmp&gt;/data [--user=root] --auth-root-authentication-method=normal
 *     --skip-test-db --skip-name-resolve --extra-file=&lt;tmp&gt;/users.sql &lt;the InnoDB options below&gt;
 *     (users.sql: FLUSH PRIVILEGES; CREATE DATABASE ...; CREATE USER '...'@'%' IDENTIFIED BY '...'; GRANT ALL ...)
 * mariadbd --no-defaults --datadir=&lt;tmp&gt;/data [--user=root] --bind-address=127.0.0.1 --port=&lt;port&gt;
 *     --socket=&lt;tmp&gt;/run/mysqld.sock --pid-file=&lt;tmp&gt;/run/mysqld.pid --tmpdir=&lt;tmp&gt;/run --skip-name-resolve
 *     --skip-log-bin --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
 *     --innodb-buffer-pool-size=16M --innodb-log-file-size=4M --innodb-flush-log-at-trx-commit=0
 *     --innodb-use-native-aio=0
 * mariadb-admin --no-defaults --socket=&lt;tmp&gt;/run/mysqld.sock --user=root --connect-timeout=2 ping   (readiness)
 * </pre>
 *
 * <p>{@code --no-defaults} keeps the system's {@code /etc/mysql} out; the character set is Debian's own default
 * (utf8mb4), which {@code --no-defaults} would otherwise lose. Over the socket, {@code root} has no password
 * (only {@link #sql} uses it).
 *
 * <p>The server binary is {@code MARIADBD} (system property {@code mariadbd}, else the environment variable),
 * else {@code /usr/sbin/mariadbd}, {@code /usr/sbin/mysqld}, else the PATH (Debian package
 * {@code mariadb-server}); {@code mariadb-install-db}, {@code mariadb-admin} and {@code mariadb} are looked for
 * next to it, in {@code /usr/bin}, then on the PATH (their {@code mysql_install_db}, {@code mysqladmin},
 * {@code mysql} names too).
 */
public final class MariaDbServer extends DatabaseServer<MariaDbServer> {

  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);
  private static final List<String> INNODB = List.of("--innodb-buffer-pool-size=16M",
      "--innodb-log-file-size=4M", "--innodb-flush-log-at-trx-commit=0", "--innodb-use-native-aio=0");

  private Path server;
  private Path installDb;
  private Path admin;
  private Path client;

  private MariaDbServer() {
    super("mariadbd", "mariadb", Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}"), "letters, digits, _");
  }

  public static MariaDbServer create() {
    return new MariaDbServer();
  }

  /** The server's Unix socket (root without a password, for {@link #sql}). */
  public Path socket() {
    return directory() == null ? null : directory().resolve("run").resolve("mysqld.sock");
  }

  /**
   * Runs SQL with the {@code mariadb} client as root on {@link #database()} (over the Unix socket: no JDBC
   * driver) and returns what it printed: tab-separated columns, one row a line, no column names, trimmed.
   *
   * @throws IllegalStateException when the client fails (the SQL's error is in the message)
   */
  public String sql(String sql) {
    if (!isRunning()) {
      throw new IllegalStateException(name() + " is not running: start() it first");
    }
    try {
      return run(List.of(client.toString(), "--no-defaults", "--socket=" + socket(), "--user=root",
          "--batch", "--skip-column-names", "--connect-timeout=5", "--database=" + database(), "--execute=" + sql),
          Map.of(), null, TOOL_TIMEOUT).outputOrThrow("mariadb --execute=" + sql).trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run mariadb: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running mariadb", e);
    }
  }

  @Override
  protected void locateBinaries() {
    server = locate("mariadbd", "mariadb-server", "MARIADBD",
        List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/sbin/mysqld")));
    installDb = tool("mariadb-install-db", "mysql_install_db");
    admin = tool("mariadb-admin", "mysqladmin");
    client = tool("mariadb", "mysql");
  }

  @Override
  protected void initialize() throws IOException, InterruptedException {
    Path dir = directory();
    Files.createDirectories(dir.resolve("run"));
    Path users = dir.resolve("users.sql");
    // Run by the bootstrap, whose grant tables are off until FLUSH PRIVILEGES loads them.
    Files.writeString(users, "FLUSH PRIVILEGES;\n"
        + "CREATE DATABASE IF NOT EXISTS `" + database() + "`;\n"
        + "CREATE USER IF NOT EXISTS '" + user() + "'@'%' IDENTIFIED BY '" + quote(password()) + "';\n"
        + "GRANT ALL PRIVILEGES ON `" + database() + "`.* TO '" + user() + "'@'%';\n", StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
        "--datadir=" + dir.resolve("data")));
    command.addAll(asUser());
    command.addAll(List.of("--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve",
        "--extra-file=" + users));
    command.addAll(INNODB);
    CommandResult result = run(command, Map.of(), null, TOOL_TIMEOUT);
    Files.writeString(logFile(), result.output(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    result.outputOrThrow("mariadb-install-db");
    Files.deleteIfExists(users); // it holds the password
  }

  @Override
  protected List<String> command() {
    Path run = directory().resolve("run");
    List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
        "--datadir=" + directory().resolve("data")));
    command.addAll(asUser());
    command.addAll(List.of("--bind-address=" + HOST, "--port=" + port(), "--socket=" + socket(),
        "--pid-file=" + run.resolve("mysqld.pid"), "--tmpdir=" + run, "--skip-name-resolve", "--skip-log-bin",
        "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci"));
    command.addAll(INNODB);
    return command;
  }

  @Override
  protected boolean answers() throws IOException, InterruptedException {
    return run(List.of(admin.toString(), "--no-defaults", "--socket=" + socket(), "--user=root",
        "--connect-timeout=2", "ping"), Map.of(), null, Duration.ofSeconds(10)).succeeded();
  }

  @Override
  protected Duration probeInterval() {
    return Duration.ofMillis(50);
  }

  @Override
  protected String directoryPrefix() {
    return "mariadb-test";
  }

  private static List<String> asUser() {
    return runningAsRoot() ? List.of("--user=root") : List.of();
  }

  /** A helper binary: next to mariadbd (or in its ../bin, ../scripts), in /usr/bin, else on the PATH. */
  private Path tool(String name, String oldName) {
    Path dir = server.getParent();
    List<Path> candidates = new ArrayList<>();
    for (Path place : List.of(dir, dir.resolveSibling("bin"), dir.resolveSibling("scripts"), Path.of("/usr/bin"))) {
      candidates.add(place.resolve(name));
      candidates.add(place.resolve(oldName));
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path found = onPath(name);
    if (found == null) {
      found = onPath(oldName);
    }
    if (found == null) {
      throw new ServerNotInstalledException(name, name.equals("mariadb-install-db") ? "mariadb-server"
          : "mariadb-client", "MARIADBD", "to a mariadbd with it in the same directory");
    }
    return found;
  }

  private static String quote(String text) {
    return text.replace("\\", "\\\\").replace("'", "\\'");
  }

}
