package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.processor.facts.EnumConstant;
import dev.sessionconfig.processor.evaluate.Declarations.Source;
import dev.sessionconfig.processor.evaluate.Intermediate.FunctionValue;
import dev.sessionconfig.processor.evaluate.Intermediate.Instance;
import dev.sessionconfig.processor.evaluate.ValueSource.Kind;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * One classification: walks an expression and the declarations it reaches. Holds the state that must not
 * outlive it: the declarations being followed (to stop at cycles) and those already followed.
 */
final class Evaluation {
  /** Deeper nesting is not classified: it would only risk the compiler's stack. */
  private static final int MAX_DEPTH = 200;
  /**
   * Expressions classified for one value at most: helpers that call helpers several times each could otherwise
   * cost exponential time. Past it the rest is OPAQUE, a miss rather than a false alarm.
   */
  private static final int MAX_STEPS = 20_000;

  final Trees trees;
  final Elements elements;
  final JdkValues jdk;
  private final Types types;
  private final Declarations declarations;
  private final Calls calls;
  private final Set<Object> inProgress = new HashSet<>();
  private final Map<Object, ValueSource> followed = new HashMap<>();
  /** The calls whose method is being followed, innermost first: their arguments are the caller's positions. */
  private final Deque<TreePath> callSites = new ArrayDeque<>();
  private int depth;
  private int steps;

  Evaluation(Trees trees, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.jdk = new JdkValues(elements, types);
    this.declarations = new Declarations(trees);
    this.calls = new Calls(this);
  }

  ValueSource classify(TreePath path, Bindings bindings) {
    if (depth >= MAX_DEPTH || ++steps > MAX_STEPS) {
      return ValueSource.opaque(path, List.of());
    }
    depth++;
    try {
      return anchored(dispatch(path, bindings), path);
    } finally {
      depth--;
    }
  }

  List<ValueSource> classifyAll(TreePath parent, List<? extends Tree> children, Bindings bindings) {
    List<ValueSource> sources = new ArrayList<>();
    for (Tree child : children) {
      sources.add(classify(new TreePath(parent, child), bindings));
    }
    return sources;
  }

  /** The result of calling a lambda or method reference with {@code args}. */
  ValueSource apply(ValueSource function, List<ValueSource> args, TreePath at) {
    if (!(function.raw() instanceof FunctionValue value)) {
      List<ValueSource> parts = new ArrayList<>(args);
      parts.add(function);
      return Combine.opaque(at, parts);
    }
    return value.path().getLeaf() instanceof LambdaExpressionTree lambda
        ? applyLambda(value, lambda, args, at)
        : calls.applyReference(value, args, at);
  }

  /**
   * The value a method returns, when javac has its source: the alternatives of its return statements, with its
   * parameters and {@code this} as {@code bindings} give them. A method that calls itself is OPAQUE.
   */
  Optional<ValueSource> returnOf(ExecutableElement method, Bindings bindings, TreePath at) {
    Supplier<Optional<ValueSource>> returned = () -> declarations.returnedBy(method).map(values -> converted(
        Combine.alternatives(at, classifyAll(values, bindings)), method.getReturnType()));
    if (method.getParameters().isEmpty() && bindings.self() == null) {
      return followOnce(method, at, returned); // the same value wherever it is called
    }
    callSites.push(at);
    try {
      return follow(method, at, returned);
    } finally {
      callSites.pop();
    }
  }

  /** Binds a method's or constructor's parameters to the arguments of {@code call}, variable arity included. */
  Bindings parameters(ExecutableElement method, List<ValueSource> args, TreePath call) {
    Bindings bindings = Bindings.EMPTY;
    List<? extends VariableElement> parameters = method.getParameters();
    int fixed = method.isVarArgs() ? parameters.size() - 1 : parameters.size();
    for (int i = 0; i < fixed && i < args.size(); i++) {
      bindings = bindings.with(parameters.get(i), args.get(i));
    }
    if (!method.isVarArgs() || args.size() < fixed) {
      return bindings;
    }
    VariableElement rest = parameters.get(fixed);
    if (args.size() == parameters.size() && passesArray(call, fixed)) {
      return bindings.with(rest, args.get(fixed));
    }
    TypeMirror component = ((ArrayType) rest.asType()).getComponentType();
    return bindings.with(rest, arrayOf(call, component, args.subList(fixed, args.size())));
  }

  /** Whether argument {@code index} of the call is itself an array (the variable arguments passed as one). */
  private boolean passesArray(TreePath call, int index) {
    List<? extends ExpressionTree> arguments = call.getLeaf() instanceof MethodInvocationTree invocation
        ? invocation.getArguments()
        : call.getLeaf() instanceof NewClassTree creation ? creation.getArguments() : List.of();
    return index < arguments.size()
        && (typeOf(new TreePath(call, arguments.get(index))) instanceof ArrayType
            || arguments.get(index).getKind() == Tree.Kind.NULL_LITERAL);
  }

  /**
   * A field of an object created in the source ({@code new Settings(System.getenv())}): what its initializers and
   * constructor set, with the constructor's parameters bound. Empty when the field may change after construction
   * or its value cannot be followed (a constructor without source, an implicit superclass constructor).
   */
  Optional<ValueSource> objectField(TreePath at, VariableElement field, Instance instance) {
    if (!declarations.keepsConstructedValue(field)) {
      return Optional.empty();
    }
    if (isCanonicalSetting(instance)) {
      return recordComponent(field, instance);
    }
    Bindings bindings = instance.parameters().withSelf(ValueSource.intermediate(at, instance, List.of()));
    ValueSource unassigned = ValueSource.literal(at, ConstantFolding.defaultValue(field.asType().getKind()));
    Optional<TreePath> delegation = declarations.delegation(instance.constructor());
    ExecutableElement target = delegation.map(trees::getElement)
        .filter(ExecutableElement.class::isInstance).map(ExecutableElement.class::cast).orElse(null);
    boolean ownField = field.getEnclosingElement().equals(instance.constructor().getEnclosingElement());
    boolean setFirstByTarget = target != null && target.getEnclosingElement().equals(field.getEnclosingElement());
    if (!setFirstByTarget) { // its initializers and this constructor's body set it; super(...) runs before
      return ownField
          ? follow(List.of(field, instance.constructor()), at, () -> declarations
              .ofInstanceField(field, instance.constructor())
              // a final field is always assigned: if no assignment is found, it was set in a way not followed
              .filter(sources -> !sources.isEmpty() || !field.getModifiers().contains(Modifier.FINAL))
              .map(sources -> assign(field, sources, bindings, unassigned)))
          : Optional.empty();
    }
    TreePath call = delegation.get();
    List<ValueSource> args =
        classifyAll(call, ((MethodInvocationTree) call.getLeaf()).getArguments(), bindings);
    Instance delegated = new Instance(instance.type(), target, parameters(target, args, call));
    return follow(List.of(field, instance.constructor()), at, () -> objectField(at, field, delegated)
        .map(before -> assign(field, declarations.ofInstanceFieldAfter(field, instance.constructor()), bindings,
            before)));
  }

  /**
   * Whether a record's canonical constructor sets the fields itself, after its body if it has one: the implicit
   * one, and a compact one (whose body assigns no field).
   */
  private boolean isCanonicalSetting(Instance instance) {
    ExecutableElement constructor = instance.constructor();
    if (instance.type().getKind() != ElementKind.RECORD) {
      return false;
    }
    List<String> components = instance.type().getRecordComponents().stream()
        .map(component -> component.getSimpleName().toString()).toList();
    List<String> parameters = constructor.getParameters().stream()
        .map(parameter -> parameter.getSimpleName().toString()).toList();
    return elements.getOrigin(constructor) == Elements.Origin.MANDATED || !declarations.hasBody(constructor)
        || components.equals(parameters) && ElementFilter.fieldsIn(instance.type().getEnclosedElements()).stream()
            .filter(field -> !field.getModifiers().contains(Modifier.STATIC))
            .allMatch(field -> declarations.ofInstanceFieldAfter(field, constructor).isEmpty());
  }

  /** A record's field, set by its canonical constructor from the parameter of the same name. */
  private Optional<ValueSource> recordComponent(VariableElement field, Instance instance) {
    List<? extends VariableElement> parameters = instance.constructor().getParameters();
    for (VariableElement parameter : parameters) {
      if (parameter.getSimpleName().contentEquals(field.getSimpleName())) {
        return Optional.ofNullable(instance.parameters().get(parameter)).map(Evaluation::declared);
      }
    }
    return Optional.empty();
  }

  /** Whether javac has a body for {@code method}. */
  boolean hasBody(ExecutableElement method) {
    return declarations.hasBody(method);
  }

  boolean sameErasure(TypeMirror a, TypeMirror b) {
    return types.isSameType(types.erasure(a), types.erasure(b));
  }

  boolean isSubtype(TypeElement type, TypeElement supertype) {
    return types.isSubtype(types.erasure(type.asType()), types.erasure(supertype.asType()));
  }

  /**
   * The text of an enum constant, as {@code String.valueOf} or a concatenation gives it: its name, unless its
   * enum or its class body overrides {@code toString()}, which is then followed with {@code this} bound to it.
   */
  ValueSource textOf(EnumConstant constant, TreePath at) {
    TypeElement type = elements.getTypeElement(constant.enumType());
    if (type == null) {
      return ValueSource.uncomputedLiteral(at);
    }
    List<TypeElement> classes = new ArrayList<>();
    bodyOf(constant).ifPresent(classes::add);
    classes.add(type);
    for (TypeElement declaring : classes) {
      for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
        if (method.getSimpleName().contentEquals("toString") && method.getParameters().isEmpty()) {
          return returnOf(method, Bindings.EMPTY.withSelf(ValueSource.literal(at, constant)), at)
              .orElseGet(() -> ValueSource.uncomputedLiteral(at));
        }
      }
    }
    return ValueSource.literal(at, constant.constant());
  }

  /** The static type of an expression as a class or interface, or {@code null} (primitive, array, error). */
  TypeElement declaredType(TreePath path) {
    TypeMirror type = typeOf(path);
    return type != null && types.erasure(type) instanceof DeclaredType declared
        ? (TypeElement) declared.asElement()
        : null;
  }

  /** Whether javac could not resolve the expression's symbol or type (a class a later round generates...). */
  boolean isError(TreePath path) {
    TypeMirror type = typeOf(path);
    return type != null && type.getKind() == TypeKind.ERROR;
  }

  private TypeMirror typeOf(TreePath path) {
    TypeMirror type = trees.getTypeMirror(path);
    if (type == null) {
      // During annotation processing javac has not attributed method bodies and initializers yet;
      // getElement attributes the enclosing class on demand.
      trees.getElement(path);
      type = trees.getTypeMirror(path);
    }
    return type;
  }

  private ValueSource dispatch(TreePath path, Bindings bindings) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof LiteralTree literal) {
      return ValueSource.literal(path, literal.getValue());
    }
    if (leaf instanceof ParenthesizedTree parenthesized) {
      return classify(new TreePath(path, parenthesized.getExpression()), bindings);
    }
    if (leaf instanceof TypeCastTree cast) {
      return classify(new TreePath(path, cast.getExpression()), bindings); // anchored() applies the conversion
    }
    if (leaf instanceof AssignmentTree assignment) {
      return classify(new TreePath(path, assignment.getExpression()), bindings);
    }
    if (leaf instanceof IdentifierTree || leaf instanceof MemberSelectTree) {
      return reference(path, bindings);
    }
    if (leaf instanceof BinaryTree) {
      return binaryChain(path, bindings);
    }
    if (leaf instanceof UnaryTree unary) {
      ValueSource operand = classify(new TreePath(path, unary.getExpression()), bindings);
      return Combine.derived(path, List.of(operand),
          values -> ConstantFolding.unary(unary.getKind(), values.get(0)));
    }
    if (leaf instanceof ConditionalExpressionTree conditional) {
      return conditional(path, conditional, bindings);
    }
    if (leaf instanceof SwitchExpressionTree switchExpression) {
      return switchExpression(path, switchExpression, bindings);
    }
    if (leaf instanceof MethodInvocationTree invocation) {
      return calls.invocation(path, invocation, bindings);
    }
    if (leaf instanceof NewClassTree creation) {
      return calls.construction(path, creation, bindings);
    }
    if (leaf instanceof NewArrayTree array) {
      return newArray(path, array, bindings);
    }
    if (leaf instanceof ArrayAccessTree access) {
      return arrayAccess(path, access, bindings);
    }
    if (leaf instanceof LambdaExpressionTree || leaf instanceof MemberReferenceTree) {
      return ValueSource.intermediate(path, new FunctionValue(path, bindings), List.of());
    }
    if (leaf instanceof ErroneousTree) {
      return ValueSource.unresolved(path, List.of());
    }
    return unknownShape(path, bindings);
  }

  /**
   * Points the result at the classified expression (keeping a fallback's culprit when it lies inside it) and
   * applies the primitive conversion javac applied to it (a cast, {@code 'a' + 1} as int...).
   */
  private ValueSource anchored(ValueSource result, TreePath path) {
    ValueSource placed = result.kind() == Kind.LITERAL_FALLBACK && (isWithin(result.culpritPath(), path)
            || callSites.stream().anyMatch(call -> isWithin(result.culpritPath(), call)))
        ? result
        : result.withCulprit(unparenthesized(path));
    return converted(placed, typeOf(path));
  }

  private ValueSource converted(ValueSource source, TypeMirror type) {
    return type != null && type.getKind().isPrimitive() && source.isComputed()
        ? source.withValue(ConstantFolding.convert(source.raw(), type.getKind()))
        : source;
  }

  private ValueSource reference(TreePath path, Bindings bindings) {
    Element element = trees.getElement(path);
    if (element == null || isError(path)) {
      return ValueSource.unresolved(path, List.of());
    }
    ValueSource bound = bindings.get(element);
    if (bound != null) {
      return declared(bound);
    }
    if (path.getLeaf() instanceof IdentifierTree name && name.getName().contentEquals("this")) {
      return bindings.self() != null ? bindings.self() : ValueSource.opaque(path, List.of());
    }
    if (element.getKind() == ElementKind.ENUM_CONSTANT) {
      return ValueSource.literal(path, new EnumConstant(
          ((TypeElement) element.getEnclosingElement()).getQualifiedName().toString(), element.getSimpleName().toString()));
    }
    return element instanceof VariableElement variable
        ? ShippedReads.afterLoads(this, variable, path, variable(path, variable, bindings), bindings)
        : ValueSource.opaque(path, List.of()); // a class or package name
  }

  private ValueSource variable(TreePath path, VariableElement variable, Bindings bindings) {
    Object constant = variable.getConstantValue();
    if (constant != null) {
      return ValueSource.literal(path, constant);
    }
    switch (variable.getKind()) {
      case LOCAL_VARIABLE:
      case RESOURCE_VARIABLE: // try (InputStream in = ...)
        Optional<TreePath> declaration = declarations.localDeclaration(variable, path);
        Optional<TreePath> iterated = declaration.flatMap(Declarations::iteratedBy);
        if (iterated.isPresent()) {
          return elementOf(classify(iterated.get(), bindings), path);
        }
        if (declaration.isEmpty() || !Declarations.isStatementVariable(declaration.get())) {
          return ValueSource.opaque(path, List.of()); // not found, or a pattern's or a catch clause's variable
        }
        return follow(variable, path, () -> Optional.of(assign(variable,
                declarations.ofLocal(variable, declaration.get(), path), bindings, ValueSource.literal(path, null))))
            .orElseGet(() -> ValueSource.opaque(path, List.of()));
      case FIELD:
        return variable.getModifiers().contains(Modifier.STATIC)
            ? staticField(path, variable)
            : instanceField(path, variable, bindings);
      default:
        return ValueSource.opaque(path, List.of()); // a method, lambda or catch parameter: the caller's value
    }
  }

  /** The value a static field holds after its class initialized; {@code at} is its declaration. */
  ValueSource staticFieldValue(TreePath at, VariableElement field) {
    return variable(at, field, Bindings.EMPTY);
  }

  private ValueSource staticField(TreePath path, VariableElement field) {
    ValueSource unassigned = ValueSource.literal(path, ConstantFolding.defaultValue(field.asType().getKind()));
    return followOnce(field, path, () -> declarations.ofStaticField(field)
            .map(sources -> assign(field, sources, Bindings.EMPTY, unassigned)))
        .or(() -> jdk.staticField(field).map(value -> ValueSource.literal(path, value)))
        .orElseGet(() -> ValueSource.opaque(path, List.of()));
  }

  /**
   * An instance field is known for an enum constant (its constructor call is in the source), for an object
   * created in the source, and for arrays; a field read by its simple name belongs to {@code this}.
   */
  private ValueSource instanceField(TreePath path, VariableElement field, Bindings bindings) {
    TreePath receiverPath = path.getLeaf() instanceof MemberSelectTree select
        ? new TreePath(path, select.getExpression())
        : null;
    ValueSource receiver = receiverPath != null ? classify(receiverPath, bindings) : bindings.self();
    if (receiver == null) {
      return ValueSource.opaque(path, List.of());
    }
    if (receiver.isComputed() && receiver.raw() instanceof EnumConstant constant) {
      return enumField(path, field, constant).orElseGet(() -> ValueSource.opaque(path, List.of()));
    }
    if (receiver.raw() instanceof Instance instance) {
      return objectField(path, field, instance).orElseGet(() -> Combine.opaque(path, List.of(receiver)));
    }
    if (receiverPath != null && typeOf(receiverPath) instanceof ArrayType) { // array.length
      return Combine.derived(path, List.of(receiver), values -> values.get(0) != null
          ? Optional.of(Array.getLength(values.get(0)))
          : Optional.empty());
    }
    return Combine.opaque(path, List.of(receiver));
  }

  /** What a for-each loop variable takes: one of the elements, when they are known. */
  private static ValueSource elementOf(ValueSource iterable, TreePath at) {
    if (!iterable.elements().isEmpty()) {
      return Combine.alternatives(at, iterable.elements());
    }
    switch (iterable.kind()) {
      case LITERAL:
        return ValueSource.uncomputedLiteral(at);
      case LITERAL_FALLBACK:
      case UNRESOLVED:
        return iterable;
      default:
        return Combine.opaque(at, List.of(iterable));
    }
  }

  /** A field of an enum constant: what its initializer and constructor set, given the constant's arguments. */
  private Optional<ValueSource> enumField(TreePath path, VariableElement field, EnumConstant constant) {
    Optional<TreePath> creationPath = creationOf(constant);
    if (creationPath.isEmpty()
        || !(trees.getElement(creationPath.get()) instanceof ExecutableElement constructor)
        || !constructor.getEnclosingElement().equals(field.getEnclosingElement())) {
      return Optional.empty(); // a constant with a class body runs a constructor of its own
    }
    NewClassTree creation = (NewClassTree) creationPath.get().getLeaf();
    Bindings parameters = parameters(constructor,
        classifyAll(creationPath.get(), creation.getArguments(), Bindings.EMPTY), creationPath.get());
    ValueSource unassigned = ValueSource.literal(path, ConstantFolding.defaultValue(field.asType().getKind()));
    return followOnce(List.of(constant, field), path, () -> declarations.ofInstanceField(field, constructor)
        .map(sources -> assign(field, sources, parameters, unassigned)));
  }

  /** The class body of an enum constant such as {@code DEV { ... }}, whose methods override the enum's. */
  Optional<TypeElement> bodyOf(EnumConstant constant) {
    return creationOf(constant)
        .filter(creation -> ((NewClassTree) creation.getLeaf()).getClassBody() != null)
        .map(creation -> trees.getElement(new TreePath(creation, ((NewClassTree) creation.getLeaf()).getClassBody())))
        .filter(TypeElement.class::isInstance)
        .map(TypeElement.class::cast);
  }

  /** The object creation in an enum constant's declaration, when javac has its source. */
  private Optional<TreePath> creationOf(EnumConstant constant) {
    TypeElement type = elements.getTypeElement(constant.enumType());
    if (type == null) {
      return Optional.empty();
    }
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .filter(field -> field.getKind() == ElementKind.ENUM_CONSTANT
            && field.getSimpleName().contentEquals(constant.constant()))
        .findFirst()
        .filter(Attribution::attributable)
        .map(trees::getPath)
        .filter(declaration -> declaration.getLeaf() instanceof VariableTree variable
            && variable.getInitializer() instanceof NewClassTree)
        .map(declaration -> new TreePath(declaration, ((VariableTree) declaration.getLeaf()).getInitializer()));
  }

  /**
   * The value of {@code variable} after {@code sources} ran in order: an unconditional assignment replaces the
   * value, a conditional one adds an alternative, {@code x += e} combines. Inside each assigned expression the
   * variable itself has the value before that assignment.
   */
  private ValueSource assign(VariableElement variable, List<Source> sources, Bindings bindings,
      ValueSource unassigned) {
    ValueSource current = unassigned;
    for (Source source : sources) {
      ValueSource assigned = classify(source.value(), bindings.with(variable, current));
      if (source.mutation()) { // the object changed in a way not computed here: only its kind is known
        assigned = Combine.derived(source.value(), List.of(current, assigned), values -> Optional.empty());
      } else if (source.operator() != null) {
        assigned = binary(source.operator(), current, assigned, source.value());
      }
      current = source.conditional()
          ? Combine.alternatives(source.value(), List.of(current, assigned))
          : assigned;
    }
    return converted(current, variable.asType());
  }

  /**
   * Follows a declaration: empty when javac has no source for it. A declaration reached again while it is
   * being followed is a cycle, which has no value: OPAQUE.
   */
  private Optional<ValueSource> follow(Object declaration, TreePath at, Supplier<Optional<ValueSource>> value) {
    if (!inProgress.add(declaration)) {
      return Optional.of(ValueSource.opaque(at, List.of()));
    }
    try {
      return value.get().map(Evaluation::declared);
    } finally {
      inProgress.remove(declaration);
    }
  }

  /** {@link #follow} for declarations whose value does not depend on the reader: static fields and methods. */
  private Optional<ValueSource> followOnce(Object declaration, TreePath at,
      Supplier<Optional<ValueSource>> value) {
    ValueSource known = followed.get(declaration);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ValueSource> result = follow(declaration, at, value);
    result.ifPresent(source -> followed.put(declaration, source));
    return result;
  }

  /**
   * A value read through a variable or a method: a mutable value (an array, a StringBuilder, a collection) may
   * have been changed by statements the analyzer does not model, so only its kind survives.
   */
  private static ValueSource declared(ValueSource source) {
    Object value = source.raw();
    boolean mutable = value != null && (value.getClass().isArray() && Array.getLength(value) > 0
        || value instanceof CharSequence && !(value instanceof String)
        || (value instanceof java.util.Collection || value instanceof Map) && !isUnmodifiable(value)
        || value instanceof java.security.MessageDigest);
    return mutable && source.isComputed() ? source.withValue(Optional.empty()) : source;
  }

  /** {@code List.of(...)}, {@code Collections.emptyList()}... : no statement can change them. */
  private static boolean isUnmodifiable(Object collection) {
    String type = collection.getClass().getName();
    return type.startsWith("java.util.ImmutableCollections$") || type.startsWith("java.util.Collections$Empty")
        || type.startsWith("java.util.Collections$Singleton") || type.startsWith("java.util.Collections$Unmodifiable");
  }

  /** A left-nested chain such as {@code "a" + b + "c" + ...}, iteratively: long chains must not overflow. */
  private ValueSource binaryChain(TreePath path, Bindings bindings) {
    Deque<TreePath> levels = new ArrayDeque<>();
    TreePath leftmost = path;
    while (leftmost.getLeaf() instanceof BinaryTree binary) {
      levels.push(leftmost);
      leftmost = new TreePath(leftmost, binary.getLeftOperand());
    }
    ValueSource result = classify(leftmost, bindings);
    while (!levels.isEmpty()) {
      TreePath level = levels.pop();
      BinaryTree binary = (BinaryTree) level.getLeaf();
      ValueSource right = classify(new TreePath(level, binary.getRightOperand()), bindings);
      result = converted(binary(binary.getKind(), result, right, level), typeOf(level));
    }
    return result;
  }

  private ValueSource binary(Tree.Kind operator, ValueSource left, ValueSource right, TreePath at) {
    ValueSource first = operator == Tree.Kind.PLUS ? asText(left, right, at) : left;
    ValueSource second = operator == Tree.Kind.PLUS ? asText(right, left, at) : right;
    return Combine.derived(at, List.of(first, second),
        values -> ConstantFolding.binary(operator, values.get(0), values.get(1)));
  }

  /** An enum constant concatenated to a string, such as {@code "" + Store.REDIS}: its text. */
  private ValueSource asText(ValueSource operand, ValueSource other, TreePath at) {
    return operand.isComputed() && operand.raw() instanceof EnumConstant constant
        && other.isComputed() && other.raw() instanceof String
        ? textOf(constant, at)
        : operand;
  }

  private ValueSource conditional(TreePath path, ConditionalExpressionTree conditional, Bindings bindings) {
    TreePath conditionPath = new TreePath(path, conditional.getCondition());
    ValueSource condition = classify(conditionPath, bindings);
    ValueSource whenTrue = classify(new TreePath(path, conditional.getTrueExpression()), bindings);
    ValueSource whenFalse = classify(new TreePath(path, conditional.getFalseExpression()), bindings);
    Optional<NullCheck> nullCheck = NullCheck.of(this, conditionPath, bindings);
    if (nullCheck.isPresent()) {
      ValueSource nonNull = nullCheck.get().nonNullWhenTrue() ? whenTrue : whenFalse;
      ValueSource otherwise = nullCheck.get().nonNullWhenTrue() ? whenFalse : whenTrue;
      Optional<ValueSource> guarded = nullCheck.get().guarded(nonNull);
      if (guarded.isPresent()) {
        return Combine.coalesce(path, guarded.get(), otherwise);
      }
    }
    Optional<ValueSource> chosen = condition.isComputed() && condition.raw() instanceof Boolean value
        ? Optional.of(value ? whenTrue : whenFalse)
        : Optional.empty();
    return choice(path, condition, List.of(whenTrue, whenFalse), chosen);
  }

  private ValueSource switchExpression(TreePath path, SwitchExpressionTree switchExpression, Bindings bindings) {
    ValueSource selector = classify(new TreePath(path, switchExpression.getExpression()), bindings);
    return choice(path, selector, classifyAll(Declarations.yieldedBy(path), bindings), Optional.empty());
  }

  /**
   * One of {@code options}, selected by {@code selector}: an unresolved selector defers the whole, and its
   * lookups count as seen; when the selector is a constant, {@code chosen} gives the literal's value.
   */
  private static ValueSource choice(TreePath at, ValueSource selector, List<ValueSource> options,
      Optional<ValueSource> chosen) {
    if (selector.kind() == Kind.UNRESOLVED) {
      return Combine.opaque(at, List.of(selector));
    }
    ValueSource result = Combine.alternatives(at, options);
    if (result.kind() == Kind.LITERAL && chosen.isPresent()) {
      return chosen.get().isComputed()
          ? ValueSource.literal(at, chosen.get().raw())
          : ValueSource.uncomputedLiteral(at);
    }
    return result.kind() == Kind.LITERAL || result.kind() == Kind.LOOKUP
        ? result
        : result.withSeenOf(List.of(selector));
  }

  private ValueSource newArray(TreePath path, NewArrayTree array, Bindings bindings) {
    if (array.getInitializers() == null) { // new byte[32]: zeros, a literal whose value is not computed
      TypeMirror type = typeOf(path);
      return Combine.derived(path, classifyAll(path, array.getDimensions(), bindings),
          values -> values.size() == 1 && Integer.valueOf(0).equals(values.get(0)) && type instanceof ArrayType empty
              ? jdk.newArray(empty.getComponentType(), List.of()) // new String[0]: no items
              : Optional.empty());
    }
    List<ValueSource> items = classifyAll(path, array.getInitializers(), bindings);
    return typeOf(path) instanceof ArrayType arrayType
        ? arrayOf(path, arrayType.getComponentType(), items)
        : Combine.derived(path, items, values -> Optional.empty()).withElements(items);
  }

  /** An array of {@code component} holding {@code items}, each still classified on its own. */
  private ValueSource arrayOf(TreePath at, TypeMirror component, List<ValueSource> items) {
    return Combine.derived(at, items, values -> jdk.newArray(component, values)).withElements(items);
  }

  private ValueSource arrayAccess(TreePath path, ArrayAccessTree access, Bindings bindings) {
    ValueSource array = classify(new TreePath(path, access.getExpression()), bindings);
    ValueSource index = classify(new TreePath(path, access.getIndex()), bindings);
    return Combine.derived(path, List.of(array, index), values -> element(values.get(0), values.get(1)));
  }

  private static Optional<Object> element(Object array, Object index) {
    if (array == null || !array.getClass().isArray() || !(index instanceof Integer position)
        || position < 0 || position >= Array.getLength(array)) {
      return Optional.empty();
    }
    return Optional.ofNullable(Array.get(array, position));
  }

  private ValueSource applyLambda(FunctionValue function, LambdaExpressionTree lambda, List<ValueSource> args,
      TreePath at) {
    if (lambda.getParameters().size() != args.size()) {
      return Combine.opaque(at, args);
    }
    Bindings bindings = function.bindings();
    for (int i = 0; i < args.size(); i++) {
      Element parameter = trees.getElement(new TreePath(function.path(), lambda.getParameters().get(i)));
      bindings = bindings.with(parameter, args.get(i));
    }
    TreePath body = new TreePath(function.path(), lambda.getBody());
    return lambda.getBody() instanceof ExpressionTree
        ? classify(body, bindings)
        : Combine.alternatives(at, classifyAll(Declarations.returnedIn(body), bindings));
  }

  /** A shape without a rule is OPAQUE; the variables and calls inside still report their lookups. */
  private ValueSource unknownShape(TreePath path, Bindings bindings) {
    List<ValueSource> parts = new ArrayList<>();
    for (TreePath part : TreeFinder.find(path, Evaluation::isValueReference,
        tree -> isValueReference(tree) || TreeFinder.isDeferredBody(tree))) {
      parts.add(classify(part, bindings));
    }
    return Combine.opaque(path, parts);
  }

  private static boolean isValueReference(Tree tree) {
    return tree instanceof IdentifierTree || tree instanceof MemberSelectTree
        || tree instanceof MethodInvocationTree || tree instanceof NewClassTree;
  }

  private List<ValueSource> classifyAll(List<TreePath> paths, Bindings bindings) {
    List<ValueSource> sources = new ArrayList<>();
    for (TreePath path : paths) {
      sources.add(classify(path, bindings));
    }
    return sources;
  }

  private static boolean isWithin(TreePath inner, TreePath outer) {
    for (TreePath path = inner; path != null; path = path.getParentPath()) {
      if (path.getLeaf() == outer.getLeaf()) {
        return true;
      }
    }
    return false;
  }

  static TreePath unparenthesized(TreePath path) {
    TreePath inner = path;
    while (inner.getLeaf() instanceof ParenthesizedTree parenthesized) {
      inner = new TreePath(inner, parenthesized.getExpression());
    }
    return inner;
  }
}
