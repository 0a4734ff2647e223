package dev.sessionconfig.processor.read;

import com.sun.source.util.TreePath;
import dev.sessionconfig.processor.Position;
import dev.sessionconfig.processor.evaluate.ValueSource;
import javax.lang.model.element.Element;

/** Where a diagnostic about a value points: the subexpression responsible, or else the field. */
final class Culprits {
  private Culprits() {}

  /**
   * The position of {@code source}'s culprit inside {@code root}, the assigned expression it was classified from;
   * the field when it cannot be found.
   *
   * @param root the assigned expression, or {@code null} when no assignment was read
   */
  static Position of(Element field, TreePath root, ValueSource source) {
    TreePath culprit = source.culpritPath();
    if (root == null) {
      return culprit != null ? Position.inTree(field, culprit) : Position.of(field);
    }
    // A culprit in another file (a constant followed into another class) would point away from the config.
    if (culprit != null && root.getCompilationUnit() == culprit.getCompilationUnit()) {
      return Position.inTree(field, culprit);
    }
    return source.culprit() == null ? Position.of(field) : Position.inTree(field, find(root, source.culprit()));
  }

  /** Finds {@code target} below {@code root}, keeping the compilation unit so the position resolves. */
  private static TreePath find(TreePath root, com.sun.source.tree.Tree target) {
    if (root.getLeaf() == target) {
      return root;
    }
    TreePath[] found = new TreePath[1];
    new com.sun.source.util.TreePathScanner<Void, Void>() {
      @Override
      public Void scan(com.sun.source.tree.Tree tree, Void unused) {
        if (tree != null && tree == target && found[0] == null) {
          found[0] = new TreePath(getCurrentPath(), tree);
          return null;
        }
        return super.scan(tree, unused);
      }
    }.scan(root, null);
    // A culprit outside this initializer (a constant followed into another class): blame the initializer.
    return found[0] != null ? found[0] : root;
  }
}
