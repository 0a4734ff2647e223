package dev.sessionconfig.memcached;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.testing.MemcachedServer;
import dev.sessionconfig.testing.TextLines;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Session ids and raw looks at a memcached server for store tests (records: TestRecords; expiries: StoreData). */
final class TestData {
  /** A realistic SESSION_ID_LENGTH: 32 random bytes, 43 base64url characters. */
  static final int ID_LENGTH = 32;

  private TestData() {}

  /** A well-formed session id ({@code n} in base64url digits), different for each {@code n}. */
  static String id(int n) {
    return "id" + Integer.toString(n, 36) + "-" + "x".repeat(30);
  }

  /**
   * The item at {@code key} as the text protocol's {@code get} shows it, e.g.
   * {@code [VALUE app:session:abc 0 4, data, END]}, or {@code [END]} when there is none: what any memcached
   * client, in any language, would find there.
   */
  static List<String> rawGet(MemcachedServer server, String key) {
    return server.command("get " + key);
  }

  /**
   * What {@link #rawGet} shows for an item holding {@code record}: flags 0, and the bytes of
   * {@link SessionRecord#toBytes()} unchanged (as one line of text: the records of these tests hold no CR or LF).
   */
  static List<String> rawItem(String key, SessionRecord record) {
    byte[] bytes = record.toBytes();
    return List.of("VALUE " + key + " 0 " + bytes.length, new String(bytes, StandardCharsets.UTF_8), "END");
  }

  /**
   * The exact bytes of the item at {@code key} (a text-protocol {@code get}, over a socket of the test's own, the
   * value read by its announced length), empty when there is none.
   */
  static Optional<byte[]> rawValue(MemcachedServer server, String key) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.host(), server.port()), 1_000);
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(("get " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      String header = TextLines.read(in);
      if (header.equals("END")) {
        return Optional.empty();
      }
      String[] parts = header.split(" ");
      if (parts.length != 4 || !parts[0].equals("VALUE") || !parts[1].equals(key)) {
        throw new AssertionError("get " + key + " answered " + header);
      }
      byte[] value = new byte[Integer.parseInt(parts[3])];
      in.readFully(value);
      String rest = TextLines.read(in) + "|" + TextLines.read(in);
      if (!rest.equals("|END")) {
        throw new AssertionError("get " + key + ": after the value came " + rest);
      }
      return Optional.of(value);
    } catch (IOException e) {
      throw new UncheckedIOException("get at " + server.address() + " failed", e);
    }
  }

  /**
   * The seconds memcached says the item at {@code key} has left to live (the meta command {@code mg <key> t}:
   * {@code HD t<seconds>}), -1 for an item that never expires; empty when there is no such item.
   */
  static Optional<Long> remainingTtl(MemcachedServer server, String key) {
    List<String> reply = server.command("mg " + key + " t");
    if (reply.equals(List.of("EN"))) {
      return Optional.empty();
    }
    String line = reply.get(0);
    if (!line.startsWith("HD t")) {
      throw new AssertionError("mg " + key + " t answered " + reply);
    }
    return Optional.of(Long.parseLong(line.substring("HD t".length())));
  }

  /**
   * Every key the server holds, live ones only ({@code lru_crawler metadump all}, which skips expired and flushed
   * items), in no particular order.
   */
  static List<String> keys(MemcachedServer server) {
    for (int attempt = 0; ; attempt++) {
      String dump = metadump(server);
      if (!dump.startsWith("BUSY")) {
        List<String> keys = new ArrayList<>();
        for (String line : dump.split("\r?\n")) {
          if (line.startsWith("key=")) {
            keys.add(URLDecoder.decode(line.substring(4, line.indexOf(' ')), StandardCharsets.UTF_8));
          }
        }
        return keys;
      }
      if (attempt == 250) {
        throw new IllegalStateException("memcached's LRU crawler stayed busy for 5 s: " + dump.strip());
      }
      try {
        Thread.sleep(20); // the crawler is busy with another request
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String metadump(MemcachedServer server) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.host(), server.port()), 1_000);
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("lru_crawler metadump all\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (true) {
        String text = reply.toString(StandardCharsets.UTF_8);
        if (text.endsWith("END\r\n") || text.startsWith("BUSY") && text.endsWith("\r\n")
            || text.startsWith("ERROR") || text.startsWith("CLIENT_ERROR")) {
          return text;
        }
        int read = in.read(buffer);
        if (read < 0) {
          throw new IOException("connection closed after " + text);
        }
        reply.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("lru_crawler metadump at " + server.address() + " failed", e);
    }
  }

  /** One of memcached's general statistics as a number, e.g. {@code cmd_get}. */
  static long stat(Map<String, String> stats, String name) {
    return Long.parseLong(stats.get(name));
  }

  /** Waits up to {@code timeout} for {@code condition}; whether it came true. */
  static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
