package dev.sessionconfig.bench.compile;

import com.sun.management.OperatingSystemMXBean;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
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
 * <p>Usage: {@code CompileOnce <none|noop|gen|proc> <sourceDir> <outDir> <classPath> <processorPath>} (see
 * {@link Mode}). Prints one line: {@code compile_ms=<ms> cpu_ms=<ms> javac_thread_cpu_ms=<ms> process_cpu_ms=<ms>
 * errors=<n> warnings=<n> loaders=<n>}, where {@code compile_ms} is the wall time of {@code
 * JavaCompiler.getTask(...).call()} (JVM start and the listing of files excluded), {@code cpu_ms} the CPU time of
 * the whole JVM (every thread: compiler, JIT, GC) during that call, {@code javac_thread_cpu_ms} that of the thread
 * javac runs in alone, {@code processing_ms} that thread's CPU time inside annotation processing (the processors'
 * rounds and javac entering every compilation unit again before each later round and before compiling), {@code
 * rounds_ms} the part of it inside the rounds themselves (running the processors), {@code process_cpu_ms} the JVM's CPU time from its start to the end of the call, and {@code
 * loaders} the number of generated {@code *Loader.class} files (proof that the processor really ran). CPU time is
 * what to compare on a busy machine: other work there stretches wall time, not CPU time.
 */
public final class CompileOnce {
  private CompileOnce() {}

  public static void main(String[] args) throws IOException, URISyntaxException {
    Mode mode = Mode.of(args[0]);
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
    Path gen = Files.createDirectories(CompileBench.generatedSources(out));
    // The baseline processors are this benchmark's own classes.
    String baselinePath = Path.of(CompileOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    options.addAll(mode.processingOptions(processorPath, baselinePath, gen));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    long start;
    long end;
    long cpuStart;
    long cpuEnd;
    long threadCpuStart;
    long threadCpuEnd;
    boolean ok;
    PhaseClock phases;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      phases = new PhaseClock(thread);
      cpuStart = os.getProcessCpuTime();
      threadCpuStart = thread.getCurrentThreadCpuTime();
      start = System.nanoTime();
      JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, options, null, units);
      task.addTaskListener(phases);
      ok = task.call();
      end = System.nanoTime();
      threadCpuEnd = thread.getCurrentThreadCpuTime();
      cpuEnd = os.getProcessCpuTime();
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
    System.out.printf(Locale.ROOT,
        "compile_ms=%.1f cpu_ms=%.1f javac_thread_cpu_ms=%.1f process_cpu_ms=%.1f processing_ms=%.1f"
            + " rounds_ms=%.1f errors=%d warnings=%d loaders=%d ok=%b%n",
        (end - start) / 1e6, (cpuEnd - cpuStart) / 1e6, (threadCpuEnd - threadCpuStart) / 1e6, cpuEnd / 1e6,
        phases.processing / 1e6, phases.rounds / 1e6, errors, warnings, loaders, ok);
  }

  /** Sums the CPU time of javac's thread inside annotation processing and inside its rounds (nanoseconds). */
  private static final class PhaseClock implements TaskListener {
    private final ThreadMXBean thread;
    private long processingStart;
    private long roundStart;
    long processing;
    long rounds;

    PhaseClock(ThreadMXBean thread) {
      this.thread = thread;
    }

    @Override
    public void started(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
        processingStart = thread.getCurrentThreadCpuTime();
      } else if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
        roundStart = thread.getCurrentThreadCpuTime();
      }
    }

    @Override
    public void finished(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
        processing += thread.getCurrentThreadCpuTime() - processingStart;
      } else if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
        rounds += thread.getCurrentThreadCpuTime() - roundStart;
      }
    }
  }
}
