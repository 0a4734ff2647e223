package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.sessionconfig.LookupTree;
import dev.sessionconfig.processor.evaluate.ValueSource.Kind;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A condition that tests a value against {@code null}: {@code x != null}, {@code null == x}, {@code
 * Objects.nonNull(x)}, {@code Objects.isNull(x)}. In {@code x != null ? x : d} it makes the ternary a
 * coalescing of {@code x} and {@code d}, which the loader can replay.
 *
 * @param tested the classification of the tested value
 * @param nonNullWhenTrue whether the condition holds when the value is not null
 */
record NullCheck(ValueSource tested, boolean nonNullWhenTrue) {

  static Optional<NullCheck> of(Evaluation evaluation, TreePath condition, Bindings bindings) {
    TreePath test = Evaluation.unparenthesized(condition);
    Tree leaf = test.getLeaf();
    if (leaf instanceof BinaryTree binary
        && (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
      ExpressionTree operand = isNull(binary.getLeftOperand()) ? binary.getRightOperand()
          : isNull(binary.getRightOperand()) ? binary.getLeftOperand() : null;
      return Optional.ofNullable(operand).map(tested -> new NullCheck(
          evaluation.classify(new TreePath(test, tested), bindings), binary.getKind() == Tree.Kind.NOT_EQUAL_TO));
    }
    if (leaf instanceof MethodInvocationTree call && call.getArguments().size() == 1
        && evaluation.trees.getElement(test) instanceof ExecutableElement method && isObjectsNullTest(method)) {
      ValueSource tested = evaluation.classify(new TreePath(test, call.getArguments().get(0)), bindings);
      return Optional.of(new NullCheck(tested, method.getSimpleName().contentEquals("nonNull")));
    }
    return Optional.empty();
  }

  /**
   * {@code branch} as the value of the non-null side of the test, when it is null exactly when the tested value
   * is: the same lookup, or that lookup stripped or converted (which then runs only on a present value).
   */
  Optional<ValueSource> guarded(ValueSource branch) {
    if (tested.kind() != Kind.LOOKUP || branch.kind() != Kind.LOOKUP) {
      return Optional.empty();
    }
    LookupTree lookup = tested.lookup().orElseThrow();
    return branch.lookup().flatMap(used -> used.presentOnlyOver(lookup)).map(branch::withLookup);
  }

  private static boolean isNull(ExpressionTree tree) {
    return tree.getKind() == Tree.Kind.NULL_LITERAL;
  }

  private static boolean isObjectsNullTest(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    return owner instanceof TypeElement type && type.getQualifiedName().contentEquals("java.util.Objects")
        && (method.getSimpleName().contentEquals("nonNull") || method.getSimpleName().contentEquals("isNull"));
  }
}
