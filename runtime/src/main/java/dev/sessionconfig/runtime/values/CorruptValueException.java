package dev.sessionconfig.runtime.values;

/** Stored bytes that do not follow the format: not something this application wrote, or damaged. */
final class CorruptValueException extends Exception {
  private static final long serialVersionUID = 1L;

  CorruptValueException(String message) {
    super(message, null, false, false);
  }
}
