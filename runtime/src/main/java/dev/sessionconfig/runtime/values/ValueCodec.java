package dev.sessionconfig.runtime.values;

/**
 * Writes and reads the values of one application type that may live in a session: the processor generates one
 * for each record and enum a config lists in {@code SESSION_ATTRIBUTE_TYPES} (and those they contain), so
 * storing them needs no reflection. A record is written as its components by name, so a deploy that adds one
 * reads old values with it absent (null or zero), and one that removes one ignores it.
 *
 * @param <T> the type
 */
public interface ValueCodec<T> {

  /** The type this codec writes: its binary name names the values in the store. */
  Class<T> type();

  /** Writes {@code value}'s components ({@link ValueWriter#component}) or constant ({@link ValueWriter#constant}). */
  void write(T value, ValueWriter out);

  /**
   * Reads a value back.
   *
   * @throws IncompatibleValueException when the stored value no longer fits the type (a component changed type,
   *     a constant is gone)
   */
  T read(ValueReader in) throws IncompatibleValueException;
}
