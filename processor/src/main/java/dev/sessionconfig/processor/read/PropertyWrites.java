package dev.sessionconfig.processor.read;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.processor.evaluate.TreeFinder;
import dev.sessionconfig.processor.read.FieldAssignments.PropertyWrite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The system properties an application's entry point sets: {@code System.setProperty("k", v)}, or {@code
 * setProperty}/{@code put} on {@code System.getProperties()}, written in a {@code main} method itself. Only there:
 * {@code main} is the code a servlet container never runs, while a test, a listener or a helper may well set a
 * property before the sessions start, which is correct.
 */
final class PropertyWrites {
  private PropertyWrites() {}

  /** Whether {@code unit}'s text can set a property at all; also when it cannot be read. */
  static boolean maySetProperty(CompilationUnitTree unit) {
    String text;
    try {
      text = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException | UnsupportedOperationException unreadable) {
      return true;
    }
    return text.contains("\\u")
        || text.contains("main") && (text.contains("setProperty") || text.contains("getProperties"));
  }

  /**
   * The property writes in {@code unit}'s {@code main} methods; {@code unresolved} says when resolving a name at a
   * path would make javac attribute a class it cannot attribute yet (such a call is left alone).
   */
  static List<PropertyWrite> in(Trees trees, CompilationUnitTree unit, BiPredicate<Trees, TreePath> unresolved) {
    List<PropertyWrite> writes = new ArrayList<>();
    for (TreePath call : TreeFinder.find(new TreePath(unit), PropertyWrites::mayWrite, tree -> false)) {
      TreePath main = enclosingMain(call);
      if (main == null || unresolved.test(trees, call) || !writesProperty(trees, call)) {
        continue;
      }
      MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
      Element type = trees.getElement(main.getParentPath());
      String owner = type == null || type.getSimpleName().length() == 0 ? "an anonymous class"
          : type.getSimpleName().toString();
      writes.add(new PropertyWrite(new TreePath(call, invocation.getArguments().get(0)),
          new TreePath(call, invocation.getArguments().get(1)), "in method main() of " + owner, call));
    }
    return writes;
  }

  /** A two-argument call of a method named {@code setProperty} or {@code put}, judged from the tree alone. */
  private static boolean mayWrite(Tree tree) {
    return tree instanceof MethodInvocationTree invocation && invocation.getArguments().size() == 2
        && invocation.getMethodSelect() instanceof MemberSelectTree select
        && (select.getIdentifier().contentEquals("setProperty") || select.getIdentifier().contentEquals("put"));
  }

  /** Whether the call sets a system property: {@code System.setProperty}, or a write to {@code System.getProperties()}. */
  private static boolean writesProperty(Trees trees, TreePath call) {
    MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
    if (!(trees.getElement(call) instanceof ExecutableElement method)) {
      return false;
    }
    String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
    if (owner.equals("java.lang.System")) {
      return method.getSimpleName().contentEquals("setProperty");
    }
    TreePath select = new TreePath(call, invocation.getMethodSelect());
    TreePath receiver = new TreePath(select, ((MemberSelectTree) invocation.getMethodSelect()).getExpression());
    return receiver.getLeaf() instanceof MethodInvocationTree
        && trees.getElement(receiver) instanceof ExecutableElement getter
        && getter.getSimpleName().contentEquals("getProperties")
        && ((TypeElement) getter.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.System");
  }

  /**
   * The {@code main} method whose own statements hold the call: {@code void main(String[] args)} (or without
   * parameters, as Java 25 launches it). A call in a lambda or a class within it runs at another time: none.
   */
  private static TreePath enclosingMain(TreePath call) {
    for (TreePath path = call.getParentPath(); path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof MethodTree method) {
        return isMain(method) && path.getParentPath().getLeaf() instanceof ClassTree ? path : null;
      }
      if (TreeFinder.isDeferredBody(leaf)) {
        return null;
      }
    }
    return null;
  }

  private static boolean isMain(MethodTree method) {
    if (!method.getName().contentEquals("main") || !(method.getReturnType() instanceof PrimitiveTypeTree result)
        || result.getPrimitiveTypeKind() != javax.lang.model.type.TypeKind.VOID) {
      return false;
    }
    List<? extends VariableTree> parameters = method.getParameters();
    if (parameters.isEmpty()) {
      return true;
    }
    return parameters.size() == 1 && parameters.get(0).getType() instanceof ArrayTypeTree array
        && (array.getType() instanceof IdentifierTree name && name.getName().contentEquals("String")
            || array.getType() instanceof MemberSelectTree qualified
            && qualified.getIdentifier().contentEquals("String"));
  }
}
