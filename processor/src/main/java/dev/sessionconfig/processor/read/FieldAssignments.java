package dev.sessionconfig.processor.read;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.evaluate.AssignmentTrees;
import dev.sessionconfig.processor.evaluate.Attribution;
import dev.sessionconfig.processor.evaluate.TreeFinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Every place in a round's compilation units that sets a field named like a setting (only settings' assignments
 * are asked for): its initializer and each {@code =} or compound assignment, wherever it is. Assignments are
 * matched by the element they assign, so {@code Config.SECRET_KEY = ...} in another class counts and a local
 * variable of the same name does not. Built once per round that has config classes; only the units whose source
 * text names a setting are walked.
 */
public final class FieldAssignments {

  /** When an assignment runs, relative to the field's class. */
  public enum Place {
    /** The field's own initializer. */
    INITIALIZER,
    /**
     * The static initialization of the field's own class: a static block, or a static field's initializer.
     * The static initializer of another class is {@link #OTHER}: it runs at another time.
     */
    STATIC_INITIALIZER,
    /** A constructor, an instance initializer block or an instance field's initializer, of any class. */
    CONSTRUCTOR_OR_INSTANCE_INITIALIZER,
    /** A method of any class, such as {@code main}. */
    METHOD,
    /** Anywhere else: a lambda, another class's static initialization. */
    OTHER
  }

  /**
   * One place that sets the field.
   *
   * @param valuePath the path to the assigned expression (for {@code x += e}, to {@code e})
   * @param where where it is, for messages: {@code in the field's initializer}, {@code in the static
   *     initializer of Config}, {@code in the constructor of Config}, {@code in method main() of App}
   * @param statementPath the statement that assigns: the field's declaration, usually an expression statement
   */
  public record Assignment(TreePath valuePath, Place place, String where, TreePath statementPath) {}

  /**
   * A system property set in an application's {@code main} method: {@code System.setProperty(name, value)}, or
   * {@code setProperty} or {@code put} on {@code System.getProperties()}.
   *
   * @param namePath the path to the property's name, an expression the reader folds
   * @param valuePath the path to the value set
   * @param where where it is, for messages: {@code in method main() of App}
   * @param statementPath the call
   */
  public record PropertyWrite(TreePath namePath, TreePath valuePath, String where, TreePath statementPath) {}

  private final Trees trees;
  private final Map<Element, List<Assignment>> byField = new HashMap<>();
  private final List<PropertyWrite> propertyWrites = new ArrayList<>();

  public FieldAssignments(Trees trees, Iterable<? extends CompilationUnitTree> units) {
    this.trees = Objects.requireNonNull(trees, "trees");
    for (CompilationUnitTree unit : units) {
      boolean namesSetting = SettingNameScan.mayNameSetting(unit);
      boolean setsProperty = PropertyWrites.maySetProperty(unit);
      if (!namesSetting && !setsProperty || !TreeFinder.parsed(unit)) {
        continue;
      }
      if (namesSetting) {
        for (TreePath path : TreeFinder.find(new TreePath(unit), FieldAssignments::setsVariable, tree -> false)) {
          index(path);
        }
      }
      if (setsProperty) {
        PropertyWrites.in(trees, unit, FieldAssignments::attributesUnresolvedClass).forEach(propertyWrites::add);
      }
    }
  }

  /** Every system property set in a {@code main} method of this round's units, in source order. */
  public List<PropertyWrite> propertyWrites() {
    return List.copyOf(propertyWrites);
  }

  /** The places that set {@code field}, in source order, its initializer first when it has one. */
  public List<Assignment> of(VariableElement field) {
    List<Assignment> found = byField.getOrDefault(field, List.of());
    if (found.stream().anyMatch(assignment -> assignment.place() == Place.INITIALIZER)) {
      return found;
    }
    // The declaration is in a unit that is not among this round's: javac may still have its tree.
    TreePath declaration = trees.getPath(field);
    if (declaration == null || !(declaration.getLeaf() instanceof VariableTree variable)
        || variable.getInitializer() == null) {
      return found;
    }
    List<Assignment> all = new ArrayList<>();
    all.add(initializer(declaration));
    all.addAll(found);
    return List.copyOf(all);
  }

  private static boolean setsVariable(Tree tree) {
    return AssignmentTrees.isAssignment(tree)
        || tree instanceof VariableTree variable && variable.getInitializer() != null;
  }

  /**
   * Records {@code path} when it sets a field named like a setting: only settings' assignments are ever asked for.
   * Decided from the tree before javac is asked what a name means, because resolving a name makes javac attribute
   * the whole class, and on a class with errors that can trip javac's own asserts during processing.
   */
  private void index(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof VariableTree variable) {
      if (path.getParentPath().getLeaf() instanceof ClassTree && namesSetting(variable.getName())
          && isField(trees.getElement(path))) {
        record(trees.getElement(path), initializer(path));
      }
      return;
    }
    ExpressionTree target = AssignmentTrees.target(leaf);
    Name name = target instanceof IdentifierTree identifier ? identifier.getName()
        : target instanceof MemberSelectTree select ? select.getIdentifier() : null;
    if (name == null || !namesSetting(name) || attributesUnresolvedClass(path)) {
      return;
    }
    Element assigned = trees.getElement(new TreePath(path, target));
    if (isField(assigned)) {
      Placement placement = placement(path, assigned);
      record(assigned, new Assignment(new TreePath(path, AssignmentTrees.value(leaf)), placement.place(),
          placement.where(), statementOf(path)));
    }
  }

  private void record(Element field, Assignment assignment) {
    byField.computeIfAbsent(field, key -> new ArrayList<>()).add(assignment);
  }

  /**
   * Whether resolving a name at {@code path} would make javac attribute a class it cannot attribute yet (see
   * {@link Attribution#attributable}), judged by the innermost member or top-level class around it, whose
   * element javac has without attributing. Such an assignment is seen in a later round, once the missing type
   * exists, or never, when javac reports it missing.
   */
  private boolean attributesUnresolvedClass(TreePath path) {
    return attributesUnresolvedClass(trees, path);
  }

  private static boolean attributesUnresolvedClass(Trees trees, TreePath path) {
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree parent = p.getParentPath().getLeaf();
      if (p.getLeaf() instanceof ClassTree && (parent instanceof ClassTree || parent instanceof CompilationUnitTree)) {
        return !(trees.getElement(p) instanceof TypeElement type) || !Attribution.attributable(type);
      }
    }
    return false;
  }

  private static boolean namesSetting(Name name) {
    return Setting.named(name.toString()).isPresent();
  }

  private static boolean isField(Element element) {
    return element != null
        && (element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.ENUM_CONSTANT);
  }

  private static Assignment initializer(TreePath declaration) {
    ExpressionTree value = ((VariableTree) declaration.getLeaf()).getInitializer();
    return new Assignment(new TreePath(declaration, value), Place.INITIALIZER, "in the field's initializer",
        declaration);
  }

  /** The statement an assignment belongs to; the assignment itself when it is a lambda's expression body. */
  private static TreePath statementOf(TreePath assignment) {
    for (TreePath path = assignment; path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof StatementTree) {
        return path;
      }
      if (TreeFinder.isDeferredBody(path.getLeaf())) {
        break;
      }
    }
    return assignment;
  }

  private record Placement(Place place, String where) {}

  /** Where an assignment runs: in the class member that encloses it, or in a lambda within that member. */
  private Placement placement(TreePath assignment, Element field) {
    boolean inLambda = false;
    for (TreePath path = assignment; path.getParentPath() != null; path = path.getParentPath()) {
      inLambda |= path.getLeaf() instanceof LambdaExpressionTree;
      if (path.getParentPath().getLeaf() instanceof ClassTree) {
        Placement member = member(path, field);
        return inLambda ? new Placement(Place.OTHER, "in a lambda " + member.where()) : member;
      }
    }
    return new Placement(Place.OTHER, "outside any class");
  }

  private Placement member(TreePath member, Element field) {
    Element owner = trees.getElement(member.getParentPath());
    String type = owner == null || owner.getSimpleName().length() == 0
        ? "an anonymous class"
        : owner.getSimpleName().toString();
    boolean ownClass = owner != null && owner.equals(field.getEnclosingElement());
    Place staticPlace = ownClass ? Place.STATIC_INITIALIZER : Place.OTHER;
    Tree leaf = member.getLeaf();
    if (leaf instanceof MethodTree method) {
      return method.getName().contentEquals("<init>")
          ? new Placement(Place.CONSTRUCTOR_OR_INSTANCE_INITIALIZER, "in the constructor of " + type)
          : new Placement(Place.METHOD, "in method " + method.getName() + "() of " + type);
    }
    if (leaf instanceof BlockTree block) {
      return block.isStatic()
          ? new Placement(staticPlace, "in the static initializer of " + type)
          : new Placement(Place.CONSTRUCTOR_OR_INSTANCE_INITIALIZER, "in an instance initializer of " + type);
    }
    if (leaf instanceof VariableTree variable) {
      String where = "in the initializer of field " + variable.getName() + " of " + type;
      return variable.getModifiers().getFlags().contains(Modifier.STATIC)
          ? new Placement(staticPlace, where)
          : new Placement(Place.CONSTRUCTOR_OR_INSTANCE_INITIALIZER, where);
    }
    return new Placement(Place.OTHER, "in " + type);
  }
}
