package dev.sessionconfig.runtime.store;

/**
 * Bytes in a store that are not a session record this library wrote (damaged, or put there by something else). Not
 * an outage: the session layer logs it and treats the session as missing.
 */
public final class UnreadableRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableRecordException(String message) {
    super(message);
  }
}
