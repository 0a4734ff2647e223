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
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Compile-time benchmark: javac with the sessionconfig processor against the same sources with {@code -proc:none}
 * and with two baseline processors (see {@link Mode}), on a synthetic code base of {@code total} classes of which
 * 1, 50 and 500 (by default) are {@code @SessionConfig} classes. Every measurement is a fresh JVM running {@link
 * CompileOnce}; a repetition runs every mode once, each repetition starting with the next mode, so that drift
 * of the machine hits all modes alike and overheads can be taken repetition by repetition. The figures compared
 * are CPU times: the machine may be shared, which stretches wall times far more.
 *
 * <p>Usage: {@code CompileBench <workDir> <benchClassesDir> <compileClassPath> <processorPath> <markdownOut>
 * <chartRowsOut>} (the bars for {@code SummaryChart}); system properties {@code bench.total} (2000), {@code
 * bench.sizes} (1,50,500), {@code bench.runs} (10: repetitions at the first size, which decides the target), {@code
 * bench.growthRuns} (3: at the other sizes, whose differences are far above the noise), {@code bench.warmups} (1,
 * before the first size).
 */
public final class CompileBench {
  private static final Pattern LINE = Pattern.compile("compile_ms=([0-9.]+) cpu_ms=([0-9.]+)"
      + " javac_thread_cpu_ms=([0-9.]+) .*processing_ms=([0-9.]+) rounds_ms=([0-9.]+)"
      + " errors=(\\d+) warnings=(\\d+) loaders=(\\d+) ok=(\\w+)");
  private static final Mode[] MODES = Mode.values();
  /** The overhead the target allows at the first size, in percent of {@code -proc:none}'s CPU time. */
  private static final double TARGET_PERCENT = 5;

  private CompileBench() {}

  /** One compile: wall time, CPU of the JVM, of javac's thread, and of that thread in annotation processing. */
  record Run(double wallMs, double cpuMs, double threadMs, double processingMs, double roundsMs, int errors,
      int warnings, long loaders) {}

  /** Which figure of a run a table shows. */
  enum Measure {
    CPU("CPU time of the compiler JVM (ms)", Run::cpuMs),
    THREAD("CPU time of javac's thread (ms)", Run::threadMs),
    WALL("Wall time (ms)", Run::wallMs);

    final String title;
    final ToDoubleFunction<Run> of;

    Measure(String title, ToDoubleFunction<Run> of) {
      this.title = title;
      this.of = of;
    }
  }

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

  /**
   * The median of values and a distribution-free confidence interval for it: the k-th smallest and k-th largest
   * value, k the largest for which the interval still covers the true median with probability at least 95 % (for
   * fewer than 6 values none does, and the interval is the whole range, with the coverage it has).
   */
  record Interval(double median, double low, double high, double coverage) {
    static Interval of(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = v.length;
      double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      // P(fewer than k of n values lie below the median) = sum over j < k of C(n, j) / 2^n.
      int k = 1;
      double below = Math.pow(0.5, n);
      double tail = below;
      for (int j = 1; j < n / 2; j++) {
        below = below * (n - j + 1) / j;
        if (tail + below > 0.025) {
          break;
        }
        tail += below;
        k = j + 1;
      }
      return new Interval(median, v[k - 1], v[n - k], 1 - 2 * tail);
    }

    String fmt() {
      return String.format(Locale.ROOT, "%+.1f %% [%+.1f, %+.1f]", median, low, high);
    }
  }

  /** The runs of every mode for one code base size, in the order of the repetitions. */
  record Size(int configs, Map<Mode, List<Run>> runs, int warnings) {
    Stats stats(Mode mode, Measure measure) {
      return Stats.of(runs.get(mode).stream().map(run -> measure.of.applyAsDouble(run)).toList());
    }

    double median(Mode mode, Measure measure) {
      return stats(mode, measure).median();
    }

    /** How many ms the median of {@code mode} exceeds that of {@code baseline}. */
    double differenceMs(Mode mode, Mode baseline, Measure measure) {
      return median(mode, measure) - median(baseline, measure);
    }

    double differencePercent(Mode mode, Mode baseline, Measure measure) {
      return (median(mode, measure) / median(baseline, measure) - 1) * 100;
    }

    /** The sessionconfig processor's overhead over {@code baseline}, as a table cell. */
    String overhead(Mode baseline, Measure measure) {
      return String.format(Locale.ROOT, "%+.1f %% (%+.0f ms)", differencePercent(Mode.SESSIONCONFIG, baseline,
          measure), differenceMs(Mode.SESSIONCONFIG, baseline, measure));
    }

    /**
     * The overhead of {@code mode} over {@code baseline} repetition by repetition (the modes of one repetition run
     * one after the other, so drift of the machine cancels out), in percent.
     */
    Interval paired(Mode mode, Mode baseline, Measure measure) {
      List<Run> a = runs.get(mode);
      List<Run> b = runs.get(baseline);
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        ratios.add((measure.of.applyAsDouble(a.get(i)) / measure.of.applyAsDouble(b.get(i)) - 1) * 100);
      }
      return Interval.of(ratios);
    }

    Stats phase(Mode mode, ToDoubleFunction<Run> phase) {
      return Stats.of(runs.get(mode).stream().map(run -> phase.applyAsDouble(run)).toList());
    }
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    String benchClasses = args[1];
    String compileClassPath = args[2];
    String processorPath = args[3];
    Path markdownOut = Path.of(args[4]);
    Path chartRowsOut = Path.of(args[5]);
    int total = Integer.getInteger("bench.total", 2000);
    int runs = Integer.getInteger("bench.runs", 10);
    int growthRuns = Integer.getInteger("bench.growthRuns", 3);
    int warmups = Integer.getInteger("bench.warmups", 1);
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1,50,500").split(","))
        .mapToInt(Integer::parseInt).toArray();
    String java = ProcessHandle.current().info().command().orElse("java");

    List<Size> results = new ArrayList<>();
    for (int s = 0; s < sizes.length; s++) {
      int size = sizes[s];
      // The first size decides the target and gets the repetitions; the others show growth, far above the noise.
      int measuredRuns = s == 0 ? runs : growthRuns;
      int warmupRuns = s == 0 ? warmups : 0;
      Path src = work.resolve("src-" + size);
      deleteTree(src);
      int files = Generator.generate(src, total, size).size();
      System.out.printf(Locale.ROOT, "[compile] %d classes, %d @SessionConfig: %d warm-up + %d measured runs per"
          + " mode%n", files, size, warmupRuns, measuredRuns);
      Map<Mode, List<Run>> measured = new EnumMap<>(Mode.class);
      int warnings = 0;
      for (int r = 0; r < warmupRuns + measuredRuns; r++) {
        boolean counted = r >= warmupRuns;
        for (int k = 0; k < MODES.length; k++) {
          Mode mode = MODES[(r + k) % MODES.length];
          Path out = work.resolve("out-" + size + "-" + mode.arg);
          Run run = compile(java, benchClasses, mode, src, out, compileClassPath, processorPath);
          check(mode, size, run);
          if (mode == Mode.SESSIONCONFIG) {
            warnings = run.warnings();
          }
          System.out.printf(Locale.ROOT, "  %s %-20s cpu %7.0f ms, javac thread %7.0f ms (processing %5.0f,"
              + " rounds %4.0f), wall %7.0f ms%n", counted ? "run   " : "warmup", mode.label, run.cpuMs(),
              run.threadMs(), run.processingMs(), run.roundsMs(), run.wallMs());
          if (counted) {
            measured.computeIfAbsent(mode, m -> new ArrayList<>()).add(run);
          }
          deleteTree(out);
          deleteTree(generatedSources(out));
        }
      }
      results.add(new Size(size, measured, warnings));
    }

    String md = report(total, warmups, results);
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

  static String report(int total, int warmups, List<Size> results) {
    StringBuilder sb = new StringBuilder();
    Size first = results.get(0);
    int runs = first.runs().get(Mode.NONE).size();
    sb.append("### Compile time (javac, ").append(total).append(" classes)\n\n");
    sb.append("Each figure: median of ").append(runs).append(" runs at ").append(first.configs())
        .append(first.configs() == 1 ? " config" : " configs");
    if (results.size() > 1) {
      int growthRuns = results.get(1).runs().get(Mode.NONE).size();
      sb.append(" and of ").append(growthRuns).append(" at the larger sizes");
    }
    sb.append(", min–max in brackets. Each run is a fresh JVM calling `javax.tools.JavaCompiler` (`--release 17`);"
        + " a repetition runs the four modes one after the other, each starting with the next mode, after "
        + warmups + " warm-up " + (warmups == 1 ? "repetition" : "repetitions") + ". CPU time of the JVM is that of every thread (javac, JIT, GC) during the compiler"
        + " call: the figure the target is measured on. javac's thread alone is less noisy; wall time is stretched"
        + " by other work on the machine. Baselines: the *no-op processor* claims `@SessionConfig` and does nothing"
        + " (javac's own cost of running any annotation processor: before the last round and again before"
        + " compiling, javac enters every compilation unit anew); the *generating processor* also writes an empty"
        + " class per config (plus javac's cost of the extra round that any generating processor causes).\n\n");
    for (Measure measure : Measure.values()) {
      table(sb, measure, results);
    }
    pairedTable(sb, first);
    phasesTable(sb, first);

    Interval target = first.paired(Mode.SESSIONCONFIG, Mode.NONE, Measure.CPU);
    Interval noOp = first.paired(Mode.NO_OP, Mode.NONE, Measure.CPU);
    // sessionconfig does all the no-op processor makes javac do and more, so it cannot cost less.
    String verdict = target.high() < TARGET_PERCENT ? "met"
        : target.low() >= TARGET_PERCENT ? "missed"
        : noOp.low() >= TARGET_PERCENT ? "missed: even the no-op processor's interval lies above "
            + fmt(TARGET_PERCENT) + " %, and sessionconfig makes javac do all it does and more"
        : "not decided by this run (the interval straddles " + fmt(TARGET_PERCENT) + " %)";
    sb.append(String.format(Locale.ROOT, "- Target \"< %s %% at %d config in %d classes\" (CPU time of the JVM"
        + " against `-proc:none`, repetition by repetition): %s → **%s**. The no-op processor alone costs %s, the"
        + " generating processor %s; sessionconfig against the generating processor: %s.%n",
        fmt(TARGET_PERCENT), first.configs(), total, target.fmt(), verdict,
        noOp.fmt(),
        first.paired(Mode.GENERATING, Mode.NONE, Measure.CPU).fmt(),
        first.paired(Mode.SESSIONCONFIG, Mode.GENERATING, Measure.CPU).fmt()));
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

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static void table(StringBuilder sb, String title, List<Size> results, Measure measure) {
    boolean perConfig = measure == Measure.CPU;
    sb.append("**").append(title).append("**\n\n| @SessionConfig classes");
    for (Mode mode : MODES) {
      sb.append(" | ").append(mode.label);
    }
    sb.append(" | sessionconfig vs -proc:none | vs generating processor").append(perConfig ? " | per config" : "")
        .append(" |\n|---:").append("|---".repeat(MODES.length)).append("|---:|---:").append(perConfig ? "|---:" : "")
        .append("|\n");
    for (Size size : results) {
      sb.append("| ").append(size.configs());
      for (Mode mode : MODES) {
        sb.append(" | ").append(size.stats(mode, measure).fmt());
      }
      sb.append(" | ").append(size.overhead(Mode.NONE, measure)).append(" | ")
          .append(size.overhead(Mode.GENERATING, measure));
      if (perConfig) {
        sb.append(String.format(Locale.ROOT, " | %.1f ms",
            size.differenceMs(Mode.SESSIONCONFIG, Mode.NONE, measure) / size.configs()));
      }
      sb.append(" |\n");
    }
    sb.append('\n');
  }

  private static void table(StringBuilder sb, Measure measure, List<Size> results) {
    table(sb, measure.title, results, measure);
  }

  /** The overheads at one size, each the median of the repetitions' own ratios, with its confidence interval. */
  private static void pairedTable(StringBuilder sb, Size size) {
    List<Double> coverage = List.of(size.paired(Mode.NO_OP, Mode.NONE, Measure.CPU).coverage());
    sb.append(String.format(Locale.ROOT, "**Overhead at %d %s, repetition by repetition** (median of the %d"
        + " repetitions' ratios; in brackets a %.0f %% confidence interval for it, from the order of the ratios, which"
        + " assumes nothing about their distribution)%n%n", size.configs(), size.configs() == 1 ? "config" : "configs",
        size.runs().get(Mode.NONE).size(), Math.floor(coverage.get(0) * 1000) / 10));
    sb.append("| compared | CPU time of the JVM | CPU time of javac's thread |\n|---|---:|---:|\n");
    Mode[][] pairs = {{Mode.NO_OP, Mode.NONE}, {Mode.GENERATING, Mode.NONE}, {Mode.SESSIONCONFIG, Mode.NONE},
        {Mode.GENERATING, Mode.NO_OP}, {Mode.SESSIONCONFIG, Mode.GENERATING}};
    for (Mode[] pair : pairs) {
      sb.append("| ").append(pair[0].label).append(" vs ").append(pair[1].label).append(" | ")
          .append(size.paired(pair[0], pair[1], Measure.CPU).fmt()).append(" | ")
          .append(size.paired(pair[0], pair[1], Measure.THREAD).fmt()).append(" |\n");
    }
    sb.append('\n');
  }

  /** Where javac's thread spends the time annotation processing adds, per mode with processing. */
  private static void phasesTable(StringBuilder sb, Size size) {
    sb.append(String.format(Locale.ROOT, "**javac's thread inside annotation processing at %d %s** (median ms;"
        + " \"outside the rounds\" is javac entering every compilation unit anew before each later round and before"
        + " compiling, and finding and loading the processors; some of this work javac would otherwise do later,"
        + " so only the comparisons above say what processing adds)%n%n", size.configs(),
        size.configs() == 1 ? "config" : "configs"));
    Mode[] processing = {Mode.NO_OP, Mode.GENERATING, Mode.SESSIONCONFIG};
    sb.append("| | ");
    sb.append(String.join(" | ", Arrays.stream(processing).map(mode -> mode.label).toList()));
    sb.append(" |\n|---").append("|---:".repeat(processing.length)).append("|\n");
    phaseRow(sb, size, processing, "annotation processing, all", Run::processingMs);
    phaseRow(sb, size, processing, "of which the processors' rounds", Run::roundsMs);
    phaseRow(sb, size, processing, "of which outside the rounds", run -> run.processingMs() - run.roundsMs());
    sb.append("| share of javac's thread");
    for (Mode mode : processing) {
      List<Double> shares = size.runs().get(mode).stream().map(run -> run.processingMs() / run.threadMs() * 100)
          .toList();
      sb.append(String.format(Locale.ROOT, " | %.1f %%", Stats.of(shares).median()));
    }
    sb.append(" |\n\n");
  }

  private static void phaseRow(StringBuilder sb, Size size, Mode[] modes, String label, ToDoubleFunction<Run> phase) {
    sb.append("| ").append(label);
    for (Mode mode : modes) {
      sb.append(" | ").append(size.phase(mode, phase).fmt());
    }
    sb.append(" |\n");
  }

  /**
   * Whether the cost grows linearly with the number of configs. Decided on the processor's own work (javac's
   * thread inside the rounds), which is measured directly and so is far less noisy than a difference of two
   * whole compiles; the whole compile's overhead is shown beside it.
   */
  private static void growth(StringBuilder sb, List<Size> results) {
    Size[] sizes = {results.get(0), results.get(1), results.get(2)};
    int n0 = sizes[0].configs();
    int n1 = sizes[1].configs();
    int n2 = sizes[2].configs();
    // What a purely quadratic cost k*n^2 would give for the ratio of the two slopes.
    double quadratic = (double) (n2 + n1) / (n1 + n0);
    double[] rounds = new double[3];
    double[] overhead = new double[3];
    for (int i = 0; i < 3; i++) {
      rounds[i] = sizes[i].phase(Mode.SESSIONCONFIG, Run::roundsMs).median();
      overhead[i] = sizes[i].differenceMs(Mode.SESSIONCONFIG, Mode.NONE, Measure.CPU);
    }
    double roundSlope1 = (rounds[1] - rounds[0]) / (n1 - n0);
    double roundSlope2 = (rounds[2] - rounds[1]) / (n2 - n1);
    String verdict = roundSlope2 <= 2 * roundSlope1 ? "linear (met)" : "super-linear (missed)";
    sb.append(String.format(Locale.ROOT, "- Growth: the processor's rounds took %.0f, %.0f and %.0f ms of javac's"
        + " thread at %d, %d and %d configs: %.2f ms per added config from %d→%d, %.2f ms from %d→%d (ratio %.2f;"
        + " linear ≈ 1 or less as the code warms up, quadratic would be ≈ %.1f; linear if at most 2) → **%s**.",
        rounds[0], rounds[1], rounds[2], n0, n1, n2, roundSlope1, n0, n1, roundSlope2, n1, n2,
        roundSlope2 / roundSlope1, quadratic, verdict));
    sb.append(String.format(Locale.ROOT, " The whole compile's CPU overhead against `-proc:none` grew by %.1f ms"
        + " per config from %d→%d and %.1f ms from %d→%d; at %d configs sessionconfig cost %.1f ms per config"
        + " more than the generating processor (reading, checking and writing a loader, and javac compiling it"
        + " where the baseline compiles an empty class).", (overhead[1] - overhead[0]) / (n1 - n0), n0, n1,
        (overhead[2] - overhead[1]) / (n2 - n1), n1, n2, n2,
        sizes[2].differenceMs(Mode.SESSIONCONFIG, Mode.GENERATING, Measure.CPU) / n2));
    double noise = 0;
    for (Size size : sizes) {
      noise = Math.max(noise, Math.max(size.stats(Mode.SESSIONCONFIG, Measure.CPU).range(),
          size.stats(Mode.NONE, Measure.CPU).range()));
    }
    if (Math.abs(overhead[1] - overhead[0]) < noise) {
      sb.append(String.format(Locale.ROOT, " The whole compile's %d→%d difference (%.0f ms) is within the"
          + " run-to-run range (up to %.0f ms): that slope is noise.", n0, n1, overhead[1] - overhead[0], noise));
    }
    sb.append('\n');
  }

  /** One bar per mode and size: the median CPU times. */
  static ChartRows chartRows(int total, List<Size> results) {
    ChartRows rows = new ChartRows();
    for (Size size : results) {
      for (Mode mode : MODES) {
        rows.add("Compile time: javac, " + total + " classes", "s of CPU, lower is better",
            size.configs() + (size.configs() == 1 ? " config" : " configs"), mode.label,
            size.median(mode, Measure.CPU) / 1000);
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
    int errors = Integer.parseInt(m.group(6));
    int warnings = Integer.parseInt(m.group(7));
    if (warnings > 0 || errors > 0) {
      System.out.print(output);
    }
    return new Run(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), errors, warnings, Long.parseLong(m.group(8)));
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
