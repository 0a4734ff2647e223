package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/** Finds, in the source javac holds, the expressions that give a variable or a method its value. */
final class Declarations {

  /**
   * One expression that sets a variable, in execution order.
   *
   * @param value the path to the assigned expression
   * @param operator the operator of a compound assignment ({@code PLUS} for {@code +=}), or {@code null}
   * @param conditional whether the assignment may be skipped (it sits in an {@code if}, a loop, a {@code try}...)
   */
  record Source(TreePath value, Tree.Kind operator, boolean conditional) {}

  private final Trees trees;

  Declarations(Trees trees) {
    this.trees = trees;
  }

  /**
   * What sets a static field while its class initializes: the initializer and the static blocks, in textual
   * order, which is the order they run in. Empty when javac has no source for the field.
   */
  Optional<List<Source>> ofStaticField(VariableElement field) {
    return declaration(field).map(declaration -> initialization(declaration, field, true));
  }

  /**
   * What sets an instance field when {@code constructor} creates an object: the initializer and the instance
   * initializer blocks in textual order, then the constructor's body. Empty when javac has no source for it.
   */
  Optional<List<Source>> ofInstanceField(VariableElement field, ExecutableElement constructor) {
    return declaration(field).map(declaration -> {
      List<Source> sources = initialization(declaration, field, false);
      TreePath body = bodyOf(constructor);
      if (body != null) {
        sources.addAll(assignments(body, field));
      }
      return sources;
    });
  }

  /** The field's initializer and the assignments in the static (or instance) initializer blocks of its class. */
  private List<Source> initialization(TreePath declaration, VariableElement field, boolean isStatic) {
    List<Source> sources = new ArrayList<>();
    TreePath owner = declaration.getParentPath();
    for (Tree member : ((ClassTree) owner.getLeaf()).getMembers()) {
      if (member == declaration.getLeaf()) {
        sources.addAll(initializer(declaration));
      } else if (member instanceof BlockTree block && block.isStatic() == isStatic) {
        sources.addAll(assignments(new TreePath(owner, block), field));
      }
    }
    return sources;
  }

  /**
   * What sets a local variable before {@code use} reads it: its initializer and the assignments that end
   * before the read, in textual order. Empty when the declaration is not found.
   */
  Optional<List<Source>> ofLocal(VariableElement local, TreePath use) {
    return localDeclaration(local, use).map(declaration -> {
      List<Source> sources = new ArrayList<>(initializer(declaration));
      SourcePositions positions = trees.getSourcePositions();
      long read = positions.getStartPosition(use.getCompilationUnit(), use.getLeaf());
      for (Source source : assignments(declaration.getParentPath(), local)) {
        Tree assignment = source.value().getParentPath().getLeaf();
        if (positions.getEndPosition(use.getCompilationUnit(), assignment) <= read) {
          sources.add(source);
        }
      }
      return sources;
    });
  }

  /** The expressions a method returns; empty when javac has no body for it (abstract, native, class file). */
  Optional<List<TreePath>> returnedBy(ExecutableElement method) {
    return Optional.ofNullable(bodyOf(method)).map(Declarations::returnedIn);
  }

  /** The expressions the {@code return} statements of a method or lambda body return. */
  static List<TreePath> returnedIn(TreePath body) {
    List<TreePath> values = new ArrayList<>();
    for (TreePath path : TreeFinder.find(body, ReturnTree.class::isInstance, TreeFinder::isDeferredBody)) {
      ExpressionTree value = ((ReturnTree) path.getLeaf()).getExpression();
      if (value != null) {
        values.add(new TreePath(path, value));
      }
    }
    return values;
  }

  /** The values a switch expression can take: its case expressions and the values its cases yield. */
  static List<TreePath> yieldedBy(TreePath switchExpression) {
    List<TreePath> values = new ArrayList<>();
    for (CaseTree kase : ((SwitchExpressionTree) switchExpression.getLeaf()).getCases()) {
      TreePath casePath = new TreePath(switchExpression, kase);
      if (kase.getBody() instanceof ExpressionTree value) {
        values.add(new TreePath(casePath, value));
        continue;
      }
      for (TreePath path : TreeFinder.find(casePath, YieldTree.class::isInstance,
          tree -> TreeFinder.isDeferredBody(tree) || tree instanceof SwitchExpressionTree)) {
        values.add(new TreePath(path, ((YieldTree) path.getLeaf()).getValue()));
      }
    }
    return values;
  }

  private Optional<TreePath> declaration(VariableElement field) {
    TreePath path = Attribution.attributable(field) ? trees.getPath(field) : null;
    return path != null && path.getLeaf() instanceof VariableTree && path.getParentPath() != null
        && path.getParentPath().getLeaf() instanceof ClassTree
        ? Optional.of(path)
        : Optional.empty();
  }

  /**
   * A local's declaration: in the class member that encloses the read, or, for a local captured by a local or
   * anonymous class, in a member further out.
   */
  private Optional<TreePath> localDeclaration(VariableElement local, TreePath use) {
    for (TreePath path = use; path.getParentPath() != null; path = path.getParentPath()) {
      if (path.getParentPath().getLeaf() instanceof ClassTree) {
        for (TreePath candidate : TreeFinder.find(path, VariableTree.class::isInstance, tree -> false)) {
          if (local.equals(trees.getElement(candidate))) {
            return Optional.of(candidate);
          }
        }
      }
    }
    return Optional.empty();
  }

  private TreePath bodyOf(ExecutableElement method) {
    TreePath path = Attribution.attributable(method) ? trees.getPath(method) : null;
    if (path == null || !(path.getLeaf() instanceof MethodTree declaration) || declaration.getBody() == null) {
      return null;
    }
    return new TreePath(path, declaration.getBody());
  }

  private static List<Source> initializer(TreePath declaration) {
    ExpressionTree value = ((VariableTree) declaration.getLeaf()).getInitializer();
    return value == null ? List.of() : List.of(new Source(new TreePath(declaration, value), null, false));
  }

  /** The assignments to {@code variable} that run as part of {@code scope} (not in its lambdas or classes). */
  private List<Source> assignments(TreePath scope, Element variable) {
    List<Source> sources = new ArrayList<>();
    for (TreePath path : TreeFinder.find(scope, AssignmentTrees::isAssignment, TreeFinder::isDeferredBody)) {
      Tree assignment = path.getLeaf();
      if (variable.equals(trees.getElement(new TreePath(path, AssignmentTrees.target(assignment))))) {
        sources.add(new Source(new TreePath(path, AssignmentTrees.value(assignment)),
            AssignmentTrees.operator(assignment), !alwaysRuns(path, scope)));
      }
    }
    return sources;
  }

  /** Whether the assignment is a statement of {@code scope}'s block, or of plain blocks nested in it. */
  private static boolean alwaysRuns(TreePath assignment, TreePath scope) {
    TreePath statement = assignment.getParentPath();
    if (!(scope.getLeaf() instanceof BlockTree) || !(statement.getLeaf() instanceof ExpressionStatementTree)) {
      return false;
    }
    for (TreePath path = statement.getParentPath(); path != null; path = path.getParentPath()) {
      if (path.getLeaf() == scope.getLeaf()) {
        return true;
      }
      if (!(path.getLeaf() instanceof BlockTree)) {
        return false;
      }
    }
    return false;
  }
}
