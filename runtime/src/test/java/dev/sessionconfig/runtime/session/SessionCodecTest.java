package dev.sessionconfig.runtime.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.Secret;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session records: every entry signed, bound to its session id and name, and nothing unsigned ever decoded. */
class SessionCodecTest {
  private static final Secret KEY = Secret.of("k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-record-key");
  private static final Secret OLD_KEY = Secret.of("an-older-key-still-accepted-while-rotating-0123");
  private static final String ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  private static final String OTHER_ID = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

  private final SessionCodec codec = new SessionCodec(new SigningKeys(KEY, List.of()));

  private static SessionData data(Object... pairs) {
    Map<String, byte[]> attributes = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      attributes.put((String) pairs[i], ((String) pairs[i + 1]).getBytes(StandardCharsets.UTF_8));
    }
    return new SessionData(1_700_000_000_000L, 1_700_000_060_000L, 300, "ann", attributes);
  }

  private static void assertSameData(SessionData expected, SessionData actual) {
    assertEquals(expected.created(), actual.created());
    assertEquals(expected.lastAccessed(), actual.lastAccessed());
    assertEquals(expected.maxInactiveSeconds(), actual.maxInactiveSeconds());
    assertEquals(expected.principal(), actual.principal());
    assertEquals(expected.attributes().keySet(), actual.attributes().keySet());
    for (String name : expected.attributes().keySet()) {
      assertArrayEquals(expected.attributes().get(name), actual.attributes().get(name), name);
    }
  }

  @Test
  void aRecordReadsBackUnderItsOwnId() throws Exception {
    SessionData data = data("cart", "three books", "user", "ann", "é 😀", "");
    assertSameData(data, codec.decode(ID, codec.encode(ID, data)));
    assertSameData(data(), codec.decode(ID, codec.encode(ID, data())));
  }

  @Test
  void aRecordOfTheEarlierFormatStillReads() throws Exception {
    SessionData data = data("cart", "three books", "user", "ann");
    SessionRecord record = codec.encode(ID, data);
    // Format 2 framed the same signed entries, counting each one's length without its 32-byte signature.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.write(new byte[] {'S', 'C', 2});
      out.writeInt(record.entries().size());
      for (Map.Entry<String, byte[]> entry : record.entries().entrySet()) {
        byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(entry.getValue().length - 32);
        out.write(entry.getValue());
      }
    }
    assertSameData(data, codec.decode(ID, SessionRecord.parse(bytes.toByteArray(), 0)));
  }

  @Test
  void aRecordSignedWithAFallbackKeyStillVerifies() throws Exception {
    SessionRecord old = new SessionCodec(new SigningKeys(OLD_KEY, List.of())).encode(ID, data("a", "1"));
    SessionCodec rotated = new SessionCodec(new SigningKeys(KEY, List.of(OLD_KEY)));
    assertSameData(data("a", "1"), rotated.decode(ID, old));
    assertThrows(UnreadableSessionException.class, () -> codec.decode(ID, old), "without the old key it fails");
  }

  @Test
  void aRecordMovedToAnotherIdFailsVerification() {
    SessionRecord record = codec.encode(ID, data("role", "admin"));
    UnreadableSessionException e = assertThrows(UnreadableSessionException.class, () -> codec.decode(OTHER_ID, record));
    assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
  }

  @Test
  void anyChangedByteFailsVerification() {
    byte[] record = codec.encode(ID, data("role", "user", "cart", "one book")).toBytes();
    for (int i = 0; i < record.length; i++) {
      byte[] tampered = record.clone();
      tampered[i] ^= 0x01;
      assertUnreadable(tampered, "byte " + i);
    }
  }

  @Test
  void anEntryCopiedFromAnotherSessionFailsVerification() throws Exception {
    // The same attribute name and length in both, so only the signatures' binding to the id tells them apart.
    byte[] victim = codec.encode(OTHER_ID, data("role", "admin")).toBytes();
    byte[] mine = codec.encode(ID, data("role", "guest")).toBytes();
    byte[] spliced = mine.clone();
    int from = indexOf(victim, "admin".getBytes(StandardCharsets.UTF_8));
    int to = indexOf(mine, "guest".getBytes(StandardCharsets.UTF_8));
    System.arraycopy(victim, from, spliced, to, 5 + 32); // the value and its signature
    assertUnreadable(spliced, "spliced");
  }

  @Test
  void corruptOrForeignBytesAreUnreadableNeverAnotherException() throws Exception {
    ByteArrayOutputStream javaSerialized = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(javaSerialized)) {
      out.writeObject(new ArrayList<>(List.of("x")));
    }
    byte[] valid = codec.encode(ID, data("k", "v")).toBytes();
    List<byte[]> corrupt = List.of(javaSerialized.toByteArray(), new byte[0], new byte[] {'S', 'C'},
        new byte[] {'S', 'C', 2, 0, 0, 0, 0}, new byte[] {'S', 'C', 2, 0x7f, 0, 0, 1, 0, 0, 0, 0},
        Arrays.copyOf(valid, valid.length - 3), Arrays.copyOf(valid, valid.length + 1),
        "{\"v\":1,\"created\":1,\"lastAccessed\":2,\"attributes\":{}}".getBytes(StandardCharsets.UTF_8));
    for (byte[] bytes : corrupt) {
      assertUnreadable(bytes, new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.ISO_8859_1));
    }
    assertThrows(UnreadableSessionException.class, () -> codec.decode(ID, SessionRecord.of(Map.of("x",
        "short".getBytes(StandardCharsets.UTF_8)))), "an entry shorter than a signature");
    assertThrows(UnreadableSessionException.class, () -> codec.decode(ID, SessionRecord.of(Map.of())),
        "no metadata entry");
  }

  /** Bytes from a store that are refused: as no record at all, or as a record that does not verify. */
  private void assertUnreadable(byte[] bytes, String what) {
    SessionRecord record;
    try {
      record = SessionRecord.parse(bytes, 0);
    } catch (UnreadableRecordException e) {
      return;
    }
    assertThrows(UnreadableSessionException.class, () -> codec.decode(ID, record), what);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
