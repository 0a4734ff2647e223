package dev.sessionconfig.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, the way a user's build would. */
final class Compiler {
  private Compiler() {}

  /** A source file {@code com/acme/<Name>.java} for a class in package {@code com.acme}. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    String packageName = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    List<String> all = new ArrayList<>();
    all.add("package " + packageName + ";");
    all.add("");
    all.add("import dev.sessionconfig.SessionConfig;");
    all.add("import dev.sessionconfig.SessionType;");
    all.add("import java.time.Duration;");
    all.add("import java.util.*;");
    all.add("");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines(qualifiedName, all);
  }

  /** A config class {@code com.acme.Config} with the given body lines. */
  static JavaFileObject config(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "@SessionConfig";
    lines[1] = "public class Config {";
    System.arraycopy(body, 0, lines, 2, body.length);
    lines[lines.length - 1] = "}";
    return source("com.acme.Config", lines);
  }

  /** Line number of the first line containing {@code text} in a source built by {@link #source}. */
  static long lineOf(JavaFileObject file, String text) {
    try {
      String[] lines = file.getCharContent(true).toString().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains(text)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no line contains " + text);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compileWith(List.of(), sources);
  }

  static Compilation compileWith(List<String> options, JavaFileObject... sources) {
    return javac().withProcessors(new SessionConfigProcessor()).withOptions(options).compile(sources);
  }

  /** Compiles correct code: it succeeds without a warning (a false alarm is the worst failure of a check). */
  static Compilation assertCompilesCleanly(JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    org.junit.jupiter.api.Assertions.assertEquals(Compilation.Status.SUCCESS, compilation.status(),
        () -> diagnostics(compilation));
    org.junit.jupiter.api.Assertions.assertTrue(compilation.warnings().isEmpty(),
        () -> "expected no warnings:\n" + diagnostics(compilation));
    return compilation;
  }

  /** Every diagnostic printed, for failure messages and for "nothing reported" checks. */
  static String diagnostics(Compilation compilation) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      text.append(d.getKind()).append(" line ").append(d.getLineNumber()).append(": ")
          .append(d.getMessage(null)).append('\n');
    }
    return text.toString();
  }

  /** The diagnostics whose text starts with {@code [id]}. */
  static List<Diagnostic<? extends JavaFileObject>> withId(Compilation compilation, String id) {
    List<Diagnostic<? extends JavaFileObject>> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getMessage(null).startsWith("[" + id + "]")) {
        found.add(d);
      }
    }
    return found;
  }
}
