package dev.sessionconfig.processor.evaluate;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Variables whose value is known from the context rather than from their declaration: a lambda's parameters,
 * the parameters of a method or constructor being followed, {@code this} inside it, and a variable inside its own assignment ({@code k = k.strip()}). Immutable.
 */
final class Bindings {
  static final Bindings EMPTY = new Bindings(Map.of(), null);

  private final Map<Element, ValueSource> values;
  /** The object {@code this} is inside an instance method or constructor being followed; {@code null} if unknown. */
  private final ValueSource self;

  private Bindings(Map<Element, ValueSource> values, ValueSource self) {
    this.values = values;
    this.self = self;
  }

  Bindings with(Element variable, ValueSource value) {
    Map<Element, ValueSource> more = new HashMap<>(values);
    more.put(variable, value);
    return new Bindings(Map.copyOf(more), self);
  }

  /** These bindings inside a method of {@code object}. */
  Bindings withSelf(ValueSource object) {
    return new Bindings(values, object);
  }

  /** What {@code this} is, or {@code null} when it is not known here. */
  ValueSource self() {
    return self;
  }

  /** The bound value, or {@code null} when the variable is not bound here. */
  ValueSource get(Element variable) {
    return values.get(variable);
  }
}
