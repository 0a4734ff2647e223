package dev.sessionconfig.processor.evaluate;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Variables whose value is known from the context rather than from their declaration: a lambda's parameters,
 * an enum constructor's parameters, and a variable inside its own assignment ({@code k = k.strip()}). Immutable.
 */
final class Bindings {
  static final Bindings EMPTY = new Bindings(Map.of());

  private final Map<Element, ValueSource> values;

  private Bindings(Map<Element, ValueSource> values) {
    this.values = values;
  }

  Bindings with(Element variable, ValueSource value) {
    Map<Element, ValueSource> more = new HashMap<>(values);
    more.put(variable, value);
    return new Bindings(Map.copyOf(more));
  }

  /** The bound value, or {@code null} when the variable is not bound here. */
  ValueSource get(Element variable) {
    return values.get(variable);
  }
}
