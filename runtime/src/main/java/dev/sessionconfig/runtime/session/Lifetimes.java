package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.SessionSettings;
import java.time.Duration;

/**
 * When sessions end and when they are refreshed, in epoch millis.
 *
 * <ul>
 *   <li><b>Idle expiry</b>: a session ends {@code PERMANENT_SESSION_LIFETIME} (or the session's own
 *       {@code setMaxInactiveInterval}) after its recorded {@code lastAccessed}. Enforced twice: the store is
 *       told to drop the entry then, and a read checks it again (a store whose clock or cleanup lags cannot
 *       revive a session).
 *   <li><b>Absolute expiry</b> (optional): a session ends {@code SESSION_ABSOLUTE_LIFETIME} after its
 *       creation however active it is (OWASP); the store expiry is capped at that instant too.
 *   <li><b>Refresh due</b>: with {@code SESSION_REFRESH_EACH_REQUEST} (the default), a request that only reads
 *       an existing session writes it back, to move {@code lastAccessed} and the store expiry, only when
 *       {@code lastAccessed} is at least {@code min(60 s, idle lifetime / 10)} old. So a read-only request
 *       costs one store read and, at most once a minute per session, one write; the price is that a session
 *       may end up to that interval early (never late) measured from its true last use. Without
 *       {@code SESSION_REFRESH_EACH_REQUEST} a session is only written when it changes, so it ends one
 *       lifetime after its last change.
 * </ul>
 */
final class Lifetimes {
  static final long MAX_REFRESH_INTERVAL_MILLIS = 60_000;

  private final long idleMillis;
  private final long absoluteMillis;
  private final boolean refreshEachRequest;

  Lifetimes(SessionSettings settings) {
    this(settings.permanentSessionLifetime(), settings.absoluteLifetime().orElse(null), settings.refreshEachRequest());
  }

  Lifetimes(Duration idle, Duration absolute, boolean refreshEachRequest) {
    this.idleMillis = idle.toMillis();
    this.absoluteMillis = absolute == null ? Long.MAX_VALUE : absolute.toMillis();
    this.refreshEachRequest = refreshEachRequest;
  }

  /** The idle lifetime of a session whose own setting is {@code maxInactiveSeconds} (0: the configured one). */
  long idleMillis(int maxInactiveSeconds) {
    return maxInactiveSeconds > 0 ? maxInactiveSeconds * 1000L : idleMillis;
  }

  /** The instant after which {@code data} is no longer a session. */
  long expiresAt(SessionData data) {
    return Math.min(saturatedAdd(data.lastAccessed(), idleMillis(data.maxInactiveSeconds())),
        saturatedAdd(data.created(), absoluteMillis));
  }

  boolean expired(SessionData data, long now) {
    return now >= expiresAt(data);
  }

  /** Whether a read-only request at {@code now} should write {@code data} back (see the class comment). */
  boolean refreshDue(SessionData data, long now) {
    long interval = Math.min(MAX_REFRESH_INTERVAL_MILLIS, idleMillis(data.maxInactiveSeconds()) / 10);
    return refreshEachRequest && now - data.lastAccessed() >= interval;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
