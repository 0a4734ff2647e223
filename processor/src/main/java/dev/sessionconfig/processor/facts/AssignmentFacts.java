package dev.sessionconfig.processor.facts;

import dev.sessionconfig.processor.Position;

/**
 * One place that sets a field.
 *
 * @param place when it runs, relative to the field's class
 * @param where where it is, for messages: {@code in the field's initializer}, {@code in method main() of App}
 * @param statement the statement that assigns
 * @param valueAt the assigned expression
 * @param value where the assigned value comes from, for an assignment the loader never runs (judged on its own);
 *     empty for one of the class's static initialization, whose combined effect is the field's value
 */
public record AssignmentFacts(Place place, String where, Position statement, Position valueAt,
    java.util.Optional<ValueFacts> value) {

  /** When an assignment runs, relative to the field's class. */
  public enum Place {
    /** The field's own initializer. */
    INITIALIZER,
    /** The static initialization of the field's own class: a static block, or a static field's initializer. */
    STATIC_INITIALIZER,
    /** A constructor, an instance initializer block or an instance field's initializer, of any class. */
    CONSTRUCTOR_OR_INSTANCE_INITIALIZER,
    /** A method of any class, such as {@code main}. */
    METHOD,
    /** Anywhere else: a lambda, another class's static initialization. */
    OTHER;

    /** Whether the loader runs it: it is part of the class's own static initialization. */
    public boolean atConfigTime() {
      return this == INITIALIZER || this == STATIC_INITIALIZER;
    }
  }
}
