package dev.sessionconfig.runtime.store;

/** The session store failed or could not be reached; the message names the store, never a secret. */
public class SessionStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SessionStoreException(String message) {
    super(message);
  }

  public SessionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
