package dev.sessionconfig.processor.evaluate;

import com.sun.source.util.TreePath;
import dev.sessionconfig.LookupTree;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import dev.sessionconfig.processor.facts.ShippedRead;
import java.util.function.Function;

/**
 * A value that is no setting itself but that a later call turns into one, such as {@code System.getenv()} in
 * {@code System.getenv().get("K")}. It travels as the value of an OPAQUE {@link ValueSource}, so every rule that
 * does not know it treats it as opaque.
 */
sealed interface Intermediate {

  /** {@code Optional.ofNullable(content)}: {@code content} is the null literal for {@code Optional.empty()}. */
  record OptionalOf(ValueSource content) implements Intermediate {}

  /**
   * Something read from what ships with the code, such as a class-path resource's stream or text: a key made from
   * it is in every copy of the artifact.
   */
  record Shipped(ShippedRead read) implements Intermediate {}

  /** A lambda or method reference, with the variables bound where it was written. */
  record FunctionValue(TreePath path, Bindings bindings) implements Intermediate {}

  /**
   * An object created by {@code new Type(...)} of a class whose source javac has: its fields are what its
   * constructor sets from {@code parameters}, and its methods run with {@code this} bound to it.
   */
  record Instance(TypeElement type, ExecutableElement constructor, Bindings parameters) implements Intermediate {}

  /** {@code System.getenv()} or {@code System.getProperties()}: a map whose keys are lookups. */
  enum LookupMap implements Intermediate {
    ENVIRONMENT(LookupTree::env),
    PROPERTIES(LookupTree::property);

    private final Function<String, LookupTree> lookup;

    LookupMap(Function<String, LookupTree> lookup) {
      this.lookup = lookup;
    }

    LookupTree lookup(String key) {
      return lookup.apply(key);
    }
  }
}
