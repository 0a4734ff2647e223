package dev.sessionconfig.runtime.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link HttpSession} of one request: a copy of the stored record that the request changes in memory, and
 * that {@link RequestSessions} writes back at the end of the request when it changed. Attribute values are
 * limited to what {@link AttributeValues} allows.
 *
 * <p>{@code setMaxInactiveInterval(n)} with {@code n <= 0} (the Servlet way of saying "never time out") restores
 * the configured PERMANENT_SESSION_LIFETIME: server-side expiry is never switched off. Session listeners
 * ({@code HttpSessionListener}, {@code HttpSessionBindingListener}, {@code HttpSessionIdListener}) are not
 * called: attribute values are plain data, and a session lives in a store, not in one application instance.
 */
final class StoreSession implements HttpSession {
  private final RequestSessions owner;
  private final long created;
  private final long lastAccessed;
  private final boolean isNew;
  private final Map<String, Object> attributes;
  private String id;
  private int maxInactiveSeconds;
  private boolean valid = true;
  /** Counts changes; {@link #savedChanges} is the count the store has, so a change during a write is not lost. */
  private long changes;
  private long savedChanges;

  private StoreSession(RequestSessions owner, String id, SessionData data, boolean isNew) {
    this.owner = owner;
    this.id = id;
    this.created = data.created();
    this.lastAccessed = data.lastAccessed();
    this.maxInactiveSeconds = data.maxInactiveSeconds();
    this.attributes = new LinkedHashMap<>(data.attributes());
    this.isNew = isNew;
  }

  static StoreSession stored(RequestSessions owner, String id, SessionData data) {
    return new StoreSession(owner, id, data, false);
  }

  static StoreSession fresh(RequestSessions owner, String id, long now) {
    return new StoreSession(owner, id, new SessionData(now, now, 0, Map.of()), true);
  }

  @Override
  public synchronized String getId() {
    return id;
  }

  @Override
  public synchronized long getCreationTime() {
    checkValid("getCreationTime");
    return created;
  }

  /** When the session was last recorded as used, before this request. */
  @Override
  public synchronized long getLastAccessedTime() {
    checkValid("getLastAccessedTime");
    return lastAccessed;
  }

  @Override
  public ServletContext getServletContext() {
    return owner.servletContext();
  }

  @Override
  public synchronized void setMaxInactiveInterval(int seconds) {
    maxInactiveSeconds = Math.max(0, seconds);
    changes++;
  }

  @Override
  public synchronized int getMaxInactiveInterval() {
    return (int) Math.min(Integer.MAX_VALUE, owner.idleMillis(maxInactiveSeconds) / 1000);
  }

  @Override
  public synchronized Object getAttribute(String name) {
    checkValid("getAttribute");
    return attributes.get(name);
  }

  @Override
  public synchronized Enumeration<String> getAttributeNames() {
    checkValid("getAttributeNames");
    return Collections.enumeration(new ArrayList<>(attributes.keySet()));
  }

  /**
   * @throws IllegalArgumentException naming the attribute when the value cannot be stored; the session is then
   *     unchanged
   */
  @Override
  public synchronized void setAttribute(String name, Object value) {
    checkValid("setAttribute");
    if (name == null) {
      throw new IllegalArgumentException("a session attribute needs a name");
    }
    if (value == null) {
      removeAttribute(name);
      return;
    }
    attributes.put(name, AttributeValues.copyOf(name, value));
    changes++;
  }

  @Override
  public synchronized void removeAttribute(String name) {
    checkValid("removeAttribute");
    if (attributes.containsKey(name)) {
      attributes.remove(name);
      changes++;
    }
  }

  /** Deletes the session from the store now, and makes the response clear the cookie. */
  @Override
  public void invalidate() {
    synchronized (this) {
      checkValid("invalidate");
      valid = false;
    }
    owner.invalidated(this);
  }

  @Override
  public synchronized boolean isNew() {
    checkValid("isNew");
    return isNew;
  }

  synchronized boolean valid() {
    return valid;
  }

  synchronized boolean empty() {
    return attributes.isEmpty();
  }

  synchronized boolean changed() {
    return changes != savedChanges;
  }

  /** Gives the session a new id; the data moves to it when the request commits. */
  synchronized void renew(String newId) {
    id = newId;
  }

  /** The record to store, as of {@code now}, and the change count it contains. */
  synchronized Snapshot snapshot(long now) {
    return new Snapshot(new SessionData(created, now, maxInactiveSeconds,
        Collections.unmodifiableMap(new LinkedHashMap<>(attributes))), changes);
  }

  /** The store now holds {@code snapshot}; changes made after it was taken still count as unsaved. */
  synchronized void saved(Snapshot snapshot) {
    savedChanges = snapshot.changes();
  }

  record Snapshot(SessionData data, long changes) {}

  private void checkValid(String method) {
    if (!valid) {
      throw new IllegalStateException(method + ": the session has been invalidated");
    }
  }
}
