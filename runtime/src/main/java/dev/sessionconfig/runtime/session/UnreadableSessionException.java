package dev.sessionconfig.runtime.session;

/** Stored session data that cannot be read back; the session is then treated as missing. */
final class UnreadableSessionException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableSessionException(String message) {
    super(message);
  }
}
