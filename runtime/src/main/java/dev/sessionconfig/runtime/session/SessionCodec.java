package dev.sessionconfig.runtime.session;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session records as UTF-8 JSON: {@code {"v":1,"created":..,"lastAccessed":..,"attributes":{..}}}, plus
 * {@code "maxInactive"} (seconds) when the application set one. Readable by any tool that reads JSON, and by
 * nothing that could be made to instantiate a class.
 */
final class SessionCodec {
  private static final int VERSION = 1;

  private SessionCodec() {}

  static byte[] encode(SessionData data) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("v", VERSION);
    record.put("created", data.created());
    record.put("lastAccessed", data.lastAccessed());
    if (data.maxInactiveSeconds() != 0) {
      record.put("maxInactive", data.maxInactiveSeconds());
    }
    record.put("attributes", data.attributes());
    return Json.write(record).getBytes(StandardCharsets.UTF_8);
  }

  static SessionData decode(byte[] bytes) throws UnreadableSessionException {
    String text;
    try {
      // Strict: a malformed byte is corruption, not something to paper over with U+FFFD.
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableSessionException("not UTF-8");
    }
    Object root = Json.parse(text);
    if (!(root instanceof Map)) {
      throw new UnreadableSessionException("not a JSON object");
    }
    Map<?, ?> record = (Map<?, ?>) root;
    if (!Integer.valueOf(VERSION).equals(record.get("v"))) {
      throw new UnreadableSessionException("unknown record version " + record.get("v"));
    }
    Object attributes = record.get("attributes");
    if (!(attributes instanceof Map)) {
      throw new UnreadableSessionException("no attributes object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) attributes;
    long maxInactive = record.containsKey("maxInactive") ? number(record, "maxInactive") : 0;
    if (maxInactive < 0 || maxInactive > Integer.MAX_VALUE) {
      throw new UnreadableSessionException("maxInactive out of range");
    }
    return new SessionData(number(record, "created"), number(record, "lastAccessed"), (int) maxInactive, map);
  }

  private static long number(Map<?, ?> record, String name) throws UnreadableSessionException {
    Object value = record.get(name);
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw new UnreadableSessionException("no integer '" + name + "'");
  }
}
