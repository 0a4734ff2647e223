package dev.sessionconfig.bench.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One javac run, in the JVM it is started in (the harness starts a fresh one per measurement).
 *
 * <p>Usage: {@code CompileOnce <proc|none> <sourceDir> <outDir> <classPath> <processorPath>}. Prints one line:
 * {@code compile_ms=<ms> errors=<n> warnings=<n> loaders=<n>}, where {@code compile_ms} is the wall time of
 * {@code JavaCompiler.getTask(...).call()} (JVM start and the listing of files excluded), and {@code loaders} the
 * number of generated {@code *Loader.class} files (proof that the processor really ran).
 */
public final class CompileOnce {
  private CompileOnce() {}

  public static void main(String[] args) throws IOException {
    boolean proc = args[0].equals("proc");
    Path sources = Path.of(args[1]);
    Path out = Path.of(args[2]);
    String classPath = args[3];
    String processorPath = args[4];
    Files.createDirectories(out);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<String> options = new ArrayList<>(List.of(
        "--release", "17", "-d", out.toString(), "-classpath", classPath, "-Xlint:none", "-implicit:none"));
    if (proc) {
      options.add("-processorpath");
      options.add(processorPath);
      Path gen = out.resolveSibling(out.getFileName() + "-gen");
      Files.createDirectories(gen);
      options.add("-s");
      options.add(gen.toString());
    } else {
      options.add("-proc:none");
    }

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start;
    long end;
    boolean ok;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      start = System.nanoTime();
      ok = javac.getTask(null, fm, diagnostics, options, null, units).call();
      end = System.nanoTime();
    }
    int errors = 0;
    int warnings = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors++;
        if (errors <= 5) {
          System.err.println(d);
        }
      } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings++;
        if (warnings <= 5) {
          System.err.println(d);
        }
      }
    }
    long loaders;
    try (Stream<Path> walk = Files.walk(out)) {
      loaders = walk.filter(p -> p.getFileName().toString().matches("Config\\d+Loader\\.class")).count();
    }
    System.out.printf(Locale.ROOT, "compile_ms=%.1f errors=%d warnings=%d loaders=%d ok=%b%n",
        (end - start) / 1e6, errors, warnings, loaders, ok);
  }
}
