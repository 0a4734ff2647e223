package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.Secret;
import dev.sessionconfig.runtime.store.SessionRecord;
import java.util.List;
import java.util.Map;

/**
 * Session records as the runtime writes them, for tests that play someone with write access to a store: read
 * the attributes of a stored record, and sign a record with a key (the application's, or an attacker's guess).
 */
public final class StoredRecords {
  private StoredRecords() {}

  /** The stored bytes of each attribute of {@code record}, which must verify under {@code key} for {@code id}. */
  public static Map<String, byte[]> attributes(Secret key, String id, SessionRecord record) throws Exception {
    return new SessionCodec(new SigningKeys(key, List.of())).decode(id, record).attributes();
  }

  /** A record for session {@code id}, created and last used now, signed under {@code key}. */
  public static SessionRecord signed(Secret key, String id, Map<String, byte[]> attributes) {
    long now = System.currentTimeMillis();
    return new SessionCodec(new SigningKeys(key, List.of())).encode(id, new SessionData(now, now, 0, null, attributes));
  }
}
