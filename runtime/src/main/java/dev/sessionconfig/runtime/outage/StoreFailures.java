package dev.sessionconfig.runtime.outage;

import dev.sessionconfig.runtime.store.StoreUnavailableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * How every networked store explains a failure of its client library: the most specific reason in the failure's
 * chain, in a few words, and whether the store is out of reach (which the circuit breaker and the 503 answer rely
 * on) rather than refusing one operation.
 *
 * <p>Client libraries bury the reason: Jedis keeps a refused connection's in a suppressed exception, JDBC drivers
 * chain theirs with {@link SQLException#getNextException()}, Netty appends the address to it. The chain followed
 * here covers all three.
 */
public final class StoreFailures {
  private static final int MAX_DEPTH = 20;

  private StoreFailures() {}

  /**
   * The most specific explanation in {@code failure}'s chain: the deepest message, its first line, with the
   * usual network failures put in words ("unknown host db1", "no answer within 2 s", "TLS handshake failed: ...").
   *
   * @param timeout the store's time-out, to say how long a silent server was waited for
   */
  public static String reason(Throwable failure, Duration timeout) {
    Throwable specific = failure;
    boolean tls = false;
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = next(t)) {
      tls |= t instanceof SSLException;
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        specific = t;
      }
    }
    String message = specific.getMessage() == null ? specific.getClass().getSimpleName()
        : specific.getMessage().strip().lines().findFirst().orElse("").strip();
    if (specific instanceof UnknownHostException) {
      return "unknown host " + message;
    }
    if (specific instanceof SocketTimeoutException) {
      return "no answer within " + seconds(timeout) + " (" + message + ")";
    }
    if (specific instanceof ConnectException) {
      // "Connection refused: /127.0.0.1:6379" (Netty): the store's own prefix already names the server.
      int colon = message.indexOf(": ");
      return colon > 0 ? message.substring(0, colon) : message;
    }
    return tls ? "TLS handshake failed: " + message : message;
  }

  /** Whether {@code failure} or anything in its chain is a {@code type}. */
  public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = next(t)) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The failure of a store that cannot be reached: {@code "redis at db1:6379 is not reachable: Connection refused"}.
   *
   * @param store how the store's messages name it, without secrets
   * @param reason what went wrong, without secrets: usually {@link #reason}
   */
  public static StoreUnavailableException unreachable(String store, String reason, Throwable cause) {
    return new StoreUnavailableException(store + " is not reachable: " + reason, cause);
  }

  /** {@code "2 s"}, or {@code "500 ms"} for a time-out under a second. */
  public static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  /** The next failure in the chain: the cause, else a JDBC driver's next exception, else the first suppressed. */
  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    if (t instanceof SQLException sql && sql.getNextException() != null) {
      return sql.getNextException();
    }
    return t.getSuppressed().length > 0 ? t.getSuppressed()[0] : null;
  }
}
