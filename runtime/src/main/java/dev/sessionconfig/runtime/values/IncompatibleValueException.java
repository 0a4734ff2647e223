package dev.sessionconfig.runtime.values;

/**
 * A stored value that no longer fits the deployed code: its class is gone or no longer declared, an enum
 * constant was removed, a record component changed type, a serialized class changed incompatibly. The session
 * drops that attribute only, with one log line naming it and its class (never its value).
 */
public final class IncompatibleValueException extends Exception {
  private static final long serialVersionUID = 1L;

  public IncompatibleValueException(String message) {
    super(message, null, false, false);
  }

  IncompatibleValueException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
