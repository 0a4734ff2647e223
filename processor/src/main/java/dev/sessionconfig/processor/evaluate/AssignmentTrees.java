package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;

/** Uniform access to {@code x = e} and {@code x op= e}. */
public final class AssignmentTrees {
  private AssignmentTrees() {}

  public static boolean isAssignment(Tree tree) {
    return tree instanceof AssignmentTree || tree instanceof CompoundAssignmentTree;
  }

  /** The assigned variable expression. */
  public static ExpressionTree target(Tree assignment) {
    return assignment instanceof AssignmentTree plain
        ? plain.getVariable()
        : ((CompoundAssignmentTree) assignment).getVariable();
  }

  /** The assigned expression (for {@code x += e}, {@code e}). */
  public static ExpressionTree value(Tree assignment) {
    return assignment instanceof AssignmentTree plain
        ? plain.getExpression()
        : ((CompoundAssignmentTree) assignment).getExpression();
  }

  /** The binary operator of a compound assignment ({@code PLUS} for {@code +=}); {@code null} for {@code =}. */
  static Tree.Kind operator(Tree assignment) {
    if (assignment instanceof AssignmentTree) {
      return null;
    }
    // Every compound kind is named after its binary operator: PLUS_ASSIGNMENT is PLUS, and so on.
    String name = assignment.getKind().name();
    return Tree.Kind.valueOf(name.substring(0, name.length() - "_ASSIGNMENT".length()));
  }
}
