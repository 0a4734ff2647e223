package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.sessionconfig.LookupTree;
import dev.sessionconfig.processor.evaluate.Calls.Call;
import dev.sessionconfig.processor.evaluate.Intermediate.Shipped;
import dev.sessionconfig.processor.evaluate.ValueSource.Kind;
import dev.sessionconfig.processor.facts.ShippedRead;
import dev.sessionconfig.processor.facts.ShippedRead.Origin;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Values read from what ships with the application's code: a class-path resource (packaged into every copy of the
 * artifact) or a file inside the source tree. Such a read is OPAQUE, carrying a {@link Shipped}; the reads and pure
 * functions of it (a stream's bytes, the text made of them, a {@code Properties} loaded from it, a property of that)
 * carry it on. Anything else done with it, such as passing it to a key-management call or using it as the name of
 * an environment variable, makes a plain OPAQUE: the value is then not what ships.
 */
final class ShippedReads {
  private ShippedReads() {}

  /** The JDK's and the usual libraries' ways to open a class-path resource, named by their first argument. */
  private static final Set<String> RESOURCE_OPENERS = Set.of("java.lang.Class.getResource/1",
      "java.lang.Class.getResourceAsStream/1", "java.lang.ClassLoader.getResource/1",
      "java.lang.ClassLoader.getResourceAsStream/1", "java.lang.ClassLoader.getResources/1",
      "java.lang.ClassLoader.resources/1", "java.lang.ClassLoader.getSystemResource/1",
      "java.lang.ClassLoader.getSystemResourceAsStream/1", "java.lang.ClassLoader.getSystemResources/1",
      "java.lang.Module.getResourceAsStream/1", "com.google.common.io.Resources.getResource/1",
      "org.springframework.core.io.ClassPathResource.<init>/1", "org.springframework.core.io.ClassPathResource.<init>/2");

  /** Guava's {@code Resources.getResource(Class, String)}: named by its second argument. */
  private static final String RELATIVE_RESOURCE = "com.google.common.io.Resources.getResource/2";

  /** The JDK types that open a file by its path. */
  private static final Set<String> FILE_OPENERS = Set.of("java.io.File", "java.io.FileInputStream",
      "java.io.FileReader", "java.io.RandomAccessFile", "java.nio.file.Files", "java.nio.channels.FileChannel",
      "java.util.Scanner");

  private static final Set<String> COLLECTION_FACTORIES =
      Set.of("java.util.List.of", "java.util.Set.of", "java.util.Arrays.asList");

  /** Libraries whose functions read or copy a stream, a reader, a URL or a file they are given. */
  private static final List<String> IO_LIBRARIES = List.of("org.apache.commons.io.", "com.google.common.io.",
      "org.springframework.util.StreamUtils", "org.springframework.util.FileCopyUtils",
      "org.springframework.core.io.");

  /**
   * A call that opens something shipped, or reads or transforms a shipped value with a function of the JDK or of a
   * usual I/O library, given nothing but literals besides; empty for every other call.
   */
  static Optional<ValueSource> of(Call call) {
    Optional<ShippedRead> opened = opened(call);
    if (opened.isPresent()) {
      return Optional.of(shipped(call.at(), opened.get(), call.inputs()));
    }
    Optional<ShippedRead> read = call.inputs().stream().map(ValueSource::shipped).flatMap(Optional::stream)
        .findFirst();
    boolean returnsValue = call.method().getKind() == ElementKind.CONSTRUCTOR
        || call.method().getReturnType().getKind() != TypeKind.VOID;
    // A list of keys is left to the pure functions, which keep each element for the rules that check them one by one.
    boolean collection = call.receiver() == null && COLLECTION_FACTORIES.contains(call.owner() + "." + call.name());
    if (read.isEmpty() || !returnsValue || collection || !trusted(call.owner())
        || !onlyLiteralsBeside(call.inputs())) {
      return Optional.empty();
    }
    ValueSource result = shipped(call.at(), read.get(), call.inputs());
    boolean defaulted = call.receiver() != null && call.receiver().shipped().isPresent()
        && (call.shape().equals("getProperty/2") || call.shape().equals("getOrDefault/2"));
    // props.getProperty("k", "dev"): the default in the code may become the value, and is the worse of the two.
    return Optional.of(defaulted ? Combine.coalesce(call.at(), result, call.arg(1)) : result);
  }

  /** Among {@code parts} combined by a pure function: shipped when every part is a literal or shipped. */
  static Optional<ValueSource> derived(TreePath at, List<ValueSource> parts) {
    return onlyLiteralsBeside(parts) ? firstOf(at, parts, ValueSource.seenIn(parts)) : Optional.empty();
  }

  /** The first of {@code options} that is shipped, which may be the value, with the lookups {@code seen}. */
  static Optional<ValueSource> firstOf(TreePath at, List<ValueSource> options, List<LookupTree.Source> seen) {
    return options.stream().filter(option -> option.shipped().isPresent()).findFirst()
        .map(option -> ValueSource.intermediate(at, (Intermediate) option.raw(), seen));
  }

  /**
   * The value of {@code variable}, a {@code java.util.Properties}, knowing that a {@code load} or {@code
   * loadFromXML} call fills it: from something shipped when what it loads is. Any other variable keeps {@code value}.
   */
  static ValueSource afterLoads(Evaluation evaluation, VariableElement variable, TreePath use, ValueSource value,
      Bindings bindings) {
    if (value.shipped().isPresent() || !isProperties(variable.asType())) {
      return value;
    }
    TreePath scope = scopeOf(evaluation, variable, use);
    if (scope == null) {
      return value;
    }
    boolean local = variable.getKind() != ElementKind.FIELD;
    for (TreePath call : TreeFinder.find(scope, ShippedReads::isLoad, tree -> false)) {
      MethodInvocationTree load = (MethodInvocationTree) call.getLeaf();
      TreePath target = new TreePath(new TreePath(call, load.getMethodSelect()),
          ((MemberSelectTree) load.getMethodSelect()).getExpression());
      if (load.getArguments().isEmpty() || !variable.equals(evaluation.trees.getElement(target))) {
        continue;
      }
      ValueSource loaded = evaluation.classify(new TreePath(call, load.getArguments().get(0)),
          local ? bindings : Bindings.EMPTY);
      if (loaded.shipped().isPresent()) {
        return ValueSource.intermediate(value.culpritPath(), (Intermediate) loaded.raw(), value.seen());
      }
    }
    return value;
  }

  private static Optional<ShippedRead> opened(Call call) {
    String shape = call.owner() + "." + call.shape();
    if (RESOURCE_OPENERS.contains(shape) || shape.equals(RELATIVE_RESOURCE)) {
      return Optional.of(new ShippedRead(Origin.CLASS_PATH_RESOURCE,
          text(call.arg(shape.equals(RELATIVE_RESOURCE) ? 1 : 0))));
    }
    Optional<String> location = call.args().isEmpty() ? Optional.empty() : text(call.arg(0));
    if (call.owner().startsWith("org.springframework.") && location.isPresent()
        && location.get().matches("classpath\\*?:.*")) {
      return Optional.of(new ShippedRead(Origin.CLASS_PATH_RESOURCE,
          Optional.of(location.get().substring(location.get().indexOf(':') + 1))));
    }
    if (!FILE_OPENERS.contains(call.owner())) {
      return Optional.empty();
    }
    for (ValueSource arg : call.args()) {
      // A Scanner given a String scans that text: only a Path names a file.
      Optional<String> path = arg.isComputed() && arg.raw() instanceof Path file ? Optional.of(file.toString())
          : call.owner().equals("java.util.Scanner") ? Optional.empty() : text(arg);
      if (path.isPresent() && ShippedRead.insideSourceTree(path.get())) {
        return Optional.of(new ShippedRead(Origin.SOURCE_TREE_FILE,
            Optional.of(path.get().replace(java.io.File.separatorChar, '/'))));
      }
    }
    return Optional.empty();
  }

  private static ValueSource shipped(TreePath at, ShippedRead read, List<ValueSource> inputs) {
    return ValueSource.intermediate(at, new Shipped(read), ValueSource.seenIn(inputs));
  }

  private static Optional<String> text(ValueSource value) {
    return value.isComputed() && value.raw() instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** Whether {@code owner} is the JDK's or a usual I/O library's: its functions do what their names say. */
  private static boolean trusted(String owner) {
    return owner.startsWith("java.") || owner.startsWith("javax.")
        || IO_LIBRARIES.stream().anyMatch(owner::startsWith);
  }

  /** Whether every input is a literal or shipped, and one is shipped. */
  private static boolean onlyLiteralsBeside(List<ValueSource> inputs) {
    return inputs.stream().anyMatch(input -> input.shipped().isPresent())
        && inputs.stream().allMatch(input -> input.kind() == Kind.LITERAL || input.shipped().isPresent());
  }

  private static boolean isLoad(Tree tree) {
    return tree instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect() instanceof MemberSelectTree select
        && (select.getIdentifier().contentEquals("load") || select.getIdentifier().contentEquals("loadFromXML"));
  }

  private static boolean isProperties(TypeMirror type) {
    for (TypeMirror t = type; t instanceof DeclaredType declared; ) {
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals("java.util.Properties")) {
        return true;
      }
      t = element.getSuperclass();
    }
    return false;
  }

  /** Where a {@code load} of the variable may be: the member around a local, the class around a field. */
  private static TreePath scopeOf(Evaluation evaluation, VariableElement variable, TreePath use) {
    if (variable.getKind() == ElementKind.FIELD) {
      TreePath declaration = Attribution.attributable(variable) ? evaluation.trees.getPath(variable) : null;
      return declaration != null && declaration.getParentPath() != null
          && declaration.getParentPath().getLeaf() instanceof ClassTree ? declaration.getParentPath() : null;
    }
    for (TreePath path = use; path.getParentPath() != null; path = path.getParentPath()) {
      if (path.getParentPath().getLeaf() instanceof ClassTree) {
        return path;
      }
    }
    return null;
  }
}
