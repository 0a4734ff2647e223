package dev.sessionconfig.runtime.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.StoreUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {
  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

  @Test
  void theDeepestMessageIsTheReason() {
    Exception e = new IllegalStateException("Failed to connect", new IOException("Broken pipe"));
    assertEquals("Broken pipe", StoreFailures.reason(e, TWO_SECONDS));
  }

  @Test
  void aFailureKeptAsSuppressedIsFollowedWhenThereIsNoCause() {
    Exception e = new IllegalStateException("Failed to connect to any host resolved for DNS name.");
    e.addSuppressed(new ConnectException("Connection refused"));
    assertEquals("Connection refused", StoreFailures.reason(e, TWO_SECONDS));
  }

  @Test
  void aDriversNextExceptionIsFollowed() {
    SQLException e = new SQLException("Batch entry 0 failed");
    e.setNextException(new SQLException("FATAL: the database system is shutting down\n  Where: somewhere"));
    assertEquals("FATAL: the database system is shutting down", StoreFailures.reason(e, TWO_SECONDS));
  }

  @Test
  void networkFailuresArePutInWords() {
    assertEquals("unknown host db1.internal",
        StoreFailures.reason(new IOException("x", new UnknownHostException("db1.internal")), TWO_SECONDS));
    assertEquals("no answer within 2 s (Read timed out)",
        StoreFailures.reason(new IOException(new SocketTimeoutException("Read timed out")), TWO_SECONDS));
    assertEquals("no answer within 500 ms (Read timed out)",
        StoreFailures.reason(new SocketTimeoutException("Read timed out"), Duration.ofMillis(500)));
    assertEquals("Connection refused",
        StoreFailures.reason(new ConnectException("Connection refused: /127.0.0.1:6379"), TWO_SECONDS));
    assertEquals("TLS handshake failed: PKIX path building failed",
        StoreFailures.reason(new SSLHandshakeException("PKIX path building failed"), TWO_SECONDS));
  }

  @Test
  void aFailureWithoutAnyMessageIsNamedByItsClass() {
    assertEquals("EOFException", StoreFailures.reason(new java.io.EOFException(), TWO_SECONDS));
  }

  @Test
  void causedByLooksThroughTheWholeChain() {
    Exception suppressedTimeout = new IllegalStateException("pool");
    suppressedTimeout.addSuppressed(new SocketTimeoutException());
    assertTrue(StoreFailures.causedBy(suppressedTimeout, SocketTimeoutException.class));
    assertTrue(StoreFailures.causedBy(new IOException(new ConnectException()), ConnectException.class));
    assertFalse(StoreFailures.causedBy(new IOException("disk"), ConnectException.class));
  }

  @Test
  void anUnreachableStoreIsUnavailableAndNamedFirst() {
    ConnectException cause = new ConnectException("Connection refused");
    StoreUnavailableException e = StoreFailures.unreachable("redis at db1:6379", "Connection refused", cause);
    assertEquals("redis at db1:6379 is not reachable: Connection refused", e.getMessage());
    assertSame(cause, e.getCause());
  }

  @Test
  void aChainThatLoopsEnds() {
    Exception first = new IllegalStateException("first");
    Exception second = new IllegalStateException("second", first);
    first.addSuppressed(second); // no cause, so next() goes to the suppressed one, which leads back
    String reason = StoreFailures.reason(first, TWO_SECONDS); // returns at all: the walk is bounded
    assertTrue(reason.equals("first") || reason.equals("second"), reason);
    assertFalse(StoreFailures.causedBy(first, ConnectException.class));
  }
}
