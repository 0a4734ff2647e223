package dev.sessionconfig.jdbc;

import java.sql.SQLException;
import java.util.Collection;

/**
 * Keeps passwords and session ids out of failures. Drivers write what they like into their exception messages,
 * and those messages reach logs along with the exception's causes; so a failure whose chain mentions a sensitive
 * text is replaced by a copy in which it reads {@code ****}, with the same classes' names, SQL states and stack
 * traces.
 */
final class Redaction {
  private Redaction() {}

  static final String MASK = "****";

  /** {@code text} with every non-empty one of {@code sensitive} replaced by {@code ****}. */
  static String apply(String text, Collection<String> sensitive) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : sensitive) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  /** {@code failure} itself when no message in its chain shows any of {@code sensitive}; else a redacted copy. */
  static Throwable scrub(Throwable failure, Collection<String> sensitive) {
    return shows(failure, sensitive, 0) ? copy(failure, sensitive, 0) : failure;
  }

  private static boolean shows(Throwable t, Collection<String> sensitive, int depth) {
    if (t == null || depth > 20) {
      return false;
    }
    String message = t.getMessage();
    if (message != null && !apply(message, sensitive).equals(message)) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (shows(suppressed, sensitive, depth + 1)) {
        return true;
      }
    }
    return shows(next(t), sensitive, depth + 1);
  }

  private static Throwable copy(Throwable t, Collection<String> sensitive, int depth) {
    if (t == null || depth > 20) {
      return null;
    }
    String message = apply(t.getMessage(), sensitive);
    String text = t.getClass().getName() + (message == null ? "" : ": " + message);
    SQLException original = t instanceof SQLException ? (SQLException) t : null;
    Redacted copy = new Redacted(text, original == null ? null : original.getSQLState(),
        original == null ? 0 : original.getErrorCode(), copy(next(t), sensitive, depth + 1));
    copy.setStackTrace(t.getStackTrace());
    for (Throwable suppressed : t.getSuppressed()) {
      Throwable clean = copy(suppressed, sensitive, depth + 1);
      if (clean != null) {
        copy.addSuppressed(clean);
      }
    }
    return copy;
  }

  /** The cause, or for a SQLException without one its next exception (where HikariCP and drivers chain them). */
  static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    return t instanceof SQLException ? ((SQLException) t).getNextException() : null;
  }

  /** A failure whose message had to be redacted; its message starts with the original class's name. */
  static final class Redacted extends SQLException {
    private static final long serialVersionUID = 1L;

    Redacted(String message, String sqlState, int vendorCode, Throwable cause) {
      super(message, sqlState, vendorCode, cause);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // replaced by the original's
    }

    @Override
    public String toString() {
      return getMessage(); // "org.postgresql.util.PSQLException: ...", as the original printed itself
    }
  }
}
