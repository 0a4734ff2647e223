package dev.sessionconfig.bench.users;

import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.users.PrincipalResolver;
import dev.sessionconfig.runtime.values.SessionValues;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What each session holds: a logged-in user's small session (the user's name, a CSRF token, a locale, the last
 * page, recent searches, the login time). Deterministic per user and session, so every store holds the same.
 */
final class SampleRecord {
  private static final int SIGNATURE_BYTES = 32;
  private static final Instant START = Instant.parse("2026-03-14T09:26:53.589Z");

  private SampleRecord() {}

  /** The attributes by name; {@code principalAttribute} is where the library looks for the user's name. */
  static Map<String, Object> attributes(String principalAttribute, String user, int index) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(principalAttribute, user);
    attributes.put("csrfToken", UUID.nameUUIDFromBytes((user + "/" + index).getBytes(StandardCharsets.UTF_8))
        .toString());
    attributes.put("locale", "en-GB");
    attributes.put("lastPage", "/account/orders/2026/03?page=" + (index + 1) + "&sort=date-desc");
    attributes.put("recentSearches", List.of("walnut desk", "linen lamp shade", "espresso kettle", "atlas puzzle"));
    attributes.put("loginAt", START.plusSeconds(613L * index));
    return attributes;
  }

  /**
   * A record as a sessionconfig store holds one: an entry of the session's times and user, and one per attribute
   * encoded as sessionconfig encodes values, each followed by room for its 32-byte signature (the store sees opaque
   * bytes either way).
   */
  static SessionRecord encode(SessionValues values, String user, int index) {
    Map<String, Object> attributes = attributes(PrincipalResolver.PRINCIPAL_NAME_ATTRIBUTE, user, index);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    ByteArrayOutputStream metadata = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(metadata)) {
      out.writeLong(START.toEpochMilli()); // created
      out.writeLong(START.toEpochMilli()); // last access
      out.writeInt(7200); // lifetime in seconds
      out.writeUTF(user);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entries.put(SessionRecord.METADATA, signed(metadata.toByteArray()));
    attributes.forEach((name, value) -> entries.put(name, signed(values.encode(name, value))));
    return SessionRecord.of(entries);
  }

  private static byte[] signed(byte[] value) {
    return Arrays.copyOf(value, value.length + SIGNATURE_BYTES);
  }
}
