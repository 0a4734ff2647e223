package dev.sessionconfig.it;

import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.runtime.Secret;
import dev.sessionconfig.runtime.session.StoredRecords;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.values.AttributeTypes;
import dev.sessionconfig.runtime.values.SessionValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The attributes of a session record found in a store, read back as another instance of the suite's app would. */
final class StoredAttributes {
  private StoredAttributes() {}

  static Map<String, Object> of(String id, SessionRecord record) {
    SessionValues values = SessionValues.of(AttributeTypes.none(), List.of());
    Map<String, Object> attributes = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, byte[]> attribute : StoredRecords.attributes(Secret.of(TestProperties.KEY), id, record)
          .entrySet()) {
        attributes.put(attribute.getKey(), values.decode(attribute.getValue()));
      }
    } catch (Exception e) {
      throw new AssertionError("the stored record of a session does not read back", e);
    }
    return attributes;
  }
}
