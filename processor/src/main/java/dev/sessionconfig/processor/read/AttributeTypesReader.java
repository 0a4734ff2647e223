package dev.sessionconfig.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.SerializationPatterns;
import dev.sessionconfig.StoredTypes;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Component;
import dev.sessionconfig.processor.facts.StoredTypeFacts.EnumType;
import dev.sessionconfig.processor.facts.StoredTypeFacts.RecordType;
import dev.sessionconfig.processor.facts.StoredTypeFacts.SerializableType;
import dev.sessionconfig.processor.facts.StoredTypeFacts.StoredType;
import dev.sessionconfig.processor.read.AttributeTypeFacts.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads SESSION_ATTRIBUTE_TYPES (class literals in {@code List.of}, {@code Set.of}, {@code Arrays.asList} or an
 * array) and works out, for each declared type, whether its values can be stored and read back exactly: the
 * records and enums it contains join the types that get a codec, and each part that cannot be stored is a
 * {@link Problem} naming its path.
 */
final class AttributeTypesReader {
  private static final Set<String> LIST_FACTORIES = Set.of("java.util.List.of", "java.util.Set.of",
      "java.util.Arrays.asList");

  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final TypeMirror serializable;

  AttributeTypesReader(Trees trees, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.serializable = elements.getTypeElement("java.io.Serializable").asType();
  }

  /**
   * @param initializer the setting's initializer
   * @param allowPatterns SESSION_SERIALIZATION_ALLOW when the code fixes it; empty when only startup knows it
   * @param loaderPackage the package of the generated loader, which must reach every record and enum
   */
  AttributeTypeFacts read(TreePath initializer, Optional<List<String>> allowPatterns, String loaderPackage) {
    List<TreePath> literals = new ArrayList<>();
    if (!literals(initializer, literals, 0)) {
      return new AttributeTypeFacts(List.of(), List.of(), initializer);
    }
    Analysis analysis = new Analysis(allowPatterns, loaderPackage);
    for (TreePath literal : literals) {
      analysis.declared(literal);
    }
    return analysis.result();
  }

  /** Collects the class literals; false when the expression is anything else. */
  private boolean literals(TreePath path, List<TreePath> found, int depth) {
    Tree leaf = path.getLeaf();
    if (depth > 4) {
      return false;
    }
    if (leaf instanceof ParenthesizedTree parenthesized) {
      return literals(new TreePath(path, parenthesized.getExpression()), found, depth);
    }
    if (leaf instanceof TypeCastTree cast) {
      return literals(new TreePath(path, cast.getExpression()), found, depth);
    }
    if (leaf instanceof NewArrayTree array && array.getInitializers() != null) {
      return all(path, array.getInitializers(), found);
    }
    if (leaf instanceof MethodInvocationTree call && trees.getElement(path) instanceof ExecutableElement method
        && LIST_FACTORIES.contains(((TypeElement) method.getEnclosingElement()).getQualifiedName() + "."
            + method.getSimpleName())) {
      return all(path, call.getArguments(), found);
    }
    if (isClassLiteral(leaf)) {
      found.add(path);
      return true;
    }
    if ((leaf instanceof IdentifierTree || leaf instanceof MemberSelectTree)
        && trees.getElement(path) instanceof VariableElement constant
        && constant.getModifiers().contains(Modifier.STATIC) && constant.getModifiers().contains(Modifier.FINAL)) {
      TreePath declaration = trees.getPath(constant);
      return declaration != null && declaration.getLeaf() instanceof VariableTree variable
          && variable.getInitializer() != null
          && literals(new TreePath(declaration, variable.getInitializer()), found, depth + 1);
    }
    return false;
  }

  private boolean all(TreePath parent, List<? extends ExpressionTree> items, List<TreePath> found) {
    for (ExpressionTree item : items) {
      TreePath path = new TreePath(parent, item);
      if (!isClassLiteral(item)) {
        return false;
      }
      found.add(path);
    }
    return true;
  }

  private static boolean isClassLiteral(Tree tree) {
    return tree instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class");
  }

  /** One reading: the types met so far and the problems found. */
  private final class Analysis {
    private final Optional<List<String>> allowPatterns;
    private final String loaderPackage;
    private final Map<String, StoredType> stored = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> declaredNames = new java.util.HashSet<>();

    Analysis(Optional<List<String>> allowPatterns, String loaderPackage) {
      this.allowPatterns = allowPatterns;
      this.loaderPackage = loaderPackage;
    }

    AttributeTypeFacts result() {
      return new AttributeTypeFacts(new ArrayList<>(stored.values()), problems, null);
    }

    /** A class literal of the setting. */
    void declared(TreePath literal) {
      TypeMirror type = trees.getTypeMirror(new TreePath(literal, ((MemberSelectTree) literal.getLeaf()).getExpression()));
      if (!(type instanceof DeclaredType declaredType)) {
        problems.add(new Problem(literal, String.valueOf(type), "", String.valueOf(type) + " is not a class of the"
            + " application: a session stores primitives, arrays and the JDK's value types by itself.",
            "Remove it from SESSION_ATTRIBUTE_TYPES."));
        return;
      }
      TypeElement element = (TypeElement) declaredType.asElement();
      declaredNames.add(element.getQualifiedName().toString());
      String name = element.getQualifiedName().toString();
      if (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM) {
        include(element, new Step(literal, name, ""));
      } else if (element.getKind() == ElementKind.INTERFACE || element.getModifiers().contains(Modifier.ABSTRACT)) {
        sealedOrProblem(element, new Step(literal, name, ""));
      } else if (types.isAssignable(element.asType(), serializable)) {
        stored.putIfAbsent(name, new SerializableType(TypeShapes.name(element)));
      } else {
        problems.add(new Problem(literal, name, "", name + " is neither a record, an enum nor Serializable, so its"
            + " values cannot be stored and read back on another instance.",
            "Make it a record, or let it implement java.io.Serializable."));
      }
    }

    /** A record or enum: included with what it contains, when the generated loader can reach it. */
    private void include(TypeElement element, Step step) {
      String name = element.getQualifiedName().toString();
      if (stored.containsKey(name)) {
        return;
      }
      if (!reachable(element)) {
        problems.add(new Problem(step.literal, step.declared, step.path, "The generated codec of " + name
            + " lives in package " + (loaderPackage.isEmpty() ? "(unnamed)" : loaderPackage) + ", from where "
            + name + " cannot be reached.", "Make it public (and the classes it is nested in), or move it to "
            + (loaderPackage.isEmpty() ? "the unnamed package" : "package " + loaderPackage) + "."));
        return;
      }
      if (element.getKind() == ElementKind.ENUM) {
        List<String> constants = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
          if (field.getKind() == ElementKind.ENUM_CONSTANT) {
            constants.add(field.getSimpleName().toString());
          }
        }
        stored.put(name, new EnumType(TypeShapes.name(element), constants));
        return;
      }
      List<Component> components = new ArrayList<>();
      for (RecordComponentElement component : element.getRecordComponents()) {
        components.add(new Component(component.getSimpleName().toString(), TypeShapes.of(component.asType())));
      }
      stored.put(name, new RecordType(TypeShapes.name(element), !element.getTypeParameters().isEmpty(), components));
      for (RecordComponentElement component : element.getRecordComponents()) {
        check(component.asType(), step.into(element.getSimpleName() + "." + component.getSimpleName()));
      }
    }

    /** A sealed interface or abstract class is its permitted subclasses; any other is unknown until run time. */
    private void sealedOrProblem(TypeElement element, Step step) {
      String name = element.getQualifiedName().toString();
      List<? extends TypeMirror> permitted = element.getPermittedSubclasses();
      if (!element.getModifiers().contains(Modifier.SEALED) || permitted.isEmpty()) {
        problems.add(new Problem(step.literal, step.declared, step.path, name + " is "
            + (element.getKind() == ElementKind.INTERFACE ? "an interface" : "an abstract class") + ", so which"
            + " classes its values have is known only at run time.", "List the records, enums or Serializable"
            + " classes that implement it instead, or make it sealed."));
        return;
      }
      for (TypeMirror subclass : permitted) {
        check(subclass, step);
      }
    }

    /** Whether values of {@code type} can be stored; records and enums met are included. */
    private void check(TypeMirror type, Step step) {
      switch (type.getKind()) {
        case BOOLEAN:
        case BYTE:
        case SHORT:
        case CHAR:
        case INT:
        case LONG:
        case FLOAT:
        case DOUBLE:
        case INTERSECTION: // values of these are checked when they are set
          return;
        case TYPEVAR:
          check(((TypeVariable) type).getUpperBound(), step); // Object, or the records and enums it bounds to
          return;
        case WILDCARD:
          TypeMirror bound = ((WildcardType) type).getExtendsBound();
          if (bound != null) {
            check(bound, step);
          }
          return;
        case ARRAY:
          checkArray(((ArrayType) type).getComponentType(), type, step);
          return;
        case DECLARED:
          checkDeclared((DeclaredType) type, step);
          return;
        default:
          problems.add(step.problem(type + " cannot be stored.", "Declare the component with a storable type."));
      }
    }

    private void checkArray(TypeMirror component, TypeMirror array, Step step) {
      if (component.getKind().isPrimitive()) {
        return;
      }
      if (component instanceof DeclaredType declared) {
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        if (StoredTypes.VALUE_CLASSES.contains(name) || StoredTypes.JDK_ENUMS.contains(name)
            || name.equals("java.lang.Object")) {
          return;
        }
        if (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM) {
          check(component, step);
          return;
        }
      }
      problems.add(step.problem("An array of " + component + " cannot be read back as one: only arrays of"
          + " primitives, of the JDK's value types and of declared records and enums can.",
          "Declare it as a List<" + component + "> instead of " + array + "."));
    }

    private void checkDeclared(DeclaredType type, Step step) {
      TypeElement element = (TypeElement) type.asElement();
      String name = element.getQualifiedName().toString();
      if (StoredTypes.VALUE_CLASSES.contains(name) || StoredTypes.JDK_ENUMS.contains(name)
          || name.equals("java.lang.Object") || name.equals("java.lang.Number") || name.equals("java.lang.Enum")
          || name.equals("java.lang.Record") || name.equals("java.lang.CharSequence")
          || name.equals("java.lang.Comparable") || name.equals("java.io.Serializable")) {
        return; // stored as they are, or checked when set
      }
      Integer arguments = StoredTypes.CONTAINERS.get(name);
      if (arguments != null) {
        for (TypeMirror argument : type.getTypeArguments()) {
          check(argument, step);
        }
        return;
      }
      String readBackAs = StoredTypes.READ_BACK_AS.get(name);
      if (readBackAs != null) {
        problems.add(step.problem("A " + element.getSimpleName() + " is read back as a " + readBackAs + ", which is"
            + " not a " + element.getSimpleName() + ", so the record could not be rebuilt.",
            "Declare it as a " + readBackAs + "."));
        return;
      }
      if (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM) {
        include(element, step);
        for (TypeMirror argument : type.getTypeArguments()) {
          check(argument, step);
        }
        return;
      }
      if (element.getKind() == ElementKind.INTERFACE || element.getModifiers().contains(Modifier.ABSTRACT)) {
        if (element.getModifiers().contains(Modifier.SEALED)) {
          sealedOrProblem(element, step);
        }
        return; // any other interface or abstract class: its values are checked when they are set
      }
      if (!types.isAssignable(types.erasure(type), serializable)) {
        problems.add(step.problem(name + " is neither a record, an enum nor Serializable, so it cannot be stored.",
            "Make it a record, or let it implement java.io.Serializable and list it in SESSION_ATTRIBUTE_TYPES."));
        return;
      }
      if (!declaredNames.contains(name) && allowPatterns.isPresent() && !SerializationPatterns.allows(allowPatterns.get(), name)) {
        problems.add(step.problem(name + " is a Serializable class that neither SESSION_ATTRIBUTE_TYPES lists nor"
            + " SESSION_SERIALIZATION_ALLOW allows, so no instance could read it back.", "List " + name
            + " in SESSION_ATTRIBUTE_TYPES, or allow its package in SESSION_SERIALIZATION_ALLOW."));
      }
    }

    /** Whether the generated loader, in {@link #loaderPackage}, can name and construct the type. */
    private boolean reachable(TypeElement element) {
      for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
        Set<Modifier> modifiers = e.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE) || e.getEnclosingElement() instanceof ExecutableElement
            || !modifiers.contains(Modifier.PUBLIC) && !packageOf(e).equals(loaderPackage)) {
          return false;
        }
      }
      return true;
    }

    private String packageOf(Element element) {
      PackageElement pkg = elements.getPackageOf(element);
      return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    }
  }

  /** Where the analysis is: the literal that led here, the declared type, and the component path. */
  private record Step(TreePath literal, String declared, String path) {
    Step into(String component) {
      return new Step(literal, declared, path.isEmpty() ? component : path + " → " + component);
    }

    Problem problem(String problem, String fix) {
      return new Problem(literal, declared, path, problem, fix);
    }
  }
}
