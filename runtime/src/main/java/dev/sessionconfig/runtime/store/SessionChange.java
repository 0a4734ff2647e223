package dev.sessionconfig.runtime.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one request changed in a stored session: the entries it wrote (always the {@link SessionRecord#METADATA}
 * entry, whose times move on), the entries it removed, the session's new expiry and its user. A store applies it to
 * the session as stored <em>now</em>, so that requests changing different attributes of one session all keep their
 * change.
 *
 * @param written entries added or replaced, by name; unmodifiable
 * @param removed names of entries removed; none of them is also written
 * @param expiresAt when the session expires, after this change
 * @param principal the name of the user the session belongs to, for the store's index; {@code null} for none
 */
public record SessionChange(Map<String, byte[]> written, Set<String> removed, Instant expiresAt, String principal) {

  public SessionChange {
    written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    Set<String> onlyRemoved = new LinkedHashSet<>(removed);
    onlyRemoved.removeAll(written.keySet());
    removed = Collections.unmodifiableSet(onlyRemoved);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
