package dev.sessionconfig.bench.compile;

import dev.sessionconfig.bench.chart.ChartRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compile-time benchmark: javac with the sessionconfig processor against the same sources with {@code -proc:none}
 * and with two baseline processors (see {@link Mode}), on a synthetic code base of {@code total} classes of which
 * 1, 50 and 500 (by default) are {@code @SessionConfig} classes. Every measurement is a fresh JVM running {@link
 * CompileOnce}; each run starts with the next mode in turn so that drift of the machine hits all modes alike.
 * The figures compared are CPU times: the machine may be shared, which stretches wall times far more.
 *
 * <p>Usage: {@code CompileBench <workDir> <benchClassesDir> <compileClassPath> <processorPath> <markdownOut>
 * <chartRowsOut>} (the bars for {@code SummaryChart}); system properties {@code bench.total} (2000), {@code bench.sizes} (1,50,500), {@code bench.runs}
 * (5), {@code bench.warmups} (1).
 */
public final class CompileBench {
  private static final Pattern LINE = Pattern.compile(
      "compile_ms=([0-9.]+) cpu_ms=([0-9.]+) .*errors=(\\d+) warnings=(\\d+) loaders=(\\d+) ok=(\\w+)");
  private static final Mode[] MODES = Mode.values();

  private CompileBench() {}

  record Run(double wallMs, double cpuMs, int errors, int warnings, long loaders) {}

  record Stats(double median, double min, double max) {
    static Stats of(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = v.length;
      double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      return new Stats(median, v[0], v[n - 1]);
    }

    double range() {
      return max - min;
    }

    String fmt() {
      return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", median, min, max);
    }
  }

  /** The figures of every mode for one code base size and one measure (CPU or wall time). */
  record ByMode(Map<Mode, Stats> stats) {
    static ByMode of(Map<Mode, List<Double>> values) {
      Map<Mode, Stats> stats = new EnumMap<>(Mode.class);
      values.forEach((mode, list) -> stats.put(mode, Stats.of(list)));
      return new ByMode(stats);
    }

    Stats get(Mode mode) {
      return stats.get(mode);
    }

    /** How many ms the median of {@code mode} exceeds that of {@code baseline}. */
    double differenceMs(Mode mode, Mode baseline) {
      return get(mode).median() - get(baseline).median();
    }

    double differencePercent(Mode mode, Mode baseline) {
      return (get(mode).median() / get(baseline).median() - 1) * 100;
    }

    /** The sessionconfig processor's overhead over {@code baseline}, as a table cell. */
    String overhead(Mode baseline) {
      return String.format(Locale.ROOT, "%+.1f %% (%+.0f ms)", differencePercent(Mode.SESSIONCONFIG, baseline),
          differenceMs(Mode.SESSIONCONFIG, baseline));
    }
  }

  record Size(int configs, ByMode cpu, ByMode wall, int warnings) {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    String benchClasses = args[1];
    String compileClassPath = args[2];
    String processorPath = args[3];
    Path markdownOut = Path.of(args[4]);
    Path chartRowsOut = Path.of(args[5]);
    int total = Integer.getInteger("bench.total", 2000);
    int runs = Integer.getInteger("bench.runs", 5);
    int warmups = Integer.getInteger("bench.warmups", 1);
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1,50,500").split(","))
        .mapToInt(Integer::parseInt).toArray();
    String java = ProcessHandle.current().info().command().orElse("java");

    List<Size> results = new ArrayList<>();
    for (int size : sizes) {
      Path src = work.resolve("src-" + size);
      deleteTree(src);
      int files = Generator.generate(src, total, size).size();
      System.out.printf(Locale.ROOT, "[compile] %d classes, %d @SessionConfig: %d warm-up + %d measured runs per"
          + " mode%n", files, size, warmups, runs);
      Map<Mode, List<Double>> cpu = new EnumMap<>(Mode.class);
      Map<Mode, List<Double>> wall = new EnumMap<>(Mode.class);
      int warnings = 0;
      for (int r = 0; r < warmups + runs; r++) {
        boolean measured = r >= warmups;
        for (int k = 0; k < MODES.length; k++) {
          Mode mode = MODES[(r + k) % MODES.length];
          Path out = work.resolve("out-" + size + "-" + mode.arg);
          Run run = compile(java, benchClasses, mode, src, out, compileClassPath, processorPath);
          check(mode, size, run);
          if (mode == Mode.SESSIONCONFIG) {
            warnings = run.warnings();
          }
          System.out.printf(Locale.ROOT, "  %s %-20s cpu %7.0f ms, wall %7.0f ms%n",
              measured ? "run   " : "warmup", mode.label, run.cpuMs(), run.wallMs());
          if (measured) {
            cpu.computeIfAbsent(mode, m -> new ArrayList<>()).add(run.cpuMs());
            wall.computeIfAbsent(mode, m -> new ArrayList<>()).add(run.wallMs());
          }
          deleteTree(out);
          deleteTree(generatedSources(out));
        }
      }
      results.add(new Size(size, ByMode.of(cpu), ByMode.of(wall), warnings));
    }

    String md = report(total, runs, warmups, results);
    System.out.println();
    System.out.println(md);
    Files.writeString(markdownOut, md, StandardCharsets.UTF_8);
    chartRows(total, results).write(chartRowsOut);
  }

  private static void check(Mode mode, int size, Run run) {
    if (run.errors() > 0) {
      throw new IllegalStateException(mode.label + " compile of size " + size + " had " + run.errors() + " errors");
    }
    long expected = mode.generatesLoaders() ? size : 0;
    if (run.loaders() != expected) {
      throw new IllegalStateException(mode.label + " generated " + run.loaders() + " loaders, expected " + expected);
    }
  }

  static String report(int total, int runs, int warmups, List<Size> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("### Compile time (javac, ").append(total).append(" classes)\n\n");
    sb.append("Each figure: median of ").append(runs).append(" runs after ").append(warmups)
        .append(" warm-up, each run a fresh JVM calling `javax.tools.JavaCompiler` (`--release 17`); min–max in"
            + " brackets. CPU time is that of the whole compiler JVM (javac, JIT and GC threads) during the"
            + " compiler call: the figure to compare, since other work on the machine stretches wall time far more."
            + " Baselines: the *no-op processor* claims `@SessionConfig` and does nothing (javac's own cost of"
            + " annotation processing); the *generating processor* also writes an empty class per config (plus"
            + " javac's cost of the extra round that any generating processor causes).\n\n");
    table(sb, "CPU time (ms)", results, true);
    table(sb, "Wall time (ms)", results, false);

    Size first = results.get(0);
    double target = first.cpu().differencePercent(Mode.SESSIONCONFIG, Mode.NONE);
    sb.append(String.format(Locale.ROOT, "- Target \"< 5 %% at %d config in %d classes\" (CPU time against"
        + " `-proc:none`): %+.1f %% → **%s**. Of that, javac's own cost of a generating processor (generating"
        + " processor against `-proc:none`) is %+.1f %%; the sessionconfig processor adds %+.1f %% to it.%n",
        first.configs(), total, target, target < 5 ? "met" : "missed",
        first.cpu().differencePercent(Mode.GENERATING, Mode.NONE),
        first.cpu().differencePercent(Mode.SESSIONCONFIG, Mode.GENERATING)));
    if (results.size() >= 3) {
      growth(sb, results);
    }
    sb.append("- Processor warnings on the synthetic code base: ");
    sb.append(String.join(", ", results.stream()
        .map(size -> size.warnings() + " at " + size.configs() + (size.configs() == 1 ? " config" : " configs"))
        .toList()));
    sb.append(".\n");
    return sb.toString();
  }

  private static void table(StringBuilder sb, String title, List<Size> results, boolean cpu) {
    sb.append("**").append(title).append("**\n\n| @SessionConfig classes");
    for (Mode mode : MODES) {
      sb.append(" | ").append(mode.label);
    }
    sb.append(" | sessionconfig vs -proc:none | vs generating processor").append(cpu ? " | per config" : "")
        .append(" |\n|---:").append("|---".repeat(MODES.length)).append("|---:|---:").append(cpu ? "|---:" : "")
        .append("|\n");
    for (Size size : results) {
      ByMode figures = cpu ? size.cpu() : size.wall();
      sb.append("| ").append(size.configs());
      for (Mode mode : MODES) {
        sb.append(" | ").append(figures.get(mode).fmt());
      }
      sb.append(" | ").append(figures.overhead(Mode.NONE)).append(" | ").append(figures.overhead(Mode.GENERATING));
      if (cpu) {
        sb.append(String.format(Locale.ROOT, " | %.1f ms",
            figures.differenceMs(Mode.SESSIONCONFIG, Mode.NONE) / size.configs()));
      }
      sb.append(" |\n");
    }
    sb.append('\n');
  }

  /** Whether the CPU overhead against {@code -proc:none} grows linearly with the number of configs. */
  private static void growth(StringBuilder sb, List<Size> results) {
    Size[] sizes = {results.get(0), results.get(1), results.get(2)};
    double a = sizes[0].cpu().differenceMs(Mode.SESSIONCONFIG, Mode.NONE);
    double b = sizes[1].cpu().differenceMs(Mode.SESSIONCONFIG, Mode.NONE);
    double c = sizes[2].cpu().differenceMs(Mode.SESSIONCONFIG, Mode.NONE);
    int n0 = sizes[0].configs();
    int n1 = sizes[1].configs();
    int n2 = sizes[2].configs();
    double slope1 = (b - a) / (n1 - n0);
    double slope2 = (c - b) / (n2 - n1);
    // What a purely quadratic overhead k*n^2 would give for the ratio of the two slopes.
    double quadratic = (double) (n2 + n1) / (n1 + n0);
    sb.append(String.format(Locale.ROOT,
        "- Growth (CPU overhead against `-proc:none`): added cost per config %.2f ms from %d→%d configs, %.2f ms"
            + " from %d→%d (ratio %.2f; linear ≈ 1, quadratic would be ≈ %.1f).",
        slope1, n0, n1, slope2, n1, n2, slope2 / slope1, quadratic));
    // Noise: the widest min–max range of the medians involved.
    double noise = 0;
    for (Size size : sizes) {
      noise = Math.max(noise, Math.max(size.cpu().get(Mode.SESSIONCONFIG).range(), size.cpu().get(Mode.NONE).range()));
    }
    if (Math.abs(b - a) < noise) {
      sb.append(String.format(Locale.ROOT, " The %d→%d difference (%.0f ms) is within the run-to-run range"
          + " (up to %.0f ms), so the first slope is noise-dominated.", n0, n1, b - a, noise));
    }
    // A linear cost F + c*n has a marginal cost c no larger than the average overhead per config at the
    // middle size (F + c*m) / m; a quadratic k*n^2 has a marginal cost about 11 times that (1, 50, 500).
    double reference = Math.max(slope1, b / n1);
    String verdict = slope2 <= 2 * reference ? "linear (met)" : "super-linear (missed)";
    sb.append(String.format(Locale.ROOT, " Marginal cost %d→%d: %.2f ms per config, linear if at most twice the"
        + " larger of the first slope and the average overhead per config at %d (%.2f ms).", n1, n2, slope2, n1,
        reference));
    sb.append(" → **").append(verdict).append("**.\n");
  }

  /** One bar per mode and size: the median CPU times. */
  static ChartRows chartRows(int total, List<Size> results) {
    ChartRows rows = new ChartRows();
    for (Size size : results) {
      for (Mode mode : MODES) {
        rows.add("Compile time: javac, " + total + " classes", "s of CPU, lower is better",
            size.configs() + (size.configs() == 1 ? " config" : " configs"), mode.label,
            size.cpu().get(mode).median() / 1000);
      }
    }
    return rows;
  }

  static Run compile(String java, String benchClasses, Mode mode, Path src, Path out, String classPath,
      String processorPath) throws IOException, InterruptedException {
    deleteTree(out);
    deleteTree(generatedSources(out));
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", benchClasses, CompileOnce.class.getName(), mode.arg,
        src.toString(), out.toString(), classPath, processorPath);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    Matcher m = LINE.matcher(output);
    if (rc != 0 || !m.find()) {
      throw new IllegalStateException("CompileOnce failed (rc " + rc + "):\n" + output);
    }
    int errors = Integer.parseInt(m.group(3));
    int warnings = Integer.parseInt(m.group(4));
    if (warnings > 0 || errors > 0) {
      System.out.print(output);
    }
    return new Run(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), errors, warnings,
        Long.parseLong(m.group(5)));
  }

  /** Where {@link CompileOnce} has javac write generated sources for {@code out}. */
  static Path generatedSources(Path out) {
    return out.resolveSibling(out.getFileName() + "-gen");
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
