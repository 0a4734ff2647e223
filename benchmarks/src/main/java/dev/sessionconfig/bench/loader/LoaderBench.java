package dev.sessionconfig.bench.loader;

import dev.sessionconfig.bench.chart.ChartRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs {@link LoaderBenchmarks} twice with JMH: steady state (average time per load after warm-up) and cold start
 * (one load per fresh JVM, single shot, many forks), then writes a Markdown table with the ratios.
 *
 * <p>Usage: {@code LoaderBench <classPath> <markdownOut> <coldForks> <chartRowsOut>}.
 */
public final class LoaderBench {
  private LoaderBench() {}

  public static void main(String[] args) throws Exception {
    String classPath = args[0];
    Path markdownOut = Path.of(args[1]);
    int coldForks = Integer.parseInt(args[2]);
    Path chartRowsOut = Path.of(args[3]);
    // Sanity: both sides really load the same values before anything is timed.
    LoaderBenchmarks.Values values = new LoaderBenchmarks.Values();
    LoaderBenchmarks b = new LoaderBenchmarks();
    var settings = b.sessionconfigLoad(values);
    var mapping = b.smallryeConfigMapping(values);
    if (!settings.cookieName().equals(mapping.cookieName())) {
      throw new IllegalStateException("the two loaders disagree on the cookie name");
    }

    String include = LoaderBenchmarks.class.getName() + ".*";
    Options steady = new OptionsBuilder().include(include)
        .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS)
        .forks(2).warmupIterations(3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .jvmArgsPrepend("-cp", classPath)
        .build();
    Map<String, Result<?>> steadyResults = primary(new Runner(steady).run());

    Options cold = new OptionsBuilder().include(include)
        .mode(Mode.SingleShotTime).timeUnit(TimeUnit.MILLISECONDS)
        .forks(coldForks).warmupIterations(0).measurementIterations(1)
        .jvmArgsPrepend("-cp", classPath)
        .build();
    Map<String, Result<?>> coldResults = primary(new Runner(cold).run());

    String md = report(steadyResults, coldResults, coldForks);
    System.out.println();
    System.out.println(md);
    Files.writeString(markdownOut, md, StandardCharsets.UTF_8);
    new ChartRows()
        .add("Loader: first load, fresh JVM", "ms, lower is better", "cold", "sessionconfig",
            coldResults.get("sessionconfigLoad").getScore())
        .add("Loader: first load, fresh JVM", "ms, lower is better", "cold", "SmallRye Config",
            coldResults.get("smallryeConfigMapping").getScore())
        .add("Loader: warm", "µs per load, lower is better", "steady state", "sessionconfig",
            steadyResults.get("sessionconfigLoad").getScore())
        .add("Loader: warm", "µs per load, lower is better", "steady state", "SmallRye Config",
            steadyResults.get("smallryeConfigMapping").getScore())
        .write(chartRowsOut);
  }

  static Map<String, Result<?>> primary(Collection<RunResult> results) {
    Map<String, Result<?>> byName = new LinkedHashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      byName.put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult());
    }
    return byName;
  }

  static String report(Map<String, Result<?>> steady, Map<String, Result<?>> cold, int coldForks) {
    Result<?> ourSteady = steady.get("sessionconfigLoad");
    Result<?> theirSteady = steady.get("smallryeConfigMapping");
    Result<?> ourCold = cold.get("sessionconfigLoad");
    Result<?> theirCold = cold.get("smallryeConfigMapping");
    double warmRatio = theirSteady.getScore() / ourSteady.getScore();
    double coldRatio = theirCold.getScore() / ourCold.getScore();
    StringBuilder sb = new StringBuilder();
    sb.append("### Loader: generated `load(ConfigSource)` vs SmallRye Config (JMH 1.37)\n\n");
    sb.append("Eight settings with the same values from a map (`ConfigSource.of(map)` / a `PropertiesConfigSource`"
        + " and a `@ConfigMapping` interface; each SmallRye call builds the `SmallRyeConfig` and gets the"
        + " mapping). Steady: average time per load, 2 forks × 5 × 1 s after 3 × 1 s warm-up. Cold: the first and"
        + " only load in a fresh JVM (single shot), ").append(coldForks).append(" forks. ± is JMH's 99.9 %"
        + " confidence half-width.\n\n");
    sb.append("| | sessionconfig | SmallRye Config | SmallRye / sessionconfig | target |\n");
    sb.append("|---|---:|---:|---:|---|\n");
    sb.append(String.format(Locale.ROOT, "| steady (µs/load) | %.2f ± %.2f | %.2f ± %.2f | %.1f× | faster warm → **%s** |%n",
        ourSteady.getScore(), ourSteady.getScoreError(), theirSteady.getScore(), theirSteady.getScoreError(),
        warmRatio, warmRatio > 1 ? "met" : "missed"));
    sb.append(String.format(Locale.ROOT, "| cold (ms, first load in a fresh JVM) | %.1f ± %.1f | %.1f ± %.1f | %.1f× |"
            + " 10× faster cold → **%s** |%n",
        ourCold.getScore(), ourCold.getScoreError(), theirCold.getScore(), theirCold.getScoreError(),
        coldRatio, coldRatio >= 10 ? "met" : "missed"));
    sb.append('\n');
    return sb.toString();
  }
}
