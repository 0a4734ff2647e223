package dev.sessionconfig.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

final class Ports {
  private Ports() {}

  /** Whether something accepts TCP connections on 127.0.0.1:port. */
  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ServerProcess.HOST, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
