package dev.sessionconfig.bench.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compile-time benchmark: javac with the sessionconfig processor against the same sources with
 * {@code -proc:none}, on a synthetic code base of {@code total} classes of which 1, 50 and 500 (by default) are
 * {@code @SessionConfig} classes. Every measurement is a fresh JVM running {@link CompileOnce}; the two modes
 * alternate (proc first on even runs, none first on odd ones) so that drift of the machine hits both alike.
 *
 * <p>Usage: {@code CompileBench <workDir> <benchClassesDir> <compileClassPath> <processorPath> <markdownOut>
 * <svgOut>}; system properties {@code bench.total} (2000), {@code bench.sizes} (1,50,500), {@code bench.runs}
 * (5), {@code bench.warmups} (1).
 */
public final class CompileBench {
  private static final Pattern LINE = Pattern.compile(
      "compile_ms=([0-9.]+) errors=(\\d+) warnings=(\\d+) loaders=(\\d+) ok=(\\w+)");

  private CompileBench() {}

  record Run(double compileMs, double processMs, int errors, int warnings, long loaders) {}

  record Stats(double median, double min, double max) {
    static Stats of(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = v.length;
      double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      return new Stats(median, v[0], v[n - 1]);
    }

    double spreadPercent() {
      return (max - min) / median * 100;
    }

    String fmt() {
      return String.format(Locale.ROOT, "%.0f ms (%.0f–%.0f, spread %.1f %%)", median, min, max, spreadPercent());
    }
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    String benchClasses = args[1];
    String compileClassPath = args[2];
    String processorPath = args[3];
    Path markdownOut = Path.of(args[4]);
    Path svgOut = Path.of(args[5]);
    int total = Integer.getInteger("bench.total", 2000);
    int runs = Integer.getInteger("bench.runs", 5);
    int warmups = Integer.getInteger("bench.warmups", 1);
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1,50,500").split(","))
        .mapToInt(Integer::parseInt).toArray();
    String java = ProcessHandle.current().info().command().orElse("java");

    Map<Integer, Stats[]> results = new LinkedHashMap<>();   // size -> {proc, none, procProcess, noneProcess}
    Map<Integer, Integer> warnings = new LinkedHashMap<>();
    for (int size : sizes) {
      Path src = work.resolve("src-" + size);
      deleteTree(src);
      int files = Generator.generate(src, total, size).size();
      System.out.printf(Locale.ROOT, "[compile] %d classes, %d @SessionConfig: %d warm-up + %d measured runs per"
          + " mode%n", files, size, warmups, runs);
      List<Double> proc = new ArrayList<>();
      List<Double> none = new ArrayList<>();
      List<Double> procWall = new ArrayList<>();
      List<Double> noneWall = new ArrayList<>();
      for (int r = 0; r < warmups + runs; r++) {
        boolean measured = r >= warmups;
        String[] order = r % 2 == 0 ? new String[] {"proc", "none"} : new String[] {"none", "proc"};
        for (String mode : order) {
          Run run = compile(java, benchClasses, mode, src, work.resolve("out-" + size + "-" + mode),
              compileClassPath, processorPath);
          if (run.errors() > 0) {
            throw new IllegalStateException(mode + " compile of size " + size + " had " + run.errors() + " errors");
          }
          if (mode.equals("proc") && run.loaders() != size) {
            throw new IllegalStateException("processor generated " + run.loaders() + " loaders, expected " + size);
          }
          if (mode.equals("none") && run.loaders() != 0) {
            throw new IllegalStateException("-proc:none run generated loaders");
          }
          if (mode.equals("proc")) {
            warnings.put(size, run.warnings());
          }
          System.out.printf(Locale.ROOT, "  %s %-4s javac %7.0f ms, process %7.0f ms%s%n",
              measured ? "run   " : "warmup", mode, run.compileMs(), run.processMs(),
              mode.equals("proc") ? " (" + run.loaders() + " loaders generated)" : "");
          if (measured) {
            (mode.equals("proc") ? proc : none).add(run.compileMs());
            (mode.equals("proc") ? procWall : noneWall).add(run.processMs());
          }
        }
      }
      results.put(size, new Stats[] {Stats.of(proc), Stats.of(none), Stats.of(procWall), Stats.of(noneWall)});
      deleteTree(work.resolve("out-" + size + "-proc"));
      deleteTree(work.resolve("out-" + size + "-proc-gen"));
      deleteTree(work.resolve("out-" + size + "-none"));
    }

    String md = report(total, runs, warmups, results, warnings);
    System.out.println();
    System.out.println(md);
    Files.writeString(markdownOut, md, StandardCharsets.UTF_8);
    Files.writeString(svgOut, svg(total, results), StandardCharsets.UTF_8);
  }

  static String report(int total, int runs, int warmups, Map<Integer, Stats[]> results,
      Map<Integer, Integer> warnings) {
    StringBuilder sb = new StringBuilder();
    sb.append("### Compile time (javac, ").append(total).append(" classes)\n\n");
    sb.append("Each figure: median of ").append(runs).append(" runs after ").append(warmups)
        .append(" warm-up, each run a fresh JVM calling `javax.tools.JavaCompiler` (`--release 17`); min–max in"
            + " brackets. \"javac\" times the compiler call only, \"process\" the whole JVM (start included).\n\n");
    sb.append("| @SessionConfig classes | with processor | `-proc:none` | overhead (javac) | overhead (process)"
        + " | overhead per config | processor warnings |\n");
    sb.append("|---:|---|---|---:|---:|---:|---:|\n");
    Map<Integer, Double> overheadMs = new LinkedHashMap<>();
    for (Map.Entry<Integer, Stats[]> e : results.entrySet()) {
      int size = e.getKey();
      Stats[] s = e.getValue();
      double over = s[0].median() - s[1].median();
      overheadMs.put(size, over);
      sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %+.1f %% (%+.0f ms) | %+.1f %% | %.1f ms | %d |%n",
          size, s[0].fmt(), s[1].fmt(), (s[0].median() / s[1].median() - 1) * 100, over,
          (s[2].median() / s[3].median() - 1) * 100, over / size, warnings.get(size)));
    }
    sb.append('\n');

    Integer[] sizes = overheadMs.keySet().toArray(new Integer[0]);
    Stats[] first = results.get(sizes[0]);
    double firstPct = (first[0].median() / first[1].median() - 1) * 100;
    sb.append(String.format(Locale.ROOT, "- Target \"< 5 %% at %d config in %d classes\": %+.1f %% (javac) → **%s**.%n",
        sizes[0], total, firstPct, firstPct < 5 ? "met" : "missed"));
    if (sizes.length >= 3) {
      double a = overheadMs.get(sizes[0]);
      double b = overheadMs.get(sizes[1]);
      double c = overheadMs.get(sizes[2]);
      double slope1 = (b - a) / (sizes[1] - sizes[0]);
      double slope2 = (c - b) / (sizes[2] - sizes[1]);
      // What a purely quadratic overhead k*n^2 would give for the ratio of the two slopes.
      double quadratic = (double) (sizes[2] + sizes[1]) / (sizes[1] + sizes[0]);
      double ratio = slope2 / slope1;
      // Noise: the widest min–max range of the medians involved.
      double noise = 0;
      for (Integer n : sizes) {
        noise = Math.max(noise, Math.max(results.get(n)[0].max() - results.get(n)[0].min(),
            results.get(n)[1].max() - results.get(n)[1].min()));
      }
      sb.append(String.format(Locale.ROOT,
          "- Growth: added cost per config %.2f ms from %d→%d configs, %.2f ms from %d→%d (ratio %.2f; linear"
              + " ≈ 1, quadratic would be ≈ %.1f).",
          slope1, sizes[0], sizes[1], slope2, sizes[1], sizes[2], ratio, quadratic));
      boolean noisy = Math.abs(b - a) < noise;
      if (noisy) {
        sb.append(String.format(Locale.ROOT, " The %d→%d difference (%.0f ms) is within the run-to-run range"
            + " (up to %.0f ms), so the first slope is noise-dominated.", sizes[0], sizes[1], b - a, noise));
      }
      // A linear cost F + c*n has a marginal cost c no larger than the average overhead per config at the
      // middle size (F + c*m) / m; a quadratic k*n^2 has a marginal cost about 11 times that (1, 50, 500).
      double reference = Math.max(slope1, b / sizes[1]);
      String verdict = slope2 <= 2 * reference ? "linear (met)" : "super-linear (missed)";
      sb.append(String.format(Locale.ROOT, " Marginal cost %d→%d vs the average overhead per config at %d"
          + " (%.2f ms): %.2f×.", sizes[1], sizes[2], sizes[1], b / sizes[1], slope2 / (b / sizes[1])));
      sb.append(" → **").append(verdict).append("**.\n");
    }
    return sb.toString();
  }

  /** A plain grouped bar chart of the median javac times. */
  static String svg(int total, Map<Integer, Stats[]> results) {
    int w = 560;
    int h = 300;
    int left = 60;
    int bottom = 250;
    double max = results.values().stream().mapToDouble(s -> Math.max(s[0].max(), s[1].max())).max().orElse(1);
    double scale = 200 / max;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n", w, h));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">javac time, %d classes (median"
        + " ms, fresh JVM per run)</text>%n", left, total));
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
        left, bottom, w - 20, bottom));
    int group = 0;
    int groupWidth = (w - left - 40) / results.size();
    for (Map.Entry<Integer, Stats[]> e : results.entrySet()) {
      int x0 = left + 10 + group * groupWidth;
      String[] labels = {"processor", "-proc:none"};
      String[] colors = {"#d9534f", "#5b8def"};
      for (int k = 0; k < 2; k++) {
        double v = e.getValue()[k].median();
        int bh = (int) Math.round(v * scale);
        int x = x0 + k * 55;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"50\" height=\"%d\" fill=\"%s\">"
            + "<title>%s</title></rect>%n", x, bottom - bh, bh, colors[k], labels[k]));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n",
            x + 25, bottom - bh - 4, v));
      }
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d config%s</text>%n",
          x0 + 52, bottom + 18, e.getKey(), e.getKey() == 1 ? "" : "s"));
      group++;
    }
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"276\" width=\"12\" height=\"12\" fill=\"#d9534f\"/>"
        + "<text x=\"%d\" y=\"287\">with processor</text>%n", left, left + 16));
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"276\" width=\"12\" height=\"12\" fill=\"#5b8def\"/>"
        + "<text x=\"%d\" y=\"287\">-proc:none</text>%n", left + 130, left + 146));
    sb.append("</svg>\n");
    return sb.toString();
  }

  static Run compile(String java, String benchClasses, String mode, Path src, Path out, String classPath,
      String processorPath) throws IOException, InterruptedException {
    deleteTree(out);
    deleteTree(out.resolveSibling(out.getFileName() + "-gen"));
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", benchClasses, CompileOnce.class.getName(), mode,
        src.toString(), out.toString(), classPath, processorPath);
    pb.redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    double wall = (System.nanoTime() - start) / 1e6;
    Matcher m = LINE.matcher(output);
    if (rc != 0 || !m.find()) {
      throw new IllegalStateException("CompileOnce failed (rc " + rc + "):\n" + output);
    }
    int warnings = Integer.parseInt(m.group(3));
    if (warnings > 0 || Integer.parseInt(m.group(2)) > 0) {
      System.out.print(output);
    }
    return new Run(Double.parseDouble(m.group(1)), wall, Integer.parseInt(m.group(2)), warnings,
        Long.parseLong(m.group(4)));
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
