package dev.sessionconfig.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real {@code memcached} for tests, on a free loopback port of its own (TCP only), in a temporary directory.
 * Register it with {@code @RegisterExtension static final MemcachedServer memcached = MemcachedServer.create();}
 * or {@link #start()} and {@link #close()} it yourself. {@link #stop()} and {@link #start()} mid-test simulate
 * an outage: it comes back on the same port, empty (memcached keeps nothing).
 *
 * <p>Command line: {@code memcached -l 127.0.0.1 -p <port> -U 0 -m <megabytes>}, plus {@code -u root} when the
 * test JVM runs as root (memcached refuses root without {@code -u}). Ready when the text protocol's
 * {@code version} answers {@code VERSION ...}. Stopped with SIGKILL (it keeps nothing a SIGTERM would save, and
 * takes a second to notice a SIGTERM).
 *
 * <p>The binary is {@code MEMCACHED} (system property {@code memcached}, else the environment variable), else
 * {@code /usr/bin/memcached}, else {@code memcached} on the PATH (Debian package {@code memcached}).
 */
public final class MemcachedServer extends ServerProcess<MemcachedServer> {
  private Path binary;
  private int megabytes = 64;

  private MemcachedServer() {
    super("memcached");
  }

  public static MemcachedServer create() {
    return new MemcachedServer();
  }

  /** The item memory ({@code -m}, default 64 MB). */
  public MemcachedServer memoryMegabytes(int megabytes) {
    this.megabytes = megabytes;
    return this;
  }

  /** {@code 127.0.0.1:<port>}, as a memcached client's server list wants it. */
  public String address() {
    return HOST + ":" + port();
  }

  /** The server's version, e.g. {@code 1.6.18}. */
  public String version() {
    String reply = command("version").get(0);
    return reply.startsWith("VERSION ") ? reply.substring("VERSION ".length()) : reply;
  }

  /** Empties the server ({@code flush_all}). */
  public void flushAll() {
    List<String> reply = command("flush_all");
    if (!reply.equals(List.of("OK"))) {
      throw new IllegalStateException("flush_all answered " + reply);
    }
  }

  /**
   * The general statistics ({@code stats}), e.g. {@code cmd_get}, {@code get_hits}, {@code cmd_set},
   * {@code curr_items}, {@code curr_connections}: what a test counts round trips with.
   */
  public Map<String, String> stats() {
    Map<String, String> stats = new LinkedHashMap<>();
    for (String line : command("stats")) {
      // STAT cmd_get 12
      String[] parts = line.split(" ", 3);
      if (parts.length == 3 && parts[0].equals("STAT")) {
        stats.put(parts[1], parts[2]);
      }
    }
    return stats;
  }

  /**
   * Sends one text-protocol command line (without its CRLF) over a connection of the test's own and returns the
   * reply's lines up to and including its last one ({@code END}, {@code OK}, {@code VERSION ...},
   * {@code STORED}, an error...). For commands whose reply is one line or ends with {@code END}: {@code version},
   * {@code stats [group]}, {@code flush_all}, {@code get <key>} with text values, {@code delete <key>},
   * {@code touch <key> <exptime>}.
   */
  public List<String> command(String line) {
    try (Socket socket = connect()) {
      return call(socket, line);
    } catch (IOException e) {
      throw new UncheckedIOException("memcached at " + address() + " did not answer " + line, e);
    }
  }

  @Override
  protected void locateBinaries() {
    binary = locate("memcached", "memcached", "MEMCACHED", List.of(Path.of("/usr/bin/memcached")));
  }

  @Override
  protected List<String> command() {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-l", HOST, "-p", String.valueOf(port()),
        "-U", "0", "-m", String.valueOf(megabytes)));
    if (runningAsRoot()) {
      command.addAll(List.of("-u", "root"));
    }
    return command;
  }

  @Override
  protected boolean answers() throws IOException {
    try (Socket socket = connect()) {
      List<String> reply = call(socket, "version");
      return reply.size() == 1 && reply.get(0).startsWith("VERSION ");
    }
  }

  /**
   * SIGKILL: memcached keeps nothing, so a kill loses nothing a SIGTERM would keep, and memcached notices a
   * SIGTERM only at its next once-a-second clock tick (a second per stop).
   */
  @Override
  protected void requestStop(Process process) {
    process.destroyForcibly();
  }

  @Override
  protected String directoryPrefix() {
    return "memcached-test";
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(HOST, port()), 1_000);
      socket.setSoTimeout(5_000);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static List<String> call(Socket socket, String line) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    InputStream in = new BufferedInputStream(socket.getInputStream());
    List<String> lines = new ArrayList<>();
    while (true) {
      String reply = TextLines.read(in);
      lines.add(reply);
      if (!reply.startsWith("STAT ") && !reply.startsWith("VALUE ") && !(lines.size() > 1
          && lines.get(lines.size() - 2).startsWith("VALUE "))) {
        return lines;
      }
    }
  }

}
