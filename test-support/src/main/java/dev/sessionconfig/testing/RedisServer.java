package dev.sessionconfig.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
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
 * <p>Command line: {@code redis-server --bind 127.0.0.1 --dir <tmp> --save "" --appendonly no --daemonize no
 * --protected-mode yes --port <port>} (with TLS: {@code --port 0 --tls-port <port> --tls-cert-file ...
 * --tls-key-file ... --tls-auth-clients no}; with a password: {@code --requirepass <password>}). Ready when it
 * answers PING (after AUTH, over TLS when it speaks TLS).
 *
 * <p>The binary is {@code REDIS_SERVER} (system property {@code redis.server}, else the environment variable),
 * else {@code /usr/bin/redis-server}, else {@code redis-server} on the PATH. Tests never install it: the
 * project's test command does (Debian package {@code redis-server}).
 */
public final class RedisServer extends ServerProcess<RedisServer> {
  private String password;
  private TestCertificate certificate;
  private Path binary;
  private RedisServer replicaOf;
  private RedisServer monitored;
  private String masterName;
  private Duration clusterNodeTimeout;

  private RedisServer() {
    super("redis-server");
  }

  public static RedisServer create() {
    return new RedisServer();
  }

  /** Makes the server demand {@code password} ({@code --requirepass}) from the default user. */
  public RedisServer requirePassword(String password) {
    this.password = password;
    return this;
  }

  /** Makes the server a replica of {@code master} ({@code --replicaof}), which must be started first. */
  public RedisServer replicaOf(RedisServer master) {
    this.replicaOf = master;
    return this;
  }

  /**
   * Makes this a sentinel ({@code redis-server sentinel.conf --sentinel}) that monitors {@code master} as
   * {@code masterName} with a quorum of 2, calls it down after 1 s without an answer and fails over within 5 s.
   * {@code master} must be started first.
   */
  public RedisServer sentinelOf(String masterName, RedisServer master) {
    this.masterName = masterName;
    this.monitored = master;
    return this;
  }

  /**
   * Makes the server a Redis Cluster node ({@code --cluster-enabled yes}) that calls a peer failed after
   * {@code nodeTimeout}; {@link #createCluster} joins nodes into a cluster.
   */
  public RedisServer clusterNode(Duration nodeTimeout) {
    this.clusterNodeTimeout = nodeTimeout;
    return this;
  }

  /**
   * Joins started {@link #clusterNode cluster nodes} into one cluster with {@code redis-cli --cluster create}
   * ({@code replicas} per master) and waits until every node says {@code cluster_state:ok}.
   */
  public static void createCluster(List<RedisServer> nodes, int replicas) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(locate("redis-cli", "redis-tools", "REDIS_CLI",
        List.of(Path.of("/usr/bin/redis-cli"))).toString(), "--cluster", "create"));
    for (RedisServer node : nodes) {
      command.add(HOST + ":" + node.port());
    }
    command.addAll(List.of("--cluster-replicas", String.valueOf(replicas), "--cluster-yes"));
    CommandResult result = run(command, Map.of(), null, Duration.ofSeconds(60));
    if (result.exitCode() != 0) {
      throw new IllegalStateException("redis-cli --cluster create failed: " + result.output());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (RedisServer node : nodes) {
      try (Jedis client = node.client()) {
        while (!client.clusterInfo().contains("cluster_state:ok") || !inSync(client.info("replication"))) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the cluster is not ok after 30 s: " + client.clusterInfo()
                + client.info("replication"));
          }
          Thread.sleep(50);
        }
      }
    }
  }

  /** Whether INFO replication shows a master, or a replica whose link to its master is up. */
  private static boolean inSync(String replication) {
    return replication.contains("role:master") || replication.contains("master_link_status:up");
  }

  /** Makes the server speak only TLS, with {@code certificate}. */
  public RedisServer tls(TestCertificate certificate) {
    this.certificate = certificate;
    return this;
  }

  /** The URL the store under test is given, with {@code userInfo} (e.g. {@code ":secret@"}) or {@code ""}. */
  public String url(String userInfo) {
    return (certificate == null ? "redis://" : "rediss://") + userInfo + HOST + ":" + port() + "/0";
  }

  /** {@code redis://127.0.0.1:<port>/0} (or {@code rediss://}), without credentials. */
  public String url() {
    return url("");
  }

  /**
   * A plain Jedis client of the test's own, logged in, to look at what the store did. Needs Jedis on the class
   * path (an optional dependency of this module: the Redis tests have it).
   */
  public Jedis client() {
    return JedisClients.open(port(), password, certificate);
  }

  @Override
  protected void locateBinaries() {
    binary = locate("redis-server", "redis-server", "REDIS_SERVER", List.of(Path.of("/usr/bin/redis-server")));
  }

  @Override
  protected void initialize() throws IOException {
    if (monitored != null) {
      // Sentinel rewrites its configuration file as it learns: a file of its own, in its directory.
      Files.writeString(directory().resolve("sentinel.conf"), String.join("\n",
          "sentinel monitor " + masterName + " " + HOST + " " + monitored.port() + " 2",
          "sentinel down-after-milliseconds " + masterName + " 1000",
          "sentinel failover-timeout " + masterName + " 5000",
          "sentinel parallel-syncs " + masterName + " 1", ""));
    }
  }

  @Override
  protected List<String> command() {
    if (monitored != null) {
      return List.of(binary.toString(), directory().resolve("sentinel.conf").toString(), "--sentinel",
          "--bind", HOST, "--port", String.valueOf(port()), "--dir", directory().toString(), "--daemonize", "no");
    }
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--bind", HOST, "--dir",
        directory().toString(), "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes",
        // A master would wait 5 s for more replicas before a first sync: tests start their replicas together.
        "--repl-diskless-sync-delay", "0"));
    if (certificate == null) {
      command.addAll(List.of("--port", String.valueOf(port())));
    } else {
      command.addAll(List.of("--port", "0", "--tls-port", String.valueOf(port()),
          "--tls-cert-file", certificate.certificateFile().toString(),
          "--tls-key-file", certificate.keyFile().toString(), "--tls-auth-clients", "no"));
    }
    if (password != null) {
      command.addAll(List.of("--requirepass", password));
    }
    if (replicaOf != null) {
      command.addAll(List.of("--replicaof", HOST, String.valueOf(replicaOf.port())));
    }
    if (clusterNodeTimeout != null) {
      // The bus port would be port + 10000, which may be taken or beyond 65535: a free one of its own.
      command.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
          "--cluster-node-timeout", String.valueOf(clusterNodeTimeout.toMillis()),
          "--cluster-port", String.valueOf(freePort())));
    }
    return command;
  }

  /** PING (after AUTH when there is a password) answers PONG: over a socket of its own, no Jedis needed. */
  @Override
  protected boolean answers() throws IOException, GeneralSecurityException {
    try (Socket socket = connect()) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      if (password != null && !"OK".equals(call(in, out, "AUTH", password))) {
        return false;
      }
      return "PONG".equals(call(in, out, "PING"));
    }
  }

  @Override
  protected RuntimeException startFailure(String message) {
    return new RedisStartException(message);
  }

  @Override
  protected String directoryPrefix() {
    return "redis-test";
  }

  private Socket connect() throws IOException, GeneralSecurityException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(HOST, port()), 1_000);
      plain.setSoTimeout(2_000);
      if (certificate == null) {
        return plain;
      }
      SSLSocket tls = (SSLSocket) certificate.sslContext().getSocketFactory().createSocket(plain, HOST, port(), true);
      tls.startHandshake();
      return tls;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** One RESP2 command; the simple-string reply, or the error line (starting with "-"). */
  private static String call(InputStream in, OutputStream out, String... args) throws IOException {
    ByteArrayOutputStream command = new ByteArrayOutputStream();
    command.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      command.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      command.write(bytes);
      command.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(command.toByteArray());
    out.flush();
    String reply = TextLines.read(in);
    return reply.startsWith("+") ? reply.substring(1) : reply;
  }

  /**
   * Everything that needs Jedis, apart: so that RedisServer itself loads (and starts servers) without Jedis on
   * the class path, which this module's optional dependency allows.
   */
  private static final class JedisClients {
    static Jedis open(int port, String password, TestCertificate certificate) {
      DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().password(password)
          .autoNegotiateProtocol(false).timeoutMillis(2_000);
      if (certificate != null) {
        config.sslOptions(certificate.trustingOptions());
      }
      return new Jedis(new HostAndPort(HOST, port), config.build());
    }
  }

  /** redis-server exited at start; the message is its log. */
  public static class RedisStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RedisStartException(String message) {
      super(message);
    }

    /** Whether this redis-server was built without TLS, which makes it reject the tls-* options. */
    public boolean lacksTls() {
      return getMessage().contains("tls-port") && getMessage().contains("Bad directive");
    }
  }
}
