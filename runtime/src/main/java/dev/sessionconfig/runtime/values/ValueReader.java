package dev.sessionconfig.runtime.values;

import java.util.Map;

/**
 * Gives a generated codec the stored components of one record, or the constant of one enum, checked against the
 * types the deployed code declares.
 */
public final class ValueReader {
  private final String typeName;
  private final Map<String, Object> components;
  private final String constant;

  private ValueReader(String typeName, Map<String, Object> components, String constant) {
    this.typeName = typeName;
    this.components = components;
    this.constant = constant;
  }

  static ValueReader ofRecord(String typeName, Map<String, Object> components) {
    return new ValueReader(typeName, components, null);
  }

  static ValueReader ofEnum(String typeName, String constant) {
    return new ValueReader(typeName, Map.of(), constant);
  }

  /**
   * The value of a record component: as stored, or for a component the stored value does not have (the record
   * gained it since) null, or zero for a primitive.
   *
   * @throws IncompatibleValueException when the stored value is not of the declared type any more
   */
  public Object component(String name, ValueType type) throws IncompatibleValueException {
    Object value = components.containsKey(name) ? components.get(name) : type.absent();
    if (!type.accepts(value)) {
      throw new IncompatibleValueException("its component '" + name + "' of " + typeName + " is stored as "
          + (value == null ? "null" : value.getClass().getName()) + ", which does not fit its declared type "
          + type + " any more");
    }
    return value;
  }

  /** The name of the enum constant stored. */
  public String constant() {
    return constant;
  }

  /** The exception for a stored enum constant that the deployed enum no longer has. */
  public IncompatibleValueException noSuchConstant() {
    return new IncompatibleValueException(typeName + " has no constant " + constant + " any more");
  }
}
