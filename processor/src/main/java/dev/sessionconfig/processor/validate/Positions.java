package dev.sessionconfig.processor.validate;

import com.sun.source.util.TreePath;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.SettingField;
import dev.sessionconfig.processor.read.ValueSource;
import java.util.Optional;

/** Points a diagnostic about a setting's value at the subexpression responsible, or else at the field. */
final class Positions {
  private Positions() {}

  /** Reports on the part of the field's effective value that {@code source} blames. */
  static void onValue(Report report, SettingField field, ValueSource source, Message message, Object... arguments) {
    Optional<TreePath> culprit = culpritPath(field, source);
    if (culprit.isPresent()) {
      report.onTree(field.element(), culprit.get(), message, arguments);
    } else {
      report.on(field.element(), message, arguments);
    }
  }

  /** The path to {@code source}'s culprit inside the field's effective assignment, when it can be found. */
  static Optional<TreePath> culpritPath(SettingField field, ValueSource source) {
    TreePath culprit = source.culpritPath();
    // No lambda here: linking one that returns a TreePath fails on a runtime without the Tree API (an IDE's ecj),
    // where no assignment was read and this returns at once.
    if (field.effectiveAssignment().isEmpty()) {
      return Optional.ofNullable(culprit);
    }
    TreePath root = field.effectiveAssignment().get().valuePath();
    // A culprit in another file (a constant followed into another class) would point away from the config.
    if (culprit != null && root.getCompilationUnit() == culprit.getCompilationUnit()) {
      return Optional.of(culprit);
    }
    return source.culprit() == null ? Optional.empty() : Optional.ofNullable(find(root, source.culprit()));
  }

  /** Finds {@code target} below {@code root}, keeping the compilation unit so the position resolves. */
  static TreePath find(TreePath root, com.sun.source.tree.Tree target) {
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
