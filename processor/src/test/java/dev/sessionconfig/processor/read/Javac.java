package dev.sessionconfig.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.processor.evaluate.ValueSourceAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Test sources in package {@code com.acme}, compiled in memory with javac's own API, trees kept. */
final class Javac {
  /** What every test source imports, so that snippets stay short. */
  static final String HEADER = "package com.acme;\n"
      + "import java.nio.charset.*; import java.nio.file.*; import java.time.*; import java.util.*;\n"
      + "import java.util.function.*;\n";

  private static final Pattern TYPE_NAME = Pattern.compile("(?:class|interface|enum|record)\\s+(\\w+)");

  final JavacTask task;
  final Trees trees;
  final List<CompilationUnitTree> units = new ArrayList<>();
  private final DiagnosticCollector<JavaFileObject> diagnostics;

  private Javac(JavacTask task, DiagnosticCollector<JavaFileObject> diagnostics) {
    this.task = task;
    this.trees = Trees.instance(task);
    this.diagnostics = diagnostics;
  }

  /** Parses and attributes {@code sources} (each a compilation unit after {@link #HEADER}). */
  static Javac analyze(String... sources) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    // An empty class path: the sources need the JDK only, not whatever the test's class path holds.
    Javac javac = new Javac(task(diagnostics, List.of("-proc:none", "-classpath", ""), sources), diagnostics);
    try {
      javac.task.parse().forEach(javac.units::add);
      javac.task.analyze();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return javac;
  }

  /**
   * Compiles {@code sources} with {@code processors}, writing classes and generated sources to {@code output}
   * only; returns the error messages.
   */
  static List<String> process(List<Processor> processors, Path output, String... sources) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String directory = output.toString();
    List<String> options = List.of("-d", directory, "-s", directory, "-classpath", directory);
    JavacTask task = task(diagnostics, options, sources);
    task.setProcessors(processors);
    task.call();
    return errors(diagnostics);
  }

  /** A unit with a class {@code Config} whose body is {@code members}. */
  static String config(String members) {
    return "class Config {\n" + members + "\n}\n";
  }

  List<String> errors() {
    return errors(diagnostics);
  }

  VariableElement field(String type, String name) {
    TypeElement owner = task.getElements().getTypeElement("com.acme." + type);
    assertNotNull(owner, "no type " + type);
    return ElementFilter.fieldsIn(owner.getEnclosedElements()).stream()
        .filter(field -> field.getSimpleName().contentEquals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + type + "." + name));
  }

  /** The expression that gives Config.SECRET_KEY its value: its initializer, else its static-block assignment. */
  TreePath secretKeyValue() {
    List<FieldAssignments.Assignment> assignments =
        new FieldAssignments(trees, units).of(field("Config", "SECRET_KEY"));
    assertEquals(1, assignments.size(), "SECRET_KEY must be set exactly once, in " + assignments);
    return assignments.get(0).valuePath();
  }

  ValueSourceAnalyzer analyzer() {
    return new ValueSourceAnalyzer(trees, task.getElements(), task.getTypes());
  }

  /** {@code sources} as in-memory files, for any compiler. */
  static List<JavaFileObject> files(String... sources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (String source : sources) {
      files.add(new Source(source));
    }
    return files;
  }

  private static JavacTask task(DiagnosticCollector<JavaFileObject> diagnostics, List<String> options,
      String... sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    return (JavacTask) compiler.getTask(null, null, diagnostics, options, null, files(sources));
  }

  private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    return diagnostics.getDiagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
        .map(diagnostic -> diagnostic.getMessage(null))
        .collect(Collectors.toList());
  }

  /** A source in memory, named after its first type as javac requires. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String body) {
      super(URI.create("string:///com/acme/" + typeName(body) + ".java"), Kind.SOURCE);
      this.text = HEADER + body;
    }

    private static String typeName(String body) {
      Matcher matcher = TYPE_NAME.matcher(body);
      if (!matcher.find()) {
        throw new IllegalArgumentException("no type in " + body);
      }
      return matcher.group(1);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
