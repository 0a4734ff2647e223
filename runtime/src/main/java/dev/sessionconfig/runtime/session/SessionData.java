package dev.sessionconfig.runtime.session;

import java.util.Map;

/**
 * One session as the store holds it.
 *
 * @param created when the session was created, epoch millis
 * @param lastAccessed when the session was last written (a change or a refresh), epoch millis
 * @param maxInactiveSeconds the idle lifetime set by {@code setMaxInactiveInterval}, or 0 for the configured one
 * @param principal the name of the user the session belongs to, as last resolved; {@code null} for none
 * @param attributes each attribute's value in its stored form ({@code SessionValues}), unmodifiable
 */
record SessionData(long created, long lastAccessed, int maxInactiveSeconds, String principal,
    Map<String, byte[]> attributes) {

  SessionData withPrincipal(String name) {
    return new SessionData(created, lastAccessed, maxInactiveSeconds, name, attributes);
  }
}
