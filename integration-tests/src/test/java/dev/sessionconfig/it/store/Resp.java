package dev.sessionconfig.it.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Redis client of the tests' own (RESP2 over a socket), independent of the Jedis code under test, so
 * that looking at Redis never goes through the store being tested and its commands are easy to tell apart in
 * {@code INFO commandstats} (only INFO, CONFIG and the inspection commands the test chooses).
 */
public final class Resp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public Resp(int port) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(5000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to redis at 127.0.0.1:" + port, e);
    }
  }

  /** Sends a command; returns a String, Long, byte[] (bulk), List (array) or null. Errors throw. */
  public Object call(Object... args) {
    try {
      ByteArrayOutputStream command = new ByteArrayOutputStream();
      command.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      for (Object arg : args) {
        byte[] bytes = arg instanceof byte[] ? (byte[]) arg : String.valueOf(arg).getBytes(StandardCharsets.UTF_8);
        command.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        command.write(bytes);
        command.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write(command.toByteArray());
      out.flush();
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bulk reply as UTF-8 text (null when nil). */
  public String text(Object... args) {
    Object reply = call(args);
    return reply == null ? null : reply instanceof byte[] ? new String((byte[]) reply, StandardCharsets.UTF_8)
        : reply.toString();
  }

  public long number(Object... args) {
    return (Long) call(args);
  }

  private Object read() throws IOException {
    int type = in.read();
    String line = line();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IllegalStateException("redis error: " + line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] data = in.readNBytes(length);
        in.readNBytes(2);
        return data;
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(read());
        }
        return items;
      }
      default:
        throw new IOException("unexpected reply type " + type);
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      line.write(c);
    }
    in.read();
    return line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }
}
