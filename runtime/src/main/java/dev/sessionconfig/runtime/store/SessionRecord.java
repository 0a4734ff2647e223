package dev.sessionconfig.runtime.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One session as a store holds it: named entries of bytes that the store does not interpret (the session layer
 * signs each one; the entry named {@link #METADATA} holds the session's times and user), and the version the store
 * read them at, for stores that replace a record only if it is still the one read ({@link OptimisticUpdate}).
 *
 * <p>Stores that keep a session as one value store {@link #toBytes()}: {@code "SC" 3}, an entry count, then each
 * entry's name and bytes, each preceded by its length. {@link #parse} also reads the earlier format 2, whose entries
 * carried their 32-byte signature after the counted bytes.
 *
 * @param entries by name, in the order they were written; unmodifiable
 * @param version the store's version of these entries; 0 where the store keeps none
 */
public record SessionRecord(Map<String, byte[]> entries, long version) {
  /** The name of the entry that holds the session's own data (times, user): no attribute can be named so. */
  public static final String METADATA = "";

  private static final int FORMAT_2 = ('S' << 16) | ('C' << 8) | 2;
  private static final int FORMAT_3 = ('S' << 16) | ('C' << 8) | 3;
  private static final int FORMAT_2_SIGNATURE = 32;

  public SessionRecord {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(entries, "entries")));
  }

  public static SessionRecord of(Map<String, byte[]> entries) {
    return new SessionRecord(entries, 0);
  }

  public SessionRecord withVersion(long newVersion) {
    return new SessionRecord(entries, newVersion);
  }

  /** The entries after {@code change}: those it removed gone, those it wrote added or replaced; the same version. */
  public SessionRecord apply(SessionChange change) {
    Map<String, byte[]> merged = new LinkedHashMap<>(entries);
    change.removed().forEach(merged::remove);
    merged.putAll(change.written());
    return new SessionRecord(merged, version);
  }

  /** The record as one value. */
  public byte[] toBytes() {
    int size = 7;
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      size += 8 + entry.getKey().length() * 3 + entry.getValue().length;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_3 >>> 16);
      out.writeByte(FORMAT_3 >>> 8);
      out.writeByte(FORMAT_3);
      out.writeInt(entries.size());
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(entry.getValue().length);
        out.write(entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to be written", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The record that {@link #toBytes()} wrote.
   *
   * @throws UnreadableRecordException when {@code bytes} are not such a record (damaged, or not written by this
   *     library); the session layer then treats the session as missing
   */
  public static SessionRecord parse(byte[] bytes, long version) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = bytes.length < 7 ? 0
          : (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
      if (format != FORMAT_3 && format != FORMAT_2) {
        throw new UnreadableRecordException("not a session record of a known format");
      }
      int count = in.readInt();
      if (count < 0 || count > bytes.length) {
        throw new UnreadableRecordException("a damaged entry count");
      }
      Map<String, byte[]> entries = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = new String(chunk(in, bytes.length, 0), StandardCharsets.UTF_8);
        byte[] value = chunk(in, bytes.length, format == FORMAT_2 ? FORMAT_2_SIGNATURE : 0);
        if (entries.put(name, value) != null) {
          throw new UnreadableRecordException("an entry name that is repeated");
        }
      }
      if (in.available() > 0) {
        throw new UnreadableRecordException("bytes after the last entry");
      }
      return new SessionRecord(entries, version);
    } catch (EOFException e) {
      throw new UnreadableRecordException("the record ends too early");
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to be read", e);
    }
  }

  /** A length-prefixed chunk, with {@code trailer} more bytes than its length counts. */
  private static byte[] chunk(DataInputStream in, int recordLength, int trailer) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > recordLength - trailer) {
      throw new UnreadableRecordException("a length past the record's end");
    }
    byte[] chunk = new byte[length + trailer];
    in.readFully(chunk);
    return chunk;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SessionRecord that) || version != that.version
        || !entries.keySet().equals(that.entries.keySet())) {
      return false;
    }
    return entries.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(), that.entries.get(entry.getKey())));
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(version);
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      hash += entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue());
    }
    return hash;
  }

  /** Names and sizes only: entries are session data. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SessionRecord[version=").append(version).append(", entries={");
    String separator = "";
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      text.append(separator).append('\'').append(entry.getKey()).append("' ").append(entry.getValue().length)
          .append(" bytes");
      separator = ", ";
    }
    return text.append("}]").toString();
  }
}
