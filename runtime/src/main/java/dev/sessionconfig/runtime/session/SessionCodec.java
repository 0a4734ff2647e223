package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.store.SessionRecord;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session data as {@link SessionRecord} entries, each signed on its own: the entry's bytes followed by their
 * HMAC-SHA256 under SECRET_KEY over the session id, the entry's name and the bytes. The entry named
 * {@link SessionRecord#METADATA} holds the times and the principal's name; each attribute is an entry of its own, so
 * that a request can write only the attributes it changed. Bytes this application did not write under this id (a
 * value planted in the store, a row edited by hand, an entry copied from another session) fail verification and are
 * never decoded.
 */
final class SessionCodec {
  private static final byte[] DOMAIN = "sessionconfig session entry".getBytes(StandardCharsets.US_ASCII);
  private static final int MAC_LENGTH = 32;

  private final SigningKeys keys;

  SessionCodec(SigningKeys keys) {
    this.keys = keys;
  }

  /** The whole session, every entry signed. */
  SessionRecord encode(String id, SessionData data) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(SessionRecord.METADATA, metadata(id, data));
    entries.putAll(attributes(id, data.attributes()));
    return SessionRecord.of(entries);
  }

  /** The signed entry of {@code data}'s times and principal. */
  byte[] metadata(String id, SessionData data) {
    ByteArrayOutputStream times = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(times)) {
      out.writeLong(data.created());
      out.writeLong(data.lastAccessed());
      out.writeInt(data.maxInactiveSeconds());
      out.writeUTF(data.principal() == null ? "" : data.principal());
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to be written", e);
    }
    return signed(id, SessionRecord.METADATA, times.toByteArray());
  }

  /** The signed entries of {@code attributes}, each value in its stored form. */
  Map<String, byte[]> attributes(String id, Map<String, byte[]> attributes) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    attributes.forEach((name, value) -> entries.put(name, signed(id, name, value)));
    return entries;
  }

  /**
   * The session that {@code record} holds for {@code id}.
   *
   * @throws UnreadableSessionException when an entry fails verification, or the metadata is missing or damaged
   */
  SessionData decode(String id, SessionRecord record) throws UnreadableSessionException {
    byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
    Map<String, byte[]> attributes = new LinkedHashMap<>();
    byte[] times = null;
    for (Map.Entry<String, byte[]> entry : record.entries().entrySet()) {
      byte[] value = verified(idBytes, entry.getKey(), entry.getValue());
      if (entry.getKey().equals(SessionRecord.METADATA)) {
        times = value;
      } else {
        attributes.put(entry.getKey(), value);
      }
    }
    if (times == null) {
      throw new UnreadableSessionException("the times entry is missing");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(times))) {
      long created = in.readLong();
      long lastAccessed = in.readLong();
      int maxInactive = in.readInt();
      String principal = in.readUTF();
      if (maxInactive < 0) {
        throw new UnreadableSessionException("maxInactive out of range");
      }
      return new SessionData(created, lastAccessed, maxInactive, principal.isEmpty() ? null : principal,
          Collections.unmodifiableMap(attributes));
    } catch (EOFException e) {
      throw new UnreadableSessionException("the times entry ends too early");
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to be read", e);
    }
  }

  private byte[] signed(String id, String name, byte[] value) {
    byte[] mac = keys.mac(0, DOMAIN, id.getBytes(StandardCharsets.US_ASCII), name.getBytes(StandardCharsets.UTF_8),
        value);
    byte[] entry = Arrays.copyOf(value, value.length + MAC_LENGTH);
    System.arraycopy(mac, 0, entry, value.length, MAC_LENGTH);
    return entry;
  }

  private byte[] verified(byte[] id, String name, byte[] entry) throws UnreadableSessionException {
    if (entry.length < MAC_LENGTH) {
      throw new UnreadableSessionException("an entry too short to carry its signature");
    }
    byte[] value = Arrays.copyOf(entry, entry.length - MAC_LENGTH);
    byte[] mac = Arrays.copyOfRange(entry, entry.length - MAC_LENGTH, entry.length);
    if (!keys.verifies(mac, DOMAIN, id, utf8(name), value)) {
      throw new UnreadableSessionException("an entry whose signature does not verify: this application did not"
          + " write it under this session id");
    }
    return value;
  }

  private static byte[] utf8(String name) throws UnreadableSessionException {
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(java.nio.CharBuffer.wrap(name));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new UnreadableSessionException("an entry name that is not UTF-8");
    }
  }
}
