package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStoreException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;

/**
 * The session state of one request, from the first {@code getSession} to the commit.
 *
 * <p>Store calls: the session is read lazily, at most once, on first access; it is written at most once, at
 * the commit (or just before the response is committed), and only when it changed, was created with
 * attributes, got a new id, or is due a refresh (see {@link Lifetimes}). A request that never touches the
 * session makes no store call and sends no session header. A session without attributes is never stored and
 * gets no cookie; an existing one emptied by the request is deleted and its cookie cleared (as Flask does).
 *
 * <p>Concurrency: <b>changes are merged per attribute</b>. Each request works on its own copy of the session and
 * writes back only what it changed (attributes set, replaced, removed or changed in place, and the session's
 * times), applied by the store to the session as stored at that moment: of overlapping requests that change
 * different attributes, each keeps its change; of two that change the same attribute, the one that writes last
 * wins. An invalidated or renewed session is never written back by a request that read it before: its change is
 * dropped (and its response leaves the cookie alone, since the browser may hold the renewed one by then). No lock
 * is held across requests, which would make every store a lock service and one slow request stall all others of
 * the same user.
 */
final class RequestSessions implements SessionOwner {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.session");

  private final SessionManager manager;
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  private Optional<String> requestedId;
  private boolean accessed;
  private boolean loaded;
  /** The request's session, existing or new; null when there is none (yet), or it was invalidated. */
  private StoreSession session;
  /** The id the store holds {@link #session}'s data under, that data and its record; null when it is not stored. */
  private String storedId;
  private SessionData storedData;
  private SessionRecord storedRecord;
  /** The last Set-Cookie header added for the session cookie, re-added if the response is reset. */
  private String cookieHeader;
  private boolean warnedCommitted;
  /** Whether this request created its session (and announced it); it then announces its end if it is never stored. */
  private boolean created;
  /** Whether the session turned out to be ended by another request at the commit: nothing more is stored. */
  private boolean abandoned;

  RequestSessions(SessionManager manager, HttpServletRequest request, HttpServletResponse response) {
    this.manager = manager;
    this.request = request;
    this.response = response;
  }

  synchronized HttpSession getSession(boolean create) {
    markAccessed();
    if (!loaded) {
      loaded = true;
      requestedId().ifPresent(id -> manager.repository().read(id, manager.now()).ifPresent(loaded -> {
        session = StoreSession.stored(this, manager.values(), id, loaded.data());
        stored(id, loaded.data(), loaded.record());
      }));
    }
    if (session == null && create) {
      session = StoreSession.fresh(this, manager.values(), manager.ids().next(), manager.now());
      created = true;
      manager.listeners().created(session);
      manager.metrics().sessionCreated();
    }
    return session;
  }

  synchronized String changeSessionId() {
    StoreSession current = (StoreSession) getSession(false);
    if (current == null) {
      throw new IllegalStateException("changeSessionId(): this request has no session; call getSession() first");
    }
    String oldId = current.getId();
    String id = manager.ids().next();
    current.renew(id);
    manager.listeners().idChanged(current, oldId);
    return id;
  }

  /** The id the request's cookie carries when its signature verifies, else null: never an unverified value. */
  synchronized String requestedSessionId() {
    markAccessed();
    return requestedId().orElse(null);
  }

  synchronized boolean requestedSessionIdValid() {
    getSession(false);
    return session != null && session.valid() && requestedId().map(id -> id.equals(storedId)).orElse(false);
  }

  /** Called by {@link StoreSession#invalidate()}: the entry goes now, the cookie is cleared. */
  @Override
  public synchronized void invalidated(StoreSession invalid) {
    if (invalid != session) {
      return;
    }
    session = null;
    if (storedId != null) {
      manager.repository().delete(storedId, invalid.principal());
      notStored();
    }
    setCookie(manager.cookie().expiredCookie());
  }

  /**
   * Writes the session to the store if it needs it and puts the session headers on the response. Called
   * before the response is committed and again at the end of the request; does only what is still needed.
   */
  synchronized void commit() {
    if (!accessed) {
      return;
    }
    addVary();
    if (session == null || !session.valid() || abandoned) {
      return;
    }
    long now = manager.now();
    boolean renewed = storedId != null && !storedId.equals(session.getId());
    StoreSession.Snapshot snapshot = session.snapshot(now);
    if (session.empty()) {
      // A session emptied by the request is deleted, and one created without data is never stored: either way
      // it ends here, and its listeners hear so (once, though the commit may run twice).
      if (storedId != null && (snapshot.changed() || renewed)) {
        manager.repository().delete(storedId, session.principal());
        notStored();
        setCookie(manager.cookie().expiredCookie());
        ended();
      } else if (storedId == null && created) {
        ended();
      }
      return;
    }
    boolean newId = storedId == null || renewed;
    if (!newId && !snapshot.changed() && !manager.lifetimes().refreshDue(storedData, now)) {
      return;
    }
    if (newId && response.isCommitted()) {
      // Storing it would leave an entry no client can reach: its cookie can no longer be sent.
      if (!warnedCommitted) {
        warnedCommitted = true;
        LOG.log(System.Logger.Level.WARNING, "A session created or renewed after the response to "
            + request.getMethod() + " " + request.getRequestURI() + " was committed cannot reach the client and"
            + " was not stored; touch the session before writing the response body");
      }
      return;
    }
    if (renewed) {
      // The old id goes first: a slower request of the session that writes after this finds it gone.
      manager.repository().delete(storedId, session.principal());
      notStored();
    }
    // Asked only when the session is written: a login writes it (new context, new id), and so does a refresh.
    String principal = manager.principalResolver().principal(request, session).orElse(null);
    StoreSession.Snapshot stored = snapshot.withPrincipal(principal);
    String id = session.getId();
    Optional<SessionRecord> record = newId ? Optional.of(manager.repository().write(id, stored.data()))
        : manager.repository().update(id, storedRecord, stored.data(), stored.written(), stored.removed());
    if (record.isEmpty()) {
      // Invalidated or renewed by another request meanwhile (or expired): this request's change must not bring
      // it back, nor may a later commit of this request. The cookie is left alone: the browser may hold the
      // renewed session's by now.
      LOG.log(System.Logger.Level.DEBUG, () -> "A session ended by another request while " + request.getMethod()
          + " " + request.getRequestURI() + " ran; the changes this request made to it were not stored");
      abandoned = true;
      notStored();
      return;
    }
    session.saved(stored);
    stored(id, stored.data(), record.get());
    if (newId || manager.permanent()) {
      String value = manager.signer().sign(storedId);
      setCookie(manager.permanent()
          ? manager.cookie().persistentCookie(value, manager.lifetimes().expiresAt(storedData), now)
          : manager.cookie().sessionCookie(value));
    }
  }

  private void stored(String id, SessionData data, SessionRecord record) {
    storedId = id;
    storedData = data;
    storedRecord = record;
  }

  private void notStored() {
    storedId = null;
    storedData = null;
    storedRecord = null;
  }

  private void ended() {
    StoreSession ending = session;
    session = null;
    created = false;
    ending.end();
  }

  /** {@link #commit()} where no filter is on the stack to turn a store outage into its 503 (async completion). */
  void commitReportingOutage() {
    try {
      commit();
    } catch (SessionStoreException e) {
      manager.outage(request, response, e);
    }
  }

  /** The response was reset, which drops its headers: put ours back. */
  synchronized void responseReset() {
    if (accessed) {
      addVary();
    }
    if (cookieHeader != null) {
      response.addHeader("Set-Cookie", cookieHeader);
    }
  }

  @Override
  public ServletContext servletContext() {
    return request.getServletContext();
  }

  @Override
  public SessionListeners listeners() {
    return manager.listeners();
  }

  @Override
  public SessionMetrics metrics() {
    return manager.metrics();
  }

  @Override
  public int maxSessionBytes() {
    return manager.maxSessionBytes();
  }

  @Override
  public long idleMillis(int maxInactiveSeconds) {
    return manager.lifetimes().idleMillis(maxInactiveSeconds);
  }

  private Optional<String> requestedId() {
    if (requestedId == null) {
      // Signature checks only: a cookie that does not verify never reaches the store.
      requestedId = manager.cookie().values(request).stream()
          .map(manager.signer()::verify).flatMap(Optional::stream).findFirst();
    }
    return requestedId;
  }

  private void markAccessed() {
    accessed = true;
    addVary();
  }

  /** The response depends on the session cookie: caches must not serve it to another client. */
  private void addVary() {
    if (response.isCommitted()) {
      return;
    }
    for (String vary : response.getHeaders("Vary")) {
      for (String token : vary.split(",")) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        if (name.equals("cookie") || name.equals("*")) {
          return;
        }
      }
    }
    response.addHeader("Vary", "Cookie");
  }

  /** Adds the header unless it is already the last one sent: a later Set-Cookie for the same cookie wins. */
  private void setCookie(String header) {
    if (header.equals(cookieHeader) || response.isCommitted()) {
      return;
    }
    response.addHeader("Set-Cookie", header);
    cookieHeader = header;
  }
}
