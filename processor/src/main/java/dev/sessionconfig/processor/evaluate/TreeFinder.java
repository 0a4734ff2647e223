package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Searches a subtree. */
public final class TreeFinder {
  private TreeFinder() {}

  /**
   * The paths to every tree under {@code root} (root excluded) that {@code match} accepts, in source order,
   * not looking inside trees that {@code skip} accepts (those may still match themselves).
   */
  public static List<TreePath> find(TreePath root, Predicate<Tree> match, Predicate<Tree> skip) {
    List<TreePath> found = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null) {
          return null;
        }
        if (match.test(tree)) {
          found.add(new TreePath(getCurrentPath(), tree));
        }
        return skip.test(tree) ? null : super.scan(tree, unused);
      }
    }.scan(root, null);
    return found;
  }

  /**
   * Whether javac parsed {@code unit} without leaving error-recovered trees in it. javac processes such a unit
   * only when told to carry on after errors, as IDEs do, and attributing those trees can fail inside javac (an
   * AssertionError): the processor reads only the elements of a unit that did not parse.
   */
  public static boolean parsed(CompilationUnitTree unit) {
    return find(new TreePath(unit), ErroneousTree.class::isInstance, tree -> false).isEmpty();
  }

  /** Code that runs at another time than the code around it: a lambda body or a class body. */
  public static boolean isDeferredBody(Tree tree) {
    return tree instanceof LambdaExpressionTree || tree instanceof ClassTree;
  }
}
