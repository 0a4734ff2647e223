package dev.sessionconfig.bench.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on a loopback port that counts the round trips its clients make to the server behind it, whatever
 * the protocol and the client library: a round trip begins each time a client sends bytes after the server last
 * answered on that connection (or first). A pipelined batch is one round trip, as it is on the wire; connection
 * set-up (a login, a TLS or SSL negotiation) counts too, so count after the connections are open.
 */
final class RoundTripProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final AtomicLong roundTrips = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RoundTripProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  static RoundTripProxy start(String host, int port) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    RoundTripProxy proxy = new RoundTripProxy(listener, new InetSocketAddress(host, port));
    Thread acceptor = new Thread(proxy::accept, "round-trip-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  /** The loopback port clients connect to instead of the server's. */
  int port() {
    return listener.getLocalPort();
  }

  /** Round trips since the last reset, over all connections. */
  long roundTrips() {
    return roundTrips.get();
  }

  void reset() {
    roundTrips.set(0);
  }

  private void accept() {
    while (!closed.get()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(target);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        // Whose turn it is on this connection: true once the client has sent and the server not answered yet.
        AtomicBoolean clientTurn = new AtomicBoolean();
        pump(client.getInputStream(), server.getOutputStream(), () -> {
          if (clientTurn.compareAndSet(false, true)) {
            roundTrips.incrementAndGet();
          }
        }, client, server);
        pump(server.getInputStream(), client.getOutputStream(), () -> clientTurn.set(false), server, client);
      } catch (IOException e) {
        if (!closed.get()) {
          System.err.println("[users] proxy: " + e);
        }
      }
    }
  }

  private static void pump(InputStream in, OutputStream out, Runnable onBytes, Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          onBytes.run(); // before forwarding: the answer cannot overtake its count
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // a side closed: close both
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "round-trip-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    closed.set(true);
    try {
      listener.close();
    } catch (IOException e) {
      // nothing to do
    }
    sockets.forEach(RoundTripProxy::closeQuietly);
  }
}
