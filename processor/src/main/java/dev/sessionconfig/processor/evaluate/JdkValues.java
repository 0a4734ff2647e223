package dev.sessionconfig.processor.evaluate;

import dev.sessionconfig.processor.facts.EnumConstant;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The JDK value types whose methods are functions of their receiver and arguments, and the computation of
 * those methods: by calling the JDK's own implementation reflectively, so that every method of these types
 * behaves exactly as it will at run time.
 */
final class JdkValues {

  /** Types whose (non-void) methods compute a value from literals and touch nothing else. */
  private static final Set<String> VALUE_TYPES = Set.of(
      "java.lang.String", "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.CharSequence",
      "java.lang.Character", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
      "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Math", "java.lang.StrictMath",
      "java.util.Base64", "java.util.Base64.Decoder", "java.util.Base64.Encoder", "java.util.HexFormat",
      "java.util.Arrays", "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collections",
      "java.util.ArrayList", "java.util.Objects", "java.util.Locale", "java.util.UUID",
      "java.nio.charset.Charset", "java.nio.charset.StandardCharsets", "java.nio.file.Path",
      "java.nio.file.Paths", "java.time.Duration", "java.time.temporal.ChronoUnit",
      "java.util.concurrent.TimeUnit", "java.math.BigInteger", "java.math.BigDecimal",
      "javax.crypto.spec.SecretKeySpec", "java.security.MessageDigest");

  /** Methods of those types that are no function of their arguments, or that touch the compiler's process. */
  private static final Set<String> IMPURE = Set.of(
      "java.lang.Math.random", "java.lang.StrictMath.random", "java.util.UUID.randomUUID",
      "java.util.Locale.setDefault", "java.nio.file.Path.toRealPath", "java.nio.file.Path.register");

  /** Types whose methods allocate little whatever their arguments, so need no size limit. */
  private static final Set<String> SCALAR_TYPES = Set.of(
      "java.lang.Character", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
      "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Math", "java.lang.StrictMath",
      "java.time.Duration", "java.time.temporal.ChronoUnit", "java.util.concurrent.TimeUnit");

  /** Larger sizes ({@code "x".repeat(1 << 30)}) are not computed: the compiler must not run out of memory. */
  private static final long MAX_SIZE = 1 << 16;

  private final Elements elements;
  private final Types types;

  JdkValues(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Whether calling {@code method} (on a receiver whose static type is {@code receiverType}, or {@code null})
   * computes a value from its receiver and arguments only.
   */
  boolean isPure(ExecutableElement method, TypeElement receiverType) {
    if (method.getKind() == ElementKind.METHOD && method.getReturnType().getKind() == TypeKind.VOID) {
      return false;
    }
    String owner = ownerName(method);
    if (IMPURE.contains(owner + "." + method.getSimpleName())) {
      return false;
    }
    boolean inherited = method.getKind() == ElementKind.METHOD && receiverType != null
        && VALUE_TYPES.contains(receiverType.getQualifiedName().toString());
    return VALUE_TYPES.contains(owner) || inherited;
  }

  /**
   * Whether {@code method} returns nothing and only changes the arrays or builders it is given, from its other
   * arguments alone, such as {@code Arrays.fill} or {@code System.arraycopy}.
   */
  boolean changesOnlyItsArguments(ExecutableElement method) {
    String name = ownerName(method) + "." + method.getSimpleName();
    return method.getKind() == ElementKind.METHOD && method.getReturnType().getKind() == TypeKind.VOID
        && (VALUE_TYPES.contains(ownerName(method)) && !IMPURE.contains(name) || name.equals("java.lang.System.arraycopy"));
  }

  /**
   * The result of calling a pure method or constructor; empty when it cannot be computed here (an argument of
   * a user type, a size over the limit, or a call that throws, as it will at run time) or is {@code null}.
   */
  Optional<Object> invoke(ExecutableElement method, TypeElement receiverType, Object receiver, List<Object> args) {
    if (!withinLimits(method, receiver, args)) {
      return Optional.empty();
    }
    try {
      Class<?>[] parameters = new Class<?>[method.getParameters().size()];
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] = classOf(method.getParameters().get(i).asType());
      }
      List<Object> actual = new ArrayList<>();
      if (receiver != null) {
        actual.add(reflectable(receiver));
      }
      actual.addAll(arguments(method, parameters, args));
      return Optional.ofNullable(handle(method, receiverType, parameters).invokeWithArguments(actual));
    } catch (Error error) {
      throw error;
    } catch (Throwable cannotCompute) {
      return Optional.empty();
    }
  }

  /**
   * The method as bytecode would call it: a public method that StringBuilder inherits from a package-private
   * class is found through StringBuilder, the receiver's static type. Fixed arity: arguments come packed.
   */
  private MethodHandle handle(ExecutableElement method, TypeElement receiverType, Class<?>[] parameters)
      throws ReflectiveOperationException {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Class<?> owner = load(owner(method));
    if (method.getKind() == ElementKind.CONSTRUCTOR) {
      return lookup.findConstructor(owner, MethodType.methodType(void.class, parameters)).asFixedArity();
    }
    MethodType type = MethodType.methodType(classOf(method.getReturnType()), parameters);
    String name = method.getSimpleName().toString();
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return lookup.findStatic(owner, name, type).asFixedArity();
    }
    Class<?> through = receiverType != null && VALUE_TYPES.contains(receiverType.getQualifiedName().toString())
        ? load(receiverType)
        : owner;
    return lookup.findVirtual(through, name, type).asFixedArity();
  }

  /** The value of a static final field of a value type, such as {@code StandardCharsets.UTF_8}. */
  Optional<Object> staticField(VariableElement field) {
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    if (!VALUE_TYPES.contains(owner.getQualifiedName().toString())) {
      return Optional.empty();
    }
    try {
      Field reflected = load(owner).getField(field.getSimpleName().toString());
      int modifiers = reflected.getModifiers();
      return java.lang.reflect.Modifier.isStatic(modifiers) && java.lang.reflect.Modifier.isFinal(modifiers)
          ? Optional.ofNullable(reflected.get(null))
          : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException cannotCompute) {
      return Optional.empty();
    }
  }

  /** An array of {@code component} holding {@code items}, e.g. a real {@code char[]} for {@code {'a'}}. */
  Optional<Object> newArray(TypeMirror component, List<Object> items) {
    try {
      Object array = Array.newInstance(classOf(component), items.size());
      for (int i = 0; i < items.size(); i++) {
        Object item = component.getKind().isPrimitive()
            ? ConstantFolding.convert(items.get(i), component.getKind()).orElseThrow()
            : items.get(i);
        Array.set(array, i, item);
      }
      return Optional.of(array);
    } catch (ReflectiveOperationException | RuntimeException cannotCompute) {
      return Optional.empty();
    }
  }

  private static boolean withinLimits(ExecutableElement method, Object receiver, List<Object> args) {
    if (SCALAR_TYPES.contains(ownerName(method))) {
      return true;
    }
    long largest = 0;
    for (Object arg : args) {
      if (arg instanceof Integer || arg instanceof Long || arg instanceof Short) {
        largest = Math.max(largest, Math.abs(((Number) arg).longValue()));
      }
    }
    if (method.getSimpleName().contentEquals("repeat") && receiver instanceof CharSequence text) {
      largest *= text.length();
    }
    return largest <= MAX_SIZE;
  }

  /** The arguments as a fixed-arity call takes them: trailing variable arguments packed into their array. */
  private List<Object> arguments(ExecutableElement method, Class<?>[] parameters, List<Object> args)
      throws ReflectiveOperationException {
    List<Object> values = new ArrayList<>();
    for (Object arg : args) {
      values.add(reflectable(arg));
    }
    int fixed = parameters.length - 1;
    boolean packed = method.isVarArgs()
        && !(values.size() == parameters.length
            && (values.get(fixed) == null || parameters[fixed].isInstance(values.get(fixed))));
    if (!packed) {
      return values;
    }
    Object rest = Array.newInstance(parameters[fixed].getComponentType(), values.size() - fixed);
    for (int i = fixed; i < values.size(); i++) {
      Array.set(rest, i - fixed, values.get(i));
    }
    List<Object> actual = new ArrayList<>(values.subList(0, fixed));
    actual.add(rest);
    return actual;
  }

  /** A computed value as the JDK takes it: a constant of a JDK enum becomes the real constant. */
  private Object reflectable(Object value) throws ReflectiveOperationException {
    if (!(value instanceof EnumConstant constant)) {
      return value;
    }
    TypeElement type = elements.getTypeElement(constant.enumType());
    if (type == null || !VALUE_TYPES.contains(constant.enumType())) {
      throw new ClassNotFoundException(constant.enumType());
    }
    return load(type).getField(constant.constant()).get(null);
  }

  private Class<?> classOf(TypeMirror type) throws ClassNotFoundException {
    TypeMirror erased = types.erasure(type);
    switch (erased.getKind()) {
      case BOOLEAN:
        return boolean.class;
      case BYTE:
        return byte.class;
      case SHORT:
        return short.class;
      case CHAR:
        return char.class;
      case INT:
        return int.class;
      case LONG:
        return long.class;
      case FLOAT:
        return float.class;
      case DOUBLE:
        return double.class;
      case ARRAY:
        return Array.newInstance(classOf(((ArrayType) erased).getComponentType()), 0).getClass();
      case VOID:
        return void.class;
      case DECLARED:
        return load((TypeElement) ((DeclaredType) erased).asElement());
      default:
        throw new ClassNotFoundException(erased.toString());
    }
  }

  /** Loads a JDK class; user classes are not visible to the platform class loader, so they fail here. */
  private Class<?> load(TypeElement type) throws ClassNotFoundException {
    return Class.forName(elements.getBinaryName(type).toString(), false, ClassLoader.getPlatformClassLoader());
  }

  private static TypeElement owner(ExecutableElement method) {
    return (TypeElement) method.getEnclosingElement();
  }

  private static String ownerName(ExecutableElement method) {
    return owner(method).getQualifiedName().toString();
  }
}
