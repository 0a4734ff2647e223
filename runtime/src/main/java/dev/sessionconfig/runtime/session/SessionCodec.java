package dev.sessionconfig.runtime.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session records: {@code "SC" 2}, an entry count, then the entries, each a name, its bytes and their HMAC-SHA256
 * under SECRET_KEY. The first entry, named {@code ""}, holds the times and the principal's name; each attribute is
 * an entry of its own, so
 * one attribute can be replaced without touching the others. Each MAC covers the session id, the entry's name
 * and its bytes: bytes this application did not write under this id (a value planted in the store, a row edited
 * by hand, an entry copied from another session) fail verification and are never decoded.
 */
final class SessionCodec {
  private static final int MAGIC = ('S' << 16) | ('C' << 8) | 2;
  private static final byte[] DOMAIN = "sessionconfig session entry".getBytes(StandardCharsets.US_ASCII);
  private static final int MAC_LENGTH = 32;
  private static final String TIMES = "";

  private final SigningKeys keys;

  SessionCodec(SigningKeys keys) {
    this.keys = keys;
  }

  byte[] encode(String id, SessionData data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(MAGIC >>> 16);
      out.writeByte(MAGIC >>> 8);
      out.writeByte(MAGIC);
      out.writeInt(data.attributes().size() + 1);
      byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream times = new ByteArrayOutputStream(20);
      try (DataOutputStream timesOut = new DataOutputStream(times)) {
        timesOut.writeLong(data.created());
        timesOut.writeLong(data.lastAccessed());
        timesOut.writeInt(data.maxInactiveSeconds());
        timesOut.writeUTF(data.principal() == null ? "" : data.principal());
      }
      entry(out, idBytes, TIMES, times.toByteArray());
      for (Map.Entry<String, byte[]> attribute : data.attributes().entrySet()) {
        entry(out, idBytes, attribute.getKey(), attribute.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to be written", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The record stored for session {@code id}.
   *
   * @throws UnreadableSessionException when it is not a record of this format, or any entry fails verification
   */
  SessionData decode(String id, byte[] record) throws UnreadableSessionException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
      if (record.length < 7 || ((in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte())
          != MAGIC) {
        throw new UnreadableSessionException("not a session record of this version");
      }
      int count = in.readInt();
      if (count < 1 || count > record.length) {
        throw new UnreadableSessionException("a damaged entry count");
      }
      byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
      Map<String, byte[]> attributes = new LinkedHashMap<>();
      byte[] times = null;
      for (int i = 0; i < count; i++) {
        byte[] name = chunk(in, record.length);
        byte[] value = chunk(in, record.length);
        byte[] mac = new byte[MAC_LENGTH];
        in.readFully(mac);
        if (!keys.verifies(mac, DOMAIN, idBytes, name, value)) {
          throw new UnreadableSessionException("an entry whose signature does not verify: this application did not"
              + " write it under this session id");
        }
        String entryName = text(name);
        if (i == 0 != entryName.equals(TIMES)) {
          throw new UnreadableSessionException("the times entry is missing or repeated");
        }
        if (i == 0) {
          times = value;
        } else {
          attributes.put(entryName, value);
        }
      }
      if (in.available() > 0) {
        throw new UnreadableSessionException("bytes after the last entry");
      }
      try (DataInputStream timesIn = new DataInputStream(new ByteArrayInputStream(times))) {
        long created = timesIn.readLong();
        long lastAccessed = timesIn.readLong();
        int maxInactive = timesIn.readInt();
        String principal = timesIn.readUTF();
        if (maxInactive < 0) {
          throw new UnreadableSessionException("maxInactive out of range");
        }
        return new SessionData(created, lastAccessed, maxInactive, principal.isEmpty() ? null : principal,
            Collections.unmodifiableMap(attributes));
      }
    } catch (EOFException e) {
      throw new UnreadableSessionException("the record ends too early");
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to be read", e);
    }
  }

  private void entry(DataOutputStream out, byte[] id, String name, byte[] value) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    out.writeInt(nameBytes.length);
    out.write(nameBytes);
    out.writeInt(value.length);
    out.write(value);
    out.write(keys.mac(0, DOMAIN, id, nameBytes, value));
  }

  private static byte[] chunk(DataInputStream in, int recordLength) throws IOException, UnreadableSessionException {
    int length = in.readInt();
    if (length < 0 || length > recordLength) {
      throw new UnreadableSessionException("a length past the record's end");
    }
    byte[] chunk = new byte[length];
    in.readFully(chunk);
    return chunk;
  }

  private static String text(byte[] utf8) throws UnreadableSessionException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableSessionException("an entry name that is not UTF-8");
    }
  }
}
