package dev.sessionconfig.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a list or array initializer, for the secret rule. A class of its own because it
 * reads javac trees: verifying a class that does loads javac's classes, which a compiler without the Tree API
 * (Eclipse's, in an IDE without the {@code jdk.compiler} module) cannot provide; this one is loaded only with trees.
 */
final class ListElements {
  private ListElements() {}

  /** The elements of a {@code List.of(...)}, {@code Arrays.asList(...)} or array initializer; else empty. */
  static List<TreePath> of(TreePath value) {
    Tree leaf = value.getLeaf();
    List<? extends ExpressionTree> items;
    if (leaf instanceof NewArrayTree && ((NewArrayTree) leaf).getInitializers() != null) {
      items = ((NewArrayTree) leaf).getInitializers();
    } else if (leaf instanceof MethodInvocationTree && List.of("of", "asList", "copyOf")
        .contains(methodName((MethodInvocationTree) leaf))) {
      items = ((MethodInvocationTree) leaf).getArguments();
    } else {
      return List.of();
    }
    List<TreePath> paths = new ArrayList<>();
    for (ExpressionTree item : items) {
      paths.add(new TreePath(value, item));
    }
    return paths;
  }

  private static String methodName(MethodInvocationTree call) {
    String select = call.getMethodSelect().toString();
    return select.substring(select.lastIndexOf('.') + 1);
  }
}
