package dev.sessionconfig.it.store;

import dev.sessionconfig.testing.TextLines;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal memcached client of the tests' own (the text protocol over a socket), independent of the Folsom code
 * under test, so that looking at memcached never goes through the store being tested: {@code get}, {@code set},
 * {@code delete}, meta {@code mg} (to ask for an item's remaining time), {@code stats} and
 * {@code lru_crawler metadump} (to list the live keys).
 */
public final class MemcacheText implements AutoCloseable {
  private final String address;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** @param address {@code host:port} */
  public MemcacheText(String address) {
    this.address = address;
    int colon = address.lastIndexOf(':');
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1))), 2000);
      socket.setSoTimeout(5000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to memcached at " + address, e);
    }
  }

  /** The item's bytes, or null when there is none (or it expired: memcached never returns an expired item). */
  public synchronized byte[] get(String key) {
    send(("get " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
    String header = line();
    if (header.equals("END")) {
      return null;
    }
    // VALUE <key> <flags> <bytes>
    String[] parts = header.split(" ");
    if (parts.length < 4 || !parts[0].equals("VALUE")) {
      throw new IllegalStateException("memcached answered get " + key + " with " + header);
    }
    byte[] data = bytes(Integer.parseInt(parts[3]));
    expect("END", line(), "get " + key);
    return data;
  }

  /** {@code set <key> 0 <exptime>}: memcached reads an exptime over 30 days as an absolute Unix time. */
  public synchronized void set(String key, byte[] data, long exptime) {
    ByteArrayOutputStream command = new ByteArrayOutputStream();
    command.writeBytes(("set " + key + " 0 " + exptime + " " + data.length + "\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    command.writeBytes(data);
    command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    send(command.toByteArray());
    expect("STORED", line(), "set " + key);
  }

  /** Whether there was an item to delete. */
  public synchronized boolean delete(String key) {
    send(("delete " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
    String reply = line();
    if (!reply.equals("DELETED") && !reply.equals("NOT_FOUND")) {
      throw new IllegalStateException("memcached answered delete " + key + " with " + reply);
    }
    return reply.equals("DELETED");
  }

  /**
   * The item's remaining time in seconds from the meta command {@code mg <key> t}: -1 when it never expires, null
   * when there is no (live) item.
   */
  public synchronized Long ttl(String key) {
    send(("mg " + key + " t\r\n").getBytes(StandardCharsets.US_ASCII));
    String reply = line();
    if (reply.equals("EN")) {
      return null;
    }
    // HD t<seconds>
    for (String flag : reply.split(" ")) {
      if (flag.startsWith("t")) {
        return Long.parseLong(flag.substring(1));
      }
    }
    throw new IllegalStateException("memcached answered mg " + key + " t with " + reply);
  }

  /** Whether there is a live item at {@code key} (meta {@code mg}, which neither fetches nor changes it). */
  public boolean exists(String key) {
    return ttl(key) != null;
  }

  /** {@code stats}: {@code cmd_get}, {@code cmd_set}, {@code delete_hits}, {@code curr_items}... */
  public synchronized Map<String, Long> stats() {
    send("stats\r\n".getBytes(StandardCharsets.US_ASCII));
    Map<String, Long> stats = new LinkedHashMap<>();
    for (String line = line(); !line.equals("END"); line = line()) {
      String[] parts = line.split(" ", 3);
      if (parts.length == 3 && parts[0].equals("STAT")) {
        try {
          stats.put(parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
          // version, rusage_user and the like
        }
      }
    }
    return stats;
  }

  /** The keys of every live item ({@code lru_crawler metadump all}, which leaves out expired and flushed ones). */
  public synchronized List<String> keys() {
    send("lru_crawler metadump all\r\n".getBytes(StandardCharsets.US_ASCII));
    List<String> keys = new ArrayList<>();
    for (String line = line(); !line.equals("END"); line = line()) {
      if (line.startsWith("ERROR") || line.startsWith("BUSY")) {
        throw new IllegalStateException("memcached answered lru_crawler metadump all with " + line);
      }
      // key=session%3Aabc exp=1795639075 la=1795638975 cas=2 fetch=no cls=1 size=73
      if (line.startsWith("key=")) {
        String key = line.substring("key=".length(), line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
        keys.add(URLDecoder.decode(key, StandardCharsets.UTF_8));
      }
    }
    return keys;
  }

  /** {@code flush_all}: every item is gone at once. */
  public synchronized void flushAll() {
    send("flush_all\r\n".getBytes(StandardCharsets.US_ASCII));
    expect("OK", line(), "flush_all");
  }

  private void send(byte[] command) {
    try {
      out.write(command);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("memcached at " + address + ": " + e.getMessage(), e);
    }
  }

  private byte[] bytes(int length) {
    try {
      byte[] data = in.readNBytes(length);
      in.readNBytes(2); // CRLF
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("memcached at " + address + ": " + e.getMessage(), e);
    }
  }

  /** One line without its line end (metadump ends its lines with a bare LF, everything else with CRLF). */
  private String line() {
    try {
      return TextLines.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("memcached at " + address + ": " + e.getMessage(), e);
    }
  }

  private static void expect(String expected, String reply, String command) {
    if (!reply.equals(expected)) {
      throw new IllegalStateException("memcached answered " + command + " with " + reply);
    }
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
