package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import dev.sessionconfig.Conversion;
import dev.sessionconfig.LookupTree;
import dev.sessionconfig.SessionType;
import dev.sessionconfig.processor.facts.EnumConstant;
import dev.sessionconfig.processor.evaluate.Intermediate.FunctionValue;
import dev.sessionconfig.processor.evaluate.Intermediate.Instance;
import dev.sessionconfig.processor.evaluate.Intermediate.LookupMap;
import dev.sessionconfig.processor.evaluate.Intermediate.OptionalOf;
import dev.sessionconfig.processor.evaluate.ValueSource.Kind;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Method and constructor calls: the lookups, the ways to default a lookup, the JDK's pure functions, and the
 * methods whose source javac has. Each rule either claims a call or passes it on; a call no rule claims is
 * OPAQUE (a key-management lookup, a library, code without source).
 */
final class Calls {

  /**
   * One call.
   *
   * @param receiver the receiver's classification; {@code null} for static methods, constructors and calls
   *     on the implicit {@code this}
   * @param receiverType the static type of the receiver or qualifier, when it is a class ({@code null} if none)
   * @param at the call, for the result's culprit
   */
  record Call(ExecutableElement method, ValueSource receiver, List<ValueSource> args, TypeElement receiverType,
      TreePath at) {

    String owner() {
      return ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
    }

    String name() {
      return method.getSimpleName().toString();
    }

    /** The method's name and argument count, such as {@code getOrDefault/2}. */
    String shape() {
      return name() + "/" + args.size();
    }

    ValueSource arg(int index) {
      return args.get(index);
    }

    /** The receiver, when there is one, and the arguments. */
    List<ValueSource> inputs() {
      List<ValueSource> inputs = new ArrayList<>();
      if (receiver != null) {
        inputs.add(receiver);
      }
      inputs.addAll(args);
      return inputs;
    }
  }

  private final Evaluation evaluation;
  private final List<Function<Call, Optional<ValueSource>>> rules;

  Calls(Evaluation evaluation) {
    this.evaluation = evaluation;
    this.rules = List.of(this::randomSources, this::lookups, this::nullDefaults, this::optionals, this::lookupMaps,
        this::mapDefaults, this::functions, this::enums, this::enumText, this::stripped, this::conversions,
        this::stringOfLookup, ShippedReads::of, this::pure, this::objects, this::withSource, this::defaultingGetters);
  }

  ValueSource invocation(TreePath path, MethodInvocationTree invocation, Bindings bindings) {
    if (!(evaluation.trees.getElement(path) instanceof ExecutableElement method) || evaluation.isError(path)) {
      return ValueSource.unresolved(path, List.of());
    }
    ValueSource receiver = null;
    TypeElement receiverType = null;
    ExpressionTree select = invocation.getMethodSelect();
    if (select instanceof MemberSelectTree member) {
      TreePath qualifier = new TreePath(new TreePath(path, select), member.getExpression());
      receiverType = evaluation.declaredType(qualifier);
      if (!method.getModifiers().contains(Modifier.STATIC)) {
        receiver = evaluation.classify(qualifier, bindings);
      }
    } else if (!method.getModifiers().contains(Modifier.STATIC)) {
      receiver = bindings.self(); // a method of this object, when the object is known
    }
    List<ValueSource> args = evaluation.classifyAll(path, invocation.getArguments(), bindings);
    return invoke(new Call(method, receiver, args, receiverType, path));
  }

  ValueSource construction(TreePath path, NewClassTree creation, Bindings bindings) {
    if (!(evaluation.trees.getElement(path) instanceof ExecutableElement constructor) || evaluation.isError(path)) {
      return ValueSource.unresolved(path, List.of());
    }
    List<ValueSource> args = evaluation.classifyAll(path, creation.getArguments(), bindings);
    if (creation.getClassBody() != null) {
      return Combine.opaque(path, args); // an anonymous class: its methods are its own code
    }
    return invoke(new Call(constructor, null, args, null, path));
  }

  /** Calls a method reference: {@code Type::staticMethod}, {@code Type::instanceMethod}, {@code expr::method}. */
  ValueSource applyReference(FunctionValue function, List<ValueSource> args, TreePath at) {
    MemberReferenceTree reference = (MemberReferenceTree) function.path().getLeaf();
    if (!(evaluation.trees.getElement(function.path()) instanceof ExecutableElement method)) {
      return Combine.opaque(at, args); // e.g. String[]::new
    }
    TreePath qualifier = new TreePath(function.path(), reference.getQualifierExpression());
    TypeElement qualifierType = evaluation.declaredType(qualifier);
    if (method.getModifiers().contains(Modifier.STATIC) || method.getKind() == ElementKind.CONSTRUCTOR) {
      return invoke(new Call(method, null, args, qualifierType, at));
    }
    if (evaluation.trees.getElement(qualifier) instanceof TypeElement) { // unbound: the first argument receives
      return args.isEmpty()
          ? Combine.opaque(at, args)
          : invoke(new Call(method, args.get(0), args.subList(1, args.size()), qualifierType, at));
    }
    ValueSource receiver = evaluation.classify(qualifier, function.bindings());
    return invoke(new Call(method, receiver, args, qualifierType, at));
  }

  private ValueSource invoke(Call call) {
    if (call.inputs().stream().anyMatch(input -> input.kind() == Kind.UNRESOLVED)) {
      return Combine.opaque(call.at(), call.inputs()); // unresolved, as its input
    }
    Call dispatched = dispatched(call);
    for (Function<Call, Optional<ValueSource>> rule : rules) {
      Optional<ValueSource> result = rule.apply(dispatched);
      if (result.isPresent()) {
        return result.get();
      }
    }
    return Combine.opaque(call.at(), call.inputs());
  }

  /**
   * The method that runs: javac resolves {@code DEV.toString()} to the enum's method, but a constant with a
   * class body ({@code DEV { ... }}) runs its own override.
   */
  private Call dispatched(Call call) {
    if (call.receiver() == null || call.method().getKind() != ElementKind.METHOD) {
      return call;
    }
    List<TypeElement> classes;
    if (call.receiver().isComputed() && call.receiver().raw() instanceof EnumConstant constant) {
      classes = evaluation.bodyOf(constant).map(List::of).orElse(List.of());
    } else if (call.receiver().raw() instanceof Instance instance) {
      classes = Attribution.hierarchy(instance.type()); // created here: its class is known exactly
    } else {
      return call;
    }
    for (TypeElement type : classes) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (method.equals(call.method()) || evaluation.elements.overrides(method, call.method(), classes.get(0))) {
          return new Call(method, call.receiver(), call.args(), call.receiverType(), call.at());
        }
      }
    }
    return call;
  }

  /**
   * The JDK's random sources: what they make differs in every process ({@code new SecureRandom()}, {@code
   * KeyGenerator.getInstance("HmacSHA256")}, {@code UUID.randomUUID()}).
   */
  private Optional<ValueSource> randomSources(Call call) {
    boolean random = switch (call.owner()) {
      case "java.security.SecureRandom", "java.util.Random", "java.util.SplittableRandom" ->
          call.method().getKind() == ElementKind.CONSTRUCTOR || call.name().startsWith("getInstance");
      case "java.util.concurrent.ThreadLocalRandom" -> call.name().equals("current");
      case "javax.crypto.KeyGenerator", "java.security.KeyPairGenerator" -> call.name().equals("getInstance");
      case "java.util.UUID" -> call.name().equals("randomUUID");
      default -> false;
    };
    return random ? Optional.of(Combine.opaque(call.at(), call.inputs()).asRandom()) : Optional.empty();
  }

  /** The reads of the environment, system properties and files that the loader can replay. */
  private Optional<ValueSource> lookups(Call call) {
    switch (call.owner() + "." + call.shape()) {
      case "java.lang.System.getenv/1":
        return Optional.of(named(call, LookupTree::env));
      case "java.lang.System.getenv/0":
        return Optional.of(ValueSource.intermediate(call.at(), LookupMap.ENVIRONMENT, List.of()));
      case "java.lang.System.getProperties/0":
        return Optional.of(ValueSource.intermediate(call.at(), LookupMap.PROPERTIES, List.of()));
      case "java.lang.System.getProperty/1":
        return Optional.of(named(call, LookupTree::property));
      case "java.lang.System.getProperty/2":
        return Optional.of(Combine.coalesce(call.at(), named(call, LookupTree::property), call.arg(1)));
      case "java.lang.Boolean.getBoolean/1": // false when the property is not set
        return Optional.of(named(call, name -> LookupTree.property(name)
            .converted(Conversion.toBoolean("Boolean.getBoolean"))));
      case "java.lang.Integer.getInteger/1": // null when the property is not set; decoded like Integer.decode
      case "java.lang.Long.getLong/1":
        return Optional.of(named(call, name -> decoded(call, LookupTree.property(name))));
      case "java.lang.Integer.getInteger/2":
      case "java.lang.Long.getLong/2":
        return Optional.of(Combine.coalesce(call.at(),
            named(call, name -> decoded(call, LookupTree.property(name))), call.arg(1)));
      case "java.nio.file.Files.readString/1":
      case "java.nio.file.Files.readString/2":
      case "java.nio.file.Files.readAllBytes/1":
        return Optional.of(file(call));
      default:
        return Optional.empty();
    }
  }

  /** The null-defaulting helpers of the JDK and of the usual libraries (Guava, Commons Lang). */
  private Optional<ValueSource> nullDefaults(Call call) {
    if (call.owner().equals("java.util.Objects")) {
      switch (call.shape()) {
        case "requireNonNull/1":
        case "requireNonNull/2":
          return Optional.of(call.arg(0));
        case "requireNonNullElse/2":
        case "toString/2":
          return Optional.of(Combine.coalesce(call.at(), call.arg(0), call.arg(1)));
        case "requireNonNullElseGet/2":
          return Optional.of(Combine.coalesce(call.at(), call.arg(0), supplied(call, 1)));
        default:
          return Optional.empty();
      }
    }
    switch (call.shape()) {
      case "firstNonNull/2": // Guava's MoreObjects, Commons' ObjectUtils
      case "defaultIfNull/2": // Commons' ObjectUtils
      case "defaultString/2": // Commons' StringUtils
        return Optional.of(Combine.coalesce(call.at(), call.arg(0), call.arg(1)));
      case "defaultIfEmpty/2": // Commons' StringUtils: also replaces "", which the loader does not replay
      case "defaultIfBlank/2":
        return Optional.of(Combine.alternatives(call.at(), call.args()));
      default:
        return Optional.empty();
    }
  }

  /** {@code Optional.ofNullable(x)} and what turns it back into a value. */
  private Optional<ValueSource> optionals(Call call) {
    if (!call.owner().equals("java.util.Optional")) {
      return Optional.empty();
    }
    if (call.receiver() == null) {
      switch (call.shape()) {
        case "of/1":
        case "ofNullable/1":
          return Optional.of(optionalOf(call.at(), call.arg(0)));
        case "empty/0":
          return Optional.of(optionalOf(call.at(), ValueSource.literal(call.at(), null)));
        default:
          return Optional.empty();
      }
    }
    ValueSource content = contentOf(call.receiver());
    switch (call.shape()) {
      case "get/0":
      case "orElseThrow/0":
      case "orElseThrow/1":
        return Optional.of(content);
      case "orElse/1":
        return Optional.of(Combine.coalesce(call.at(), content, call.arg(0)));
      case "orElseGet/1":
        return Optional.of(Combine.coalesce(call.at(), content, supplied(call, 0)));
      case "or/1":
        return Optional.of(optionalOf(call.at(), Combine.coalesce(call.at(), content, contentOf(supplied(call, 0)))));
      case "map/1":
        return Optional.of(optionalOf(call.at(), content.isNullLiteral() ? content
            : presentOnly(evaluation.apply(call.arg(0), List.of(content), call.at()), content)));
      case "flatMap/1":
        return Optional.of(optionalOf(call.at(), content.isNullLiteral() ? content
            : contentOf(evaluation.apply(call.arg(0), List.of(content), call.at()))));
      case "filter/1": // may empty it in a way the loader does not replay
        return Optional.of(optionalOf(call.at(), Combine.inexact(content)));
      default:
        return Optional.empty();
    }
  }

  /** {@code System.getenv().get("K")}, {@code System.getProperties().getProperty("k", "d")}. */
  private Optional<ValueSource> lookupMaps(Call call) {
    if (call.receiver() == null || !(call.receiver().raw() instanceof LookupMap map)) {
      return Optional.empty();
    }
    switch (call.shape()) {
      case "get/1":
      case "getProperty/1":
        return Optional.of(named(call, map::lookup));
      case "getOrDefault/2":
      case "getProperty/2":
        return Optional.of(Combine.coalesce(call.at(), named(call, map::lookup), call.arg(1)));
      default:
        return Optional.empty();
    }
  }

  /**
   * A map's or {@code Properties}' lookup with a default, wherever the map comes from (a properties file, a
   * vault's answer...): the default is what the value is when the key is missing.
   */
  private Optional<ValueSource> mapDefaults(Call call) {
    boolean withDefault = call.receiver() != null
        && (call.shape().equals("getOrDefault/2") && isA(call.method().getEnclosingElement(), "java.util.Map")
            || call.shape().equals("getProperty/2") && isA(call.method().getEnclosingElement(), "java.util.Properties")
            || call.shape().equals("get/2") && call.owner().equals("java.util.prefs.Preferences"));
    return withDefault
        ? Optional.of(Combine.coalesce(call.at(), Combine.opaque(call.at(), List.of(call.receiver(), call.arg(0))),
            call.arg(1)))
        : Optional.empty();
  }

  /**
   * A getter with a default whose code the processor cannot see, such as a configuration library's {@code
   * getProperty(String key, String defaultValue)}: its last parameter is named as a default and has the type the
   * method returns.
   */
  private Optional<ValueSource> defaultingGetters(Call call) {
    ExecutableElement method = call.method();
    List<? extends VariableElement> parameters = method.getParameters();
    if (method.getKind() != ElementKind.METHOD || parameters.size() < 2 || parameters.size() != call.args().size()
        || !method.getSimpleName().toString().startsWith("get")) {
      return Optional.empty();
    }
    VariableElement last = parameters.get(parameters.size() - 1);
    String name = last.getSimpleName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean namedAsDefault = name.startsWith("default") || name.startsWith("fallback") || name.equals("def")
        || name.equals("orelse");
    if (!namedAsDefault || !evaluation.sameErasure(last.asType(), method.getReturnType())) {
      return Optional.empty();
    }
    List<ValueSource> lookup = new ArrayList<>(call.inputs());
    lookup.remove(lookup.size() - 1);
    return Optional.of(Combine.coalesce(call.at(), Combine.opaque(call.at(), lookup), call.arg(call.args().size() - 1)));
  }

  private boolean isA(javax.lang.model.element.Element type, String supertype) {
    TypeElement wanted = evaluation.elements.getTypeElement(supertype);
    return wanted != null && type instanceof TypeElement typeElement
        && evaluation.isSubtype(typeElement, wanted);
  }

  /** {@code supplier.get()} on a lambda or method reference the analyzer knows. */
  private Optional<ValueSource> functions(Call call) {
    return call.receiver() != null && call.receiver().raw() instanceof FunctionValue
        && call.method().getModifiers().contains(Modifier.ABSTRACT)
        ? Optional.of(evaluation.apply(call.receiver(), call.args(), call.at()))
        : Optional.empty();
  }

  /** {@code E.C.name()}, {@code E.C.ordinal()}, {@code E.valueOf("C")}. */
  private Optional<ValueSource> enums(Call call) {
    if (call.owner().equals("java.lang.Enum") && call.receiver() != null
        && call.receiver().raw() instanceof EnumConstant constant && call.receiver().isComputed()) {
      switch (call.shape()) {
        case "name/0":
        case "toString/0":
          return Optional.of(ValueSource.literal(call.at(), constant.constant()));
        case "ordinal/0":
          return Optional.of(constants(constant.enumType()).map(names -> names.indexOf(constant.constant()))
              .filter(index -> index >= 0)
              .map(index -> ValueSource.literal(call.at(), index))
              .orElseGet(() -> ValueSource.uncomputedLiteral(call.at())));
        default:
          return Optional.empty();
      }
    }
    boolean implicitValueOf = call.method().getEnclosingElement().getKind() == ElementKind.ENUM
        && call.receiver() == null && call.shape().equals("valueOf/1")
        && call.method().getParameters().get(0).asType().toString().equals("java.lang.String");
    if (implicitValueOf && call.arg(0).kind() == Kind.LITERAL) {
      String enumType = call.owner();
      boolean known = call.arg(0).isComputed()
          && constants(enumType).filter(names -> names.contains(call.arg(0).raw())).isPresent();
      if (known) {
        return Optional.of(ValueSource.literal(call.at(), new EnumConstant(enumType, (String) call.arg(0).raw())));
      }
      return Optional.of(rejectedSessionType(call).orElseGet(() -> ValueSource.uncomputedLiteral(call.at())));
    }
    return Optional.empty();
  }

  /**
   * {@code SessionType.valueOf} of a constant name that is no constant (it is case-sensitive): the class cannot
   * initialize, which is known now, with the same complaint the loader would make of such a value.
   */
  private static Optional<ValueSource> rejectedSessionType(Call call) {
    if (!call.owner().equals(SessionType.class.getName()) || !call.arg(0).isComputed()
        || !(call.arg(0).raw() instanceof String name)) {
      return Optional.empty();
    }
    try {
      Conversion.toSessionType("SessionType.valueOf").apply(name);
      return Optional.empty(); // a constant after all: the caller's list of constants decides
    } catch (IllegalArgumentException e) {
      return Optional.of(ValueSource.rejected(call.at(), e.getMessage()));
    }
  }

  /**
   * The text of a constant of the application's enums: {@code String.valueOf(Store.REDIS)}, {@code
   * Objects.toString(Store.REDIS)}; {@code toString()} itself is followed like any method.
   */
  private Optional<ValueSource> enumText(Call call) {
    boolean toText = call.shape().equals("valueOf/1") && call.owner().equals("java.lang.String")
        || call.shape().equals("toString/1") && call.owner().equals("java.util.Objects");
    if (!toText || !call.arg(0).isComputed() || !(call.arg(0).raw() instanceof EnumConstant constant)) {
      return Optional.empty();
    }
    return Optional.of(evaluation.textOf(constant, call.at()));
  }

  /** {@code lookup.strip()} and {@code trim()} the loader replays; {@code toString()} and {@code intern()} keep it. */
  private Optional<ValueSource> stripped(Call call) {
    if (!call.owner().equals("java.lang.String") || call.receiver() == null
        || call.receiver().lookup().isEmpty()) {
      return Optional.empty();
    }
    switch (call.shape()) {
      case "strip/0":
      case "trim/0":
        return Optional.of(call.receiver().withLookup(call.receiver().lookup().get().stripped()));
      case "toString/0":
      case "intern/0":
        return Optional.of(call.receiver());
      default:
        return Optional.empty();
    }
  }

  /** A JDK parse or conversion function on a lookup, such as {@code Boolean.parseBoolean(System.getenv("K"))}. */
  private Optional<ValueSource> conversions(Call call) {
    return JdkConversions.of(call).map(converted -> converted.input()
        .withLookup(converted.input().lookup().orElseThrow().converted(converted.conversion())));
  }

  /** {@code new String(Files.readAllBytes(p), UTF_8)}: the text of the lookup. */
  private Optional<ValueSource> stringOfLookup(Call call) {
    boolean copiesText = call.method().getKind() == ElementKind.CONSTRUCTOR
        && call.owner().equals("java.lang.String") && !call.args().isEmpty()
        && call.arg(0).lookup().isPresent()
        && call.args().subList(1, call.args().size()).stream().allMatch(arg -> arg.kind() == Kind.LITERAL);
    return copiesText ? Optional.of(call.arg(0)) : Optional.empty();
  }

  /** A pure JDK method or constructor: LITERAL on literals, computed by the JDK itself. */
  private Optional<ValueSource> pure(Call call) {
    if (evaluation.jdk.changesOnlyItsArguments(call.method())) { // Arrays.fill(key, 'x'), System.arraycopy
      return Optional.of(Combine.derived(call.at(), call.inputs(), values -> Optional.empty()));
    }
    boolean needsReceiver = call.method().getKind() == ElementKind.METHOD
        && !call.method().getModifiers().contains(Modifier.STATIC);
    if (!evaluation.jdk.isPure(call.method(), call.receiverType()) || needsReceiver && call.receiver() == null) {
      return Optional.empty();
    }
    ValueSource result = Combine.derived(call.at(), call.inputs(), values -> call.receiver() == null
        ? evaluation.jdk.invoke(call.method(), call.receiverType(), null, values)
        : evaluation.jdk.invoke(call.method(), call.receiverType(), values.get(0), values.subList(1, values.size())));
    return Optional.of(isCollectionFactory(call) ? result.withElements(call.args()) : result);
  }

  /** {@code new Settings(...)} of a class whose source javac has: an object whose fields can be followed. */
  private Optional<ValueSource> objects(Call call) {
    ExecutableElement constructor = call.method();
    if (constructor.getKind() != ElementKind.CONSTRUCTOR
        || !(constructor.getEnclosingElement() instanceof TypeElement type) || !Attribution.attributable(type)
        || evaluation.trees.getPath(type) == null) {
      return Optional.empty();
    }
    Instance instance = new Instance(type, constructor, evaluation.parameters(constructor, call.args(), call.at()));
    return Optional.of(ValueSource.intermediate(call.at(), instance, ValueSource.seenIn(call.args())));
  }

  /**
   * A method whose body javac has: what it returns, with its arguments bound to its parameters and {@code this}
   * to a known receiver. Only a method that runs for sure: on an unknown receiver an overridable method may run
   * an override, e.g. of a key provider's interface. A record's implicit accessor returns its field.
   */
  private Optional<ValueSource> withSource(Call call) {
    ExecutableElement method = call.method();
    Object receiver = call.receiver() == null ? null : call.receiver().raw();
    boolean runsForSure = method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE) || method.getModifiers().contains(Modifier.FINAL)
        || method.getEnclosingElement().getModifiers().contains(Modifier.FINAL) // also records, plain enums
        || receiver instanceof EnumConstant || receiver instanceof Instance; // see dispatched()
    if (method.getKind() != ElementKind.METHOD || !runsForSure) {
      return Optional.empty();
    }
    if (receiver instanceof Instance instance && method.getParameters().isEmpty()) {
      Optional<VariableElement> component = recordField(instance.type(), method);
      if (component.isPresent()) {
        return evaluation.objectField(call.at(), component.get(), instance);
      }
    }
    Bindings bindings = evaluation.parameters(method, call.args(), call.at());
    if (receiver instanceof Instance || receiver instanceof EnumConstant) {
      bindings = bindings.withSelf(call.receiver());
    }
    // What the caller passed in still counts as read, whatever the method makes of it.
    return evaluation.returnOf(method, bindings, call.at())
        .map(result -> result.kind() == Kind.OPAQUE && result.raw() == null ? result.withSeenOf(call.inputs()) : result);
  }

  /** The field behind a record's implicit accessor, such as {@code password()} of {@code record Login(...)}. */
  private Optional<VariableElement> recordField(TypeElement type, ExecutableElement accessor) {
    boolean implicit = evaluation.elements.getOrigin(accessor) == javax.lang.model.util.Elements.Origin.MANDATED
        || !evaluation.hasBody(accessor);
    if (type.getKind() != ElementKind.RECORD || !implicit) {
      return Optional.empty();
    }
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .filter(field -> !field.getModifiers().contains(Modifier.STATIC)
            && field.getSimpleName().contentEquals(accessor.getSimpleName()))
        .findFirst();
  }

  /** A lookup whose name is the call's first argument; a name computed at run time makes it OPAQUE. */
  private static ValueSource named(Call call, Function<String, LookupTree> lookup) {
    ValueSource name = call.arg(0);
    return name.isComputed() && name.raw() instanceof String text
        ? ValueSource.lookup(call.at(), lookup.apply(text))
        : Combine.opaque(call.at(), call.inputs());
  }

  /** {@code Files.readString(Path.of("/run/secrets/k"))}: a secrets file at a path written in the code. */
  private static ValueSource file(Call call) {
    ValueSource path = call.arg(0);
    // Written with '/' whatever the compiling platform: the loader's Path.of reads it on every platform.
    return path.isComputed() && path.raw() instanceof Path file
        ? ValueSource.lookup(call.at(), LookupTree.file(file.toString().replace(File.separatorChar, '/')))
        : ShippedReads.of(call).orElseGet(() -> Combine.opaque(call.at(), call.inputs())); // a resource's file
  }

  /** {@code Integer.getInteger}'s and {@code Long.getLong}'s reading of a property: decoded, null when unset. */
  private static LookupTree decoded(Call call, LookupTree property) {
    String function = call.owner().substring("java.lang.".length()) + "." + call.name();
    Conversion conversion = call.owner().equals("java.lang.Long")
        ? Conversion.toLong(function, 0)
        : Conversion.toInt(function, 0);
    return property.converted(conversion).presentOnlyOver(property).orElseThrow();
  }

  /**
   * The result of a function that runs only on a present {@code content} ({@code Optional.map}): a conversion of
   * content's lookup stays absent when content is; any other lookup cannot be replayed exactly.
   */
  static ValueSource presentOnly(ValueSource mapped, ValueSource content) {
    if (mapped.lookup().isEmpty() || content.lookup().isEmpty()) {
      return mapped;
    }
    return mapped.lookup().get().presentOnlyOver(content.lookup().get())
        .map(mapped::withLookup)
        .orElseGet(() -> Combine.inexact(mapped));
  }

  /** What the supplier in argument {@code index} supplies. */
  private ValueSource supplied(Call call, int index) {
    return evaluation.apply(call.arg(index), List.of(), call.at());
  }

  private static ValueSource optionalOf(TreePath at, ValueSource content) {
    return content.kind() == Kind.UNRESOLVED
        ? content
        : ValueSource.intermediate(at, new OptionalOf(content), content.seen());
  }

  /** The value inside an Optional; for an Optional the analyzer did not build, an unknown value. */
  private static ValueSource contentOf(ValueSource optional) {
    return optional.raw() instanceof OptionalOf known
        ? known.content()
        : Combine.opaque(optional.culpritPath(), List.of(optional));
  }

  private Optional<List<String>> constants(String enumType) {
    TypeElement type = evaluation.elements.getTypeElement(enumType);
    if (type == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getKind() == ElementKind.ENUM_CONSTANT) {
        names.add(field.getSimpleName().toString());
      }
    }
    return Optional.of(names);
  }

  private static boolean isCollectionFactory(Call call) {
    String method = call.owner() + "." + call.name();
    return method.equals("java.util.List.of") || method.equals("java.util.Set.of")
        || method.equals("java.util.Arrays.asList");
  }
}
