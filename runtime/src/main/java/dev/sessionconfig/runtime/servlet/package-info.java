/**
 * Server-side sessions for Jakarta Servlet 6 applications: {@link dev.sessionconfig.runtime.servlet.SessionInterface}
 * installs them (a generated {@code ConfigLoader.initApp(context)} calls it), after which the standard
 * {@code HttpServletRequest.getSession()} / {@code HttpSession} API is backed by the configured store.
 *
 * <p>Policies, in one place:
 * <ul>
 *   <li>Store calls per request: none unless the session is used; one read on first use; one write only when
 *       the session changed, was created with attributes, got a new id, or is due a refresh. A session without
 *       attributes is never stored and gets no cookie.
 *   <li>Refresh due: {@code lastAccessed} older than {@code min(60 s, idle lifetime / 10)}, with
 *       SESSION_REFRESH_EACH_REQUEST (the default); a read-only request then writes the session back to move its
 *       idle expiry (store TTL and, for permanent sessions, the cookie's Max-Age).
 *   <li>Concurrency: last writer wins, per whole session record.
 *   <li>Store outage: that request is answered 503 Service Unavailable and one ERROR line names the store;
 *       later requests work again as soon as the store does.
 *   <li>A request that ends with an exception does not store its session changes.
 * </ul>
 */
package dev.sessionconfig.runtime.servlet;
