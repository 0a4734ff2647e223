/**
 * <b>Internal</b>: how {@code dev.sessionconfig.runtime.servlet} implements sessions (ids, signed cookies, the
 * JSON record, the request and response wrappers, the commit). Only {@link
 * dev.sessionconfig.runtime.session.SessionManager} is public, for the servlet package; it is not an API.
 */
package dev.sessionconfig.runtime.session;
