package dev.sessionconfig.runtime.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Session records and changes for the tests of every session store: entries of text, compared as text. */
public final class TestRecords {
  private TestRecords() {}

  /** A record whose metadata entry holds {@code text}. */
  public static SessionRecord record(String text) {
    return SessionRecord.of(Map.of(SessionRecord.METADATA, utf8(text)));
  }

  /** A record of the entries {@code "name", "text", ...}. */
  public static SessionRecord record(String... namesAndTexts) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndTexts.length; i += 2) {
      entries.put(namesAndTexts[i], utf8(namesAndTexts[i + 1]));
    }
    return SessionRecord.of(entries);
  }

  /** What a store's {@code read} returned: its metadata entry as text; fails when it returned nothing. */
  public static String text(Optional<SessionRecord> record) {
    return new String(record.orElseThrow().entries().get(SessionRecord.METADATA), StandardCharsets.UTF_8);
  }

  /** The entries of a record as text, to compare whole records. */
  public static Map<String, String> texts(SessionRecord record) {
    Map<String, String> texts = new LinkedHashMap<>();
    record.entries().forEach((name, bytes) -> texts.put(name, new String(bytes, StandardCharsets.UTF_8)));
    return texts;
  }

  /** A change writing the entries {@code "name", "text", ...} and removing {@code removed}. */
  public static SessionChange change(Instant expiresAt, String principal, Set<String> removed,
      String... namesAndTexts) {
    return new SessionChange(record(namesAndTexts).entries(), removed, expiresAt, principal);
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
