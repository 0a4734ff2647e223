package dev.sessionconfig.memcached;

import com.spotify.folsom.AsciiMemcacheClient;
import com.spotify.folsom.ExponentialBackoff;
import com.spotify.folsom.MemcacheClientBuilder;
import com.spotify.folsom.MemcacheClosedException;
import com.spotify.folsom.MemcacheOverloadedException;
import com.spotify.folsom.guava.HostAndPort;
import com.spotify.folsom.reconnect.AbstractReconnectionListener;
import dev.sessionconfig.runtime.outage.StoreFailures;
import dev.sessionconfig.runtime.store.ConnectionLimits;
import dev.sessionconfig.runtime.store.SessionStoreException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One Folsom client per memcached server, a consistent-hash ring over them, and the translation of every failure
 * into a {@link SessionStoreException} naming the server that failed.
 *
 * <ul>
 *   <li><b>Placement</b>: a {@link KetamaRing} places each key on one server. It does not depend on the order of
 *       SESSION_MEMCACHED, adding a server moves only about 1/n of the sessions, and a server that is down is
 *       <em>not</em> skipped: its sessions fail with an error rather than silently moving to another server for
 *       the outage (which is why this class drives one Folsom client per server rather than Folsom's own
 *       multi-server client, whose ring skips disconnected servers).
 *   <li><b>Connections</b>: one per server, pipelined, opened in the background as soon as the store exists. A lost
 *       connection is reopened by Folsom with a backoff of at most {@value #MAX_RECONNECT_DELAY_MILLIS} ms, so the
 *       store works again within a second of the server coming back, without a restart.
 *   <li><b>Outages</b>: while a server is unreachable, an operation on it fails at once (no connection to wait
 *       for) or after SESSION_STORE_TIMEOUT (a server that accepts but does not answer), never later.
 * </ul>
 */
final class MemcachedNodes implements AutoCloseable {
  /** The longest pause between two attempts to reconnect to a server that is down. */
  static final long MAX_RECONNECT_DELAY_MILLIS = 1000;
  private static final long FIRST_CONNECTION_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.store");

  private final List<Node> nodes;
  private final KetamaRing<Node> ring;
  /** Short, so that an outage fails the request at once instead of holding a container thread. */
  private final Duration timeout;

  /** One server: its address, its client, and what became of the last attempt to connect to it. */
  static final class Node extends AbstractReconnectionListener {
    final MemcachedAddress address;
    final CompletableFuture<Void> firstConnection;
    /**
     * The server's own I/O thread (a daemon), on Java's NIO. Its own, because Netty resolves host names on it:
     * a slow DNS answer for one server must not stall the others. And NIO, because left to itself Folsom would
     * probe for Netty's native epoll transport, which Java 22 and later warn about at startup.
     */
    final EventLoopGroup eventLoop;
    AsciiMemcacheClient<byte[]> client;
    /** Why the last attempt to connect failed, or why the connection was lost; null while connected. */
    volatile Throwable lastFailure;
    /** Set by {@link MemcachedNodes#close()}: the connection then ends on purpose, which is nothing to log. */
    volatile boolean closed;

    private final Duration timeout;

    Node(MemcachedAddress address, Duration timeout) {
      this.address = address;
      this.timeout = timeout;
      this.firstConnection = new CompletableFuture<>();
      this.eventLoop = new NioEventLoopGroup(1, new DefaultThreadFactory("memcached-" + address, true));
    }

    void connectTo(AsciiMemcacheClient<byte[]> client) {
      this.client = client;
      client.connectFuture().whenComplete((connected, failure) -> firstConnection.complete(null));
    }

    // Folsom reports its reconnection attempts here instead of logging each of them.

    @Override
    public void connectionFailure(Throwable failure) {
      boolean first = lastFailure == null;
      lastFailure = failure;
      if (first && !closed) {
        LOG.log(System.Logger.Level.WARNING, "memcached at " + address + " is not reachable: " + describe(failure, timeout)
            + "; trying again every " + MAX_RECONNECT_DELAY_MILLIS + " ms at most");
      }
    }

    @Override
    public void connectionLost(Throwable cause, HostAndPort where) {
      boolean wasConnected = lastFailure == null;
      lastFailure = new ConnectionLostException(cause);
      if (wasConnected && !closed) {
        LOG.log(System.Logger.Level.WARNING, "memcached at " + address + ": the connection was lost"
            + (cause != null ? " (" + describe(cause, timeout) + ")" : "") + "; reconnecting");
      }
    }

    @Override
    public void reconnectionSuccessful(HostAndPort where, int attempt, boolean willStayConnected) {
      if (lastFailure != null) {
        LOG.log(System.Logger.Level.INFO, "memcached at " + address + " is reachable again");
      }
      lastFailure = null;
    }

    @Override
    public String toString() {
      return address.hostAndPort();
    }
  }

  /** Stands for a connection that was lost and not yet reopened; its message is what requests then report. */
  private static final class ConnectionLostException extends Exception {
    private static final long serialVersionUID = 1L;

    ConnectionLostException(Throwable cause) {
      super("the connection was lost (reconnecting)", cause);
    }
  }

  MemcachedNodes(List<MemcachedAddress> addresses, ConnectionLimits limits) {
    this.timeout = limits.timeout();
    Map<String, Node> created = new LinkedHashMap<>();
    for (MemcachedAddress address : addresses) {
      Node node = new Node(address, timeout);
      AsciiMemcacheClient<byte[]> client = MemcacheClientBuilder.newByteArrayClient()
          .withAddress(address.connectHost(), address.port())
          // Folsom's one timeout: for connecting, and for a reply (after which it drops the connection and reconnects).
          .withConnectionTimeoutMillis(timeout.toMillis())
          .withConnections(limits.poolSize(1))
          // Folsom's default backoff grows to a minute: a session store must be back within a second.
          .withBackoff(new ExponentialBackoff(10, MAX_RECONNECT_DELAY_MILLIS, 2.5))
          .withReconnectionListener(node)
          // The store only waits for each reply; completing it on the I/O thread spares a hop to another pool.
          .withReplyExecutor(Runnable::run)
          .withEventLoopGroup(node.eventLoop)
          .withChannelClass(NioSocketChannel.class)
          .connectAscii();
      node.connectTo(client);
      created.put(address.hostAndPort(), node);
    }
    this.nodes = List.copyOf(created.values());
    this.ring = new KetamaRing<>(created);
  }

  /** The server that holds {@code key}. */
  Node nodeFor(String key) {
    return nodes.size() == 1 ? nodes.get(0) : ring.serverFor(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs one command on {@code node} and returns its reply.
   *
   * @param action what the command does, for messages: {@code "read a session"}
   * @throws SessionStoreException when the server cannot be reached or does not answer in time
   */
  <T> T execute(Node node, String action, Function<AsciiMemcacheClient<byte[]>, CompletionStage<T>> command) {
    awaitFirstConnection(node, System.nanoTime() + timeout.toNanos());
    // Folsom times the request out itself after the timeout; the longer bound only guards against a reply never coming.
    return await(node, action, command.apply(node.client).toCompletableFuture(),
        System.nanoTime() + 2 * timeout.toNanos());
  }

  /**
   * Checks that every server answers {@code stats}, asking them all at once.
   *
   * @throws SessionStoreException naming each server that does not, one after the other
   */
  void checkAll() {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<Node, CompletableFuture<?>> replies = new IdentityHashMap<>();
    for (Node node : nodes) {
      if (node.firstConnection.isDone()) {
        replies.put(node, node.client.getStats("").toCompletableFuture());
      }
    }
    List<SessionStoreException> failures = new ArrayList<>();
    for (Node node : nodes) {
      try {
        CompletableFuture<?> reply = replies.get(node);
        if (reply == null) {
          awaitFirstConnection(node, deadline);
          reply = node.client.getStats("").toCompletableFuture();
        }
        await(node, "answer stats", reply, deadline);
      } catch (SessionStoreException e) {
        failures.add(e);
      }
    }
    if (failures.size() == 1) {
      throw failures.get(0);
    }
    if (!failures.isEmpty()) {
      SessionStoreException all = new SessionStoreException(
          failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")), failures.get(0));
      failures.subList(1, failures.size()).forEach(all::addSuppressed);
      throw all;
    }
  }

  private <T> T await(Node node, String action, CompletableFuture<T> reply, long deadline) {
    try {
      return reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw failure(node, action, e.getCause());
    } catch (TimeoutException e) {
      reply.cancel(false);
      throw unreachable(node, "no answer within " + StoreFailures.seconds(timeout), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionStoreException(prefix(node) + " could not " + action + ": the thread was interrupted", e);
    }
  }

  /**
   * Waits for the very first connection to {@code node}, which opens in the background when the store is created:
   * without this, the first request after startup could fail only because it came too early. A refused attempt
   * ends the wait at once, and once a server has been connected nothing waits: during an outage a request fails
   * at once instead of holding a container thread.
   */
  private void awaitFirstConnection(Node node, long deadline) {
    try {
      while (!node.firstConnection.isDone()) {
        long left = deadline - System.nanoTime();
        if (node.lastFailure != null) {
          throw unreachable(node, describe(node.lastFailure, timeout), null);
        }
        if (left <= 0) {
          throw unreachable(node, "no answer within " + StoreFailures.seconds(timeout), null);
        }
        try {
          node.firstConnection.get(Math.min(left, FIRST_CONNECTION_POLL_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // still connecting: look again
        }
      }
    } catch (ExecutionException e) {
      throw failure(node, "connect", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionStoreException(prefix(node) + " could not connect: the thread was interrupted", e);
    }
  }

  private SessionStoreException failure(Node node, String action, Throwable cause) {
    Throwable e = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    if (e instanceof MemcacheClosedException || e instanceof IOException) {
      // No connection ("Not connected", "Disconnected" while Folsom reconnects), or it broke under the request
      // (reset, broken pipe): the server went away. Why the last attempt to reconnect failed says the most.
      Throwable lastFailure = node.lastFailure;
      boolean timedOut = String.valueOf(e.getMessage()).startsWith("Timeout");
      return unreachable(node, describe(timedOut || lastFailure == null ? e : lastFailure, timeout), e);
    }
    if (e instanceof MemcacheOverloadedException) {
      return new SessionStoreException(prefix(node) + " could not " + action + ": too many requests are waiting for"
          + " this server (it is too slow or the connection is congested)", e);
    }
    return new SessionStoreException(prefix(node) + " could not " + action + ": " + describe(e, timeout), e);
  }

  /** The most specific explanation in {@code e}'s causes, without Netty's address suffix. */
  static String describe(Throwable failure, Duration timeout) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof ConnectionLostException) {
      return e.getMessage();
    }
    if (e instanceof MemcacheClosedException) {
      // Folsom's "Timeout", "Not connected", "Disconnected, memcached=host" and the like.
      String message = String.valueOf(e.getMessage());
      return message.startsWith("Timeout") ? "no answer within " + StoreFailures.seconds(timeout)
          : message.startsWith("Not connected") ? "not connected"
          : message.startsWith("Disconnected") ? "the connection was lost"
          : message;
    }
    if (StoreFailures.causedBy(e, ConnectTimeoutException.class)) {
      return "no connection within " + StoreFailures.seconds(timeout);
    }
    return StoreFailures.reason(e, timeout);
  }

  /**
   * The failure of a server that cannot be reached. With one server the store is down, which the circuit breaker
   * in front of every store acts on; with several, only the sessions on this one are (the others' still work), and
   * Folsom already fails this server's operations at once while it reconnects.
   */
  private SessionStoreException unreachable(Node node, String reason, Throwable cause) {
    return nodes.size() == 1 ? StoreFailures.unreachable(prefix(node), reason, cause)
        : new SessionStoreException(prefix(node) + " is not reachable: " + reason, cause);
  }

  private static String prefix(Node node) {
    return "memcached at " + node.address.hostAndPort();
  }

  /** {@code memcached at host1:port1,host2:port2}. */
  String description() {
    return "memcached at " + nodes.stream().map(Node::toString).collect(Collectors.joining(","));
  }

  @Override
  public void close() {
    for (Node node : nodes) {
      node.closed = true;
      node.client.shutdown();
      node.eventLoop.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
