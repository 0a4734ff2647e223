package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.values.IncompatibleValueException;
import dev.sessionconfig.runtime.values.SessionValues;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link HttpSession} of one request: the stored record, whose attributes are decoded when first read, and
 * that {@link RequestSessions} writes back at the end of the request when it changed. A value is checked when it
 * is set ({@code SessionValues}: it must read back exactly on any instance), and kept by reference, as a
 * container's own session does: an object the application read or set and then changed in place is stored at
 * the end of the request, found by comparing its encoding with the stored one.
 *
 * <p>{@code setMaxInactiveInterval(n)} with {@code n <= 0} (the Servlet way of saying "never time out") restores
 * the configured PERMANENT_SESSION_LIFETIME: server-side expiry is never switched off. Attribute and binding
 * listeners are called on the instance that makes the change ({@link SessionListeners}).
 */
final class StoreSession implements HttpSession {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.session");

  private final SessionOwner owner;
  private final SessionValues values;
  private final long created;
  private final long lastAccessed;
  private final boolean isNew;
  private final Map<String, Slot> attributes = new LinkedHashMap<>();
  private String id;
  /** The user the stored record names; {@code null} for none. */
  private String principal;
  private int maxInactiveSeconds;
  private int storedMaxInactiveSeconds;
  /** Attributes the store holds that were removed (by the application, or as unreadable) since the last save. */
  private final Set<String> removed = new LinkedHashSet<>();
  private boolean valid = true;

  /**
   * One attribute: the bytes the store holds for it ({@code null} when it is new), and once this request read or
   * set it, its live value, with the bytes it had when set (reused at the end when the value cannot change).
   */
  private static final class Slot {
    byte[] stored;
    boolean live;
    Object value;
    byte[] setBytes;
  }

  private StoreSession(SessionOwner owner, SessionValues values, String id, SessionData data, boolean isNew) {
    this.owner = owner;
    this.values = values;
    this.id = id;
    this.created = data.created();
    this.lastAccessed = data.lastAccessed();
    this.maxInactiveSeconds = data.maxInactiveSeconds();
    this.principal = data.principal();
    this.storedMaxInactiveSeconds = isNew ? -1 : data.maxInactiveSeconds();
    for (Map.Entry<String, byte[]> attribute : data.attributes().entrySet()) {
      Slot slot = new Slot();
      slot.stored = attribute.getValue();
      attributes.put(attribute.getKey(), slot);
    }
    this.isNew = isNew;
  }

  static StoreSession stored(SessionOwner owner, SessionValues values, String id, SessionData data) {
    return new StoreSession(owner, values, id, data, false);
  }

  static StoreSession fresh(SessionOwner owner, SessionValues values, String id, long now) {
    return new StoreSession(owner, values, id, new SessionData(now, now, 0, null, Map.of()), true);
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
  }

  @Override
  public synchronized int getMaxInactiveInterval() {
    return (int) Math.min(Integer.MAX_VALUE, owner.idleMillis(maxInactiveSeconds) / 1000);
  }

  /**
   * The attribute's value, decoded on first use. A stored value that no longer fits the deployed code (its class
   * gone or changed) is dropped with one log line naming the attribute and the classes, never the value: the
   * rest of the session is kept.
   */
  @Override
  public synchronized Object getAttribute(String name) {
    checkValid("getAttribute");
    Slot slot = attributes.get(name);
    if (slot == null) {
      return null;
    }
    if (!slot.live) {
      try {
        slot.value = values.decode(slot.stored);
        slot.live = true;
      } catch (IncompatibleValueException e) {
        LOG.log(System.Logger.Level.WARNING, "Session attribute '" + name + "' no longer fits the deployed code: "
            + e.getMessage() + "; dropped it, the rest of the session is kept");
        attributes.remove(name);
        removed.add(name);
        return null;
      }
    }
    return slot.value;
  }

  @Override
  public synchronized Enumeration<String> getAttributeNames() {
    checkValid("getAttributeNames");
    return Collections.enumeration(new ArrayList<>(attributes.keySet()));
  }

  /**
   * @throws IllegalArgumentException naming the attribute, the class and the setting that would admit it, when the
   *     value cannot be stored and read back exactly; the session is then unchanged
   */
  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      removeAttribute(name);
      return;
    }
    Object old;
    synchronized (this) {
      checkValid("setAttribute");
      if (name == null) {
        throw new IllegalArgumentException("a session attribute needs a name");
      }
      byte[] bytes;
      try {
        bytes = values.encode(name, value);
      } catch (IllegalArgumentException e) {
        owner.metrics().attributeRejected(SessionMetrics.Rejection.TYPE);
        throw e;
      }
      checkSize(name, bytes);
      old = valueOf(name);
      Slot slot = attributes.computeIfAbsent(name, key -> new Slot());
      slot.live = true;
      slot.value = value;
      slot.setBytes = bytes;
    }
    owner.listeners().set(this, name, value, old);
  }

  @Override
  public void removeAttribute(String name) {
    Object old;
    synchronized (this) {
      checkValid("removeAttribute");
      old = valueOf(name);
      Slot slot = attributes.remove(name);
      if (slot == null) {
        return;
      }
      if (slot.stored != null) {
        removed.add(name);
      }
    }
    owner.listeners().removed(this, name, old);
  }

  /**
   * Refuses a value that would make the session larger than SESSION_MAX_SIZE, counting the other attributes as
   * they were last stored or set.
   */
  private void checkSize(String name, byte[] bytes) {
    long total = bytes.length;
    for (Map.Entry<String, Slot> attribute : attributes.entrySet()) {
      if (!attribute.getKey().equals(name)) {
        total += size(attribute.getValue());
      }
    }
    int max = owner.maxSessionBytes();
    if (total > max) {
      owner.metrics().attributeRejected(SessionMetrics.Rejection.SIZE);
      throw new IllegalArgumentException("Session attribute '" + name + "' cannot be stored: its " + bytes.length
          + " bytes would make the session " + total + " bytes, over SESSION_MAX_SIZE (" + max + " bytes). Keep"
          + " large data elsewhere (a database, a cache) and put its key in the session, or raise SESSION_MAX_SIZE;"
          + " the session is unchanged.");
    }
  }

  private static long size(Slot slot) {
    byte[] known = slot.setBytes != null ? slot.setBytes : slot.stored;
    return known == null ? 0 : known.length;
  }

  /**
   * The value an attribute holds before a change, for the listeners and for a value that listens itself: decoded
   * if this request has not read it yet; {@code null} when there is none or it no longer reads back.
   */
  private Object valueOf(String name) {
    Slot slot = attributes.get(name);
    if (slot == null) {
      return null;
    }
    if (slot.live) {
      return slot.value;
    }
    try {
      return values.decode(slot.stored);
    } catch (IncompatibleValueException e) {
      return null; // it is being replaced or removed anyway
    }
  }

  /**
   * Deletes the session from the store now, and makes the response clear the cookie. The listeners hear that the
   * session is destroyed while its attributes can still be read, then each attribute is unbound.
   */
  @Override
  public void invalidate() {
    synchronized (this) {
      checkValid("invalidate");
    }
    end();
    synchronized (this) {
      valid = false;
    }
    owner.invalidated(this);
    owner.metrics().sessionInvalidated();
  }

  /** The session ends: destroyed, then each attribute removed and unbound, as a container's expiry does it. */
  void end() {
    SessionListeners listeners = owner.listeners();
    listeners.destroyed(this);
    Map<String, Object> ended = new LinkedHashMap<>();
    synchronized (this) {
      for (String name : attributes.keySet()) {
        ended.put(name, valueOf(name));
      }
    }
    ended.forEach((name, value) -> listeners.removed(this, name, value));
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

  /** Gives the session a new id; the data moves to it when the request commits. */
  synchronized void renew(String newId) {
    id = newId;
  }

  /**
   * The session as of {@code now}: every attribute this request read or set encoded as it is now (an object changed
   * in place included), the others as stored; and what differs from the stored session.
   */
  synchronized Snapshot snapshot(long now) {
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    Map<String, byte[]> written = new LinkedHashMap<>();
    for (Map.Entry<String, Slot> attribute : attributes.entrySet()) {
      Slot slot = attribute.getValue();
      byte[] bytes = slot.live ? current(attribute.getKey(), slot) : slot.stored;
      if (!Arrays.equals(bytes, slot.stored)) {
        written.put(attribute.getKey(), bytes);
      }
      encoded.put(attribute.getKey(), bytes);
    }
    keepWithinMaxSize(encoded, written);
    boolean changed = !written.isEmpty() || !removed.isEmpty() || maxInactiveSeconds != storedMaxInactiveSeconds;
    return new Snapshot(new SessionData(created, now, maxInactiveSeconds, principal,
        Collections.unmodifiableMap(encoded)), Collections.unmodifiableMap(written), Set.copyOf(removed), changed);
  }

  /**
   * Objects changed in place may have grown the session past SESSION_MAX_SIZE, which {@code setAttribute} could not
   * see: the largest such changes are then not stored, each with a log line, until the session fits again.
   */
  private void keepWithinMaxSize(Map<String, byte[]> encoded, Map<String, byte[]> written) {
    long total = encoded.values().stream().mapToLong(bytes -> bytes.length).sum();
    int max = owner.maxSessionBytes();
    if (total <= max) {
      return;
    }
    List<String> largestFirst = new ArrayList<>(written.keySet());
    largestFirst.sort(Comparator.comparingInt((String name) -> written.get(name).length).reversed());
    for (String name : largestFirst) {
      if (total <= max) {
        return;
      }
      byte[] stored = attributes.get(name).stored;
      long before = total;
      total += (stored == null ? 0 : stored.length) - written.get(name).length;
      written.remove(name);
      if (stored == null) {
        encoded.remove(name);
      } else {
        encoded.put(name, stored);
      }
      LOG.log(System.Logger.Level.ERROR, "Session attribute '" + name + "', changed in place, makes the session "
          + before + " bytes, over SESSION_MAX_SIZE (" + max + " bytes): that change is not stored, and the"
          + " attribute keeps its stored value");
    }
  }

  /** The live value's bytes now: those of setAttribute for a value that cannot change, else encoded again. */
  private byte[] current(String name, Slot slot) {
    if (slot.setBytes != null && SessionValues.isImmutable(slot.value)) {
      return slot.setBytes;
    }
    try {
      return values.encode(name, slot.value);
    } catch (IllegalArgumentException e) {
      // Changed in place into something that cannot be stored: keep what was stored, and say why.
      LOG.log(System.Logger.Level.ERROR, "The change made in place to session attribute '" + name + "' cannot be"
          + " stored, so it is lost: " + e.getMessage());
      return slot.stored != null ? slot.stored : slot.setBytes;
    }
  }

  /** The store now holds {@code snapshot}; changes made after it was taken still count as unsaved. */
  synchronized void saved(Snapshot snapshot) {
    for (Map.Entry<String, byte[]> attribute : snapshot.data().attributes().entrySet()) {
      Slot slot = attributes.get(attribute.getKey());
      if (slot != null) {
        slot.stored = attribute.getValue();
      }
    }
    storedMaxInactiveSeconds = snapshot.data().maxInactiveSeconds();
    principal = snapshot.data().principal();
    removed.removeAll(snapshot.removed());
  }

  /** The user the stored record names; {@code null} for none. */
  synchronized String principal() {
    return principal;
  }

  /**
   * The session to store, and how it differs from the stored one.
   *
   * @param data the whole session, for a session new to the store
   * @param written the attributes whose stored form changed, for an update
   * @param removed the stored attributes that are gone
   * @param changed whether anything differs, the idle lifetime included
   */
  record Snapshot(SessionData data, Map<String, byte[]> written, Set<String> removed, boolean changed) {

    Snapshot withPrincipal(String name) {
      return new Snapshot(data.withPrincipal(name), written, removed, changed);
    }
  }

  private void checkValid(String method) {
    if (!valid) {
      throw new IllegalStateException(method + ": the session has been invalidated");
    }
  }
}
