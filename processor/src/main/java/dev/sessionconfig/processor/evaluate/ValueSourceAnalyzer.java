package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Objects;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The evaluator's one entry point: classifies where the value of an expression comes from (a literal, a lookup with
 * a hard-coded fallback, a lookup, something opaque, or something javac could not resolve yet). It reads javac's
 * trees, following constants, fields, local variables, enum constants and methods into any source javac holds.
 */
public final class ValueSourceAnalyzer {
  private final Trees trees;
  private final Elements elements;
  private final Types types;

  public ValueSourceAnalyzer(Trees trees, Elements elements, Types types) {
    this.trees = Objects.requireNonNull(trees, "trees");
    this.elements = Objects.requireNonNull(elements, "elements");
    this.types = Objects.requireNonNull(types, "types");
  }

  /**
   * Classifies the expression at {@code expressionPath}, such as a field's initializer or the right-hand side
   * of an assignment. Never throws for an unexpected tree: a shape without a rule is OPAQUE.
   *
   * @param expressionPath the path to an {@link ExpressionTree}, within its compilation unit
   */
  public ValueSource classify(TreePath expressionPath) {
    Objects.requireNonNull(expressionPath, "expressionPath");
    try {
      return new Evaluation(trees, elements, types).classify(expressionPath, Bindings.EMPTY);
    } catch (AssertionError e) {
      return javacFailed(e, expressionPath);
    }
  }

  /**
   * Classifies what a static field holds once its class has initialized: its initializer and its class's
   * static blocks in order, a conditional assignment ({@code if (k == null) k = "dev";}) counting as an
   * alternative. Empty when javac holds no source for the field.
   */
  public java.util.Optional<ValueSource> classifyStaticField(javax.lang.model.element.VariableElement field) {
    TreePath declaration = trees.getPath(field);
    if (declaration == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new Evaluation(trees, elements, types).staticFieldValue(declaration, field));
    } catch (AssertionError e) {
      return java.util.Optional.of(javacFailed(e, declaration));
    }
  }

  /**
   * Nothing known, when javac's own assertion failed while the evaluator asked it what a name means: on code with
   * type errors its error recovery can trip its asserts (a call on a boolean literal inside a conditional's
   * arguments), and javac reports those errors itself. Any other AssertionError is the processor's and propagates.
   */
  private static ValueSource javacFailed(AssertionError e, TreePath at) {
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length == 0 || !trace[0].getClassName().startsWith("com.sun.tools.javac.")) {
      throw e;
    }
    return ValueSource.opaque(at, java.util.List.of());
  }
}
