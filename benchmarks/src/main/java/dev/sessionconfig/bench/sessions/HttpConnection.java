package dev.sessionconfig.bench.sessions;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection on a blocking socket: the lightest client there is, so that on a small
 * machine the load generator takes as little CPU as possible from the server it measures. It speaks just what
 * the benchmark needs: requests without a body, answers with a Content-Length.
 */
final class HttpConnection implements Closeable {
  /** The status, the {@code name=value} of the first Set-Cookie (or null), and the body as text. */
  record Response(int status, String setCookie, String body) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final StringBuilder line = new StringBuilder();

  HttpConnection(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** Sends {@code method target} with {@code cookie} (a {@code name=value}, or null) and reads the answer. */
  Response exchange(String method, String target, String cookie) throws IOException {
    StringBuilder request = new StringBuilder(128).append(method).append(' ').append(target)
        .append(" HTTP/1.1\r\nHost: localhost\r\n");
    if (cookie != null) {
      request.append("Cookie: ").append(cookie).append("\r\n");
    }
    if (method.equals("POST")) {
      request.append("Content-Length: 0\r\n");
    }
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();

    String statusLine = readLine(); // HTTP/1.1 200 OK
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = -1;
    String setCookie = null;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        length = Integer.parseInt(value);
      } else if (name.equals("set-cookie") && setCookie == null) {
        int end = value.indexOf(';');
        setCookie = end < 0 ? value : value.substring(0, end);
      }
    }
    if (length < 0) {
      throw new IOException("answer to " + method + " " + target + " without Content-Length: " + statusLine);
    }
    return new Response(status, setCookie, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private String readLine() throws IOException {
    line.setLength(0);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
