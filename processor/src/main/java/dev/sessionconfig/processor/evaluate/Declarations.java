package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Finds, in the source javac holds, the expressions that give a variable or a method its value. */
final class Declarations {

  /**
   * One expression that sets a variable, in execution order.
   *
   * @param value the path to the assigned expression
   * @param operator the operator of a compound assignment ({@code PLUS} for {@code +=}), or {@code null}
   * @param conditional whether the assignment may be skipped (it sits in an {@code if}, a loop, a {@code try}...)
   */
  record Source(TreePath value, Tree.Kind operator, boolean conditional) {
    /**
     * Whether this is a call that may change the variable's object in place rather than assign it, such as
     * {@code builder.append(x)} or {@code random.nextBytes(key)}; {@link #value} is then the whole call.
     */
    boolean mutation() {
      return value.getLeaf() instanceof MethodInvocationTree
          && value.getParentPath().getLeaf() instanceof ExpressionStatementTree;
    }
  }

  /** Types whose objects cannot change once made: a call with one as argument changes nothing. */
  private static final Set<String> IMMUTABLE = Set.of("java.lang.String", "java.lang.Boolean",
      "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
      "java.lang.Float", "java.lang.Double", "java.time.Duration", "java.nio.file.Path", "java.util.Optional",
      "java.math.BigInteger", "java.math.BigDecimal");

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

  /**
   * What sets an instance field in the body of a constructor that first calls another constructor ({@code
   * this(...)} or {@code super(...)}): only its own body, since the initializers ran in the other one.
   */
  List<Source> ofInstanceFieldAfter(VariableElement field, ExecutableElement constructor) {
    TreePath body = bodyOf(constructor);
    return body == null ? List.of() : assignments(body, field);
  }

  /**
   * The {@code this(...)} or {@code super(...)} call a constructor starts with, when it is written in its source;
   * empty for a constructor without source and for one that calls the superclass's constructor implicitly.
   */
  Optional<TreePath> delegation(ExecutableElement constructor) {
    TreePath body = bodyOf(constructor);
    if (body == null || ((BlockTree) body.getLeaf()).getStatements().isEmpty()
        || !(((BlockTree) body.getLeaf()).getStatements().get(0) instanceof ExpressionStatementTree first)
        || !(first.getExpression() instanceof MethodInvocationTree call)
        || !(call.getMethodSelect() instanceof IdentifierTree name)
        || !(name.getName().contentEquals("this") || name.getName().contentEquals("super"))) {
      return Optional.empty();
    }
    return Optional.of(new TreePath(new TreePath(body, first), call));
  }

  /** Whether javac has a body for {@code method} (not abstract, native, implicit or from a class file). */
  boolean hasBody(ExecutableElement method) {
    return bodyOf(method) != null;
  }

  /**
   * Whether an object's field keeps the value its construction gave it: a final field, or a private one that no
   * method of its class assigns. Any other field may be changed by code the analyzer does not follow.
   */
  boolean keepsConstructedValue(VariableElement field) {
    if (field.getModifiers().contains(Modifier.FINAL)) {
      return true;
    }
    Optional<TreePath> declaration = declaration(field);
    if (!field.getModifiers().contains(Modifier.PRIVATE) || declaration.isEmpty()) {
      return false;
    }
    TreePath owner = declaration.get().getParentPath();
    for (Tree member : ((ClassTree) owner.getLeaf()).getMembers()) {
      boolean method = member instanceof MethodTree declared
          && !declared.getName().contentEquals("<init>") && declared.getBody() != null;
      if (method && !assignments(new TreePath(owner, member), field).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The collection or array a for-each loop variable iterates over; empty when {@code declaration} declares no
   * such variable.
   */
  static Optional<TreePath> iteratedBy(TreePath declaration) {
    return declaration.getParentPath().getLeaf() instanceof EnhancedForLoopTree loop
        ? Optional.of(new TreePath(declaration.getParentPath(), loop.getExpression()))
        : Optional.empty();
  }

  /**
   * Whether {@code declaration} is a statement of a block (or a {@code for} loop's or a resource's variable),
   * where its initializer and assignments give its value; a pattern, catch or lambda variable is not.
   */
  static boolean isStatementVariable(TreePath declaration) {
    Tree parent = declaration.getParentPath().getLeaf();
    return parent instanceof BlockTree || parent instanceof CaseTree || parent instanceof ForLoopTree
        || parent instanceof TryTree;
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
   * What sets the local variable {@code local}, declared at {@code declaration}, before {@code use} reads it: its
   * initializer and the assignments that end before the read, in textual order.
   */
  List<Source> ofLocal(VariableElement local, TreePath declaration, TreePath use) {
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
  Optional<TreePath> localDeclaration(VariableElement local, TreePath use) {
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

  /**
   * The assignments to {@code variable} that run as part of {@code scope} (not in its lambdas or classes), and,
   * for a variable holding a mutable object, the call statements that may change that object.
   */
  private List<Source> assignments(TreePath scope, Element variable) {
    boolean mutable = mayHoldMutableObject(variable);
    List<Source> sources = new ArrayList<>();
    for (TreePath path : TreeFinder.find(scope,
        tree -> AssignmentTrees.isAssignment(tree) || mutable && isCallStatement(tree), TreeFinder::isDeferredBody)) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof ExpressionStatementTree statement) {
        TreePath call = new TreePath(path, statement.getExpression());
        if (touches((MethodInvocationTree) statement.getExpression(), call, variable)) {
          sources.add(new Source(call, null, !alwaysRuns(call, scope)));
        }
      } else if (variable.equals(trees.getElement(new TreePath(path, AssignmentTrees.target(leaf))))) {
        sources.add(new Source(new TreePath(path, AssignmentTrees.value(leaf)),
            AssignmentTrees.operator(leaf), !alwaysRuns(path, scope)));
      }
    }
    return sources;
  }

  private static boolean isCallStatement(Tree tree) {
    return tree instanceof ExpressionStatementTree statement
        && statement.getExpression() instanceof MethodInvocationTree;
  }

  /** Whether a call statement has {@code variable} as its receiver or as one of its arguments. */
  private boolean touches(MethodInvocationTree call, TreePath callPath, Element variable) {
    List<TreePath> candidates = new ArrayList<>();
    if (call.getMethodSelect() instanceof MemberSelectTree select) {
      candidates.add(new TreePath(new TreePath(callPath, select), select.getExpression()));
    }
    for (ExpressionTree argument : call.getArguments()) {
      candidates.add(new TreePath(callPath, argument));
    }
    for (TreePath candidate : candidates) {
      Tree leaf = candidate.getLeaf();
      if ((leaf instanceof IdentifierTree || leaf instanceof MemberSelectTree)
          && variable.equals(trees.getElement(candidate))) {
        return true;
      }
    }
    return false;
  }

  /** Strings, boxed primitives and primitives cannot change; an array, a builder or a collection can. */
  private static boolean mayHoldMutableObject(Element variable) {
    TypeMirror type = variable.asType();
    if (type.getKind().isPrimitive()) {
      return false;
    }
    if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement typeElement) {
      String name = typeElement.getQualifiedName().toString();
      return !IMMUTABLE.contains(name) && typeElement.getKind() != ElementKind.ENUM
          && typeElement.getKind() != ElementKind.RECORD;
    }
    return type.getKind() == TypeKind.ARRAY || type.getKind() == TypeKind.TYPEVAR;
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
