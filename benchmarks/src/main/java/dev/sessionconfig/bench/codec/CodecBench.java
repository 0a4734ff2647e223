package dev.sessionconfig.bench.codec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Stores the {@link SampleSession} with each {@link Codec}: checks that each reads back what it stored, weighs the
 * stored bytes, then times encode and decode with JMH ({@link CodecBenchmarks}) and writes the report.
 *
 * <p>Usage: {@code CodecBench <classPath> <markdownOut> <chartRowsOut>}; JMH settings from {@link Knobs}.
 */
public final class CodecBench {
  private CodecBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: CodecBench <classPath> <markdownOut> <chartRowsOut>");
    }
    String classPath = args[0];
    Path markdownOut = Path.of(args[1]);
    Path chartRowsOut = Path.of(args[2]);
    Knobs knobs = Knobs.fromSystemProperties();

    Map<Codec, StoredSize> sizes = new EnumMap<>(Codec.class);
    for (Codec codec : Codec.values()) {
      sizes.put(codec, roundTrip(codec));
    }

    Options options = new OptionsBuilder().include(CodecBenchmarks.class.getName() + ".*")
        .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS)
        .forks(knobs.forks()).warmupIterations(knobs.warmups()).warmupTime(TimeValue.seconds(knobs.seconds()))
        .measurementIterations(knobs.iterations()).measurementTime(TimeValue.seconds(knobs.seconds()))
        .jvmArgsPrepend("-cp", classPath)
        .build();
    Map<String, Map<Codec, Result<?>>> results = byMethodAndCodec(new Runner(options).run());
    CodecReport report = new CodecReport(knobs, sizes, results.get("encode"), results.get("decode"));

    String md = report.markdown();
    System.out.println();
    System.out.println(md);
    Files.writeString(markdownOut, md, StandardCharsets.UTF_8);
    report.chartRows().write(chartRowsOut);
  }

  /** Stores and reads back the session once, fails unless it came back whole, and weighs what was stored. */
  static StoredSize roundTrip(Codec codec) throws Exception {
    SessionCodec sessionCodec = codec.create();
    Map<String, Object> original = SampleSession.attributes();
    Map<String, byte[]> stored = new LinkedHashMap<>();
    for (Map.Entry<String, Object> attribute : original.entrySet()) {
      stored.put(attribute.getKey(), sessionCodec.encode(attribute.getKey(), attribute.getValue()));
    }
    Map<String, Object> decoded = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> attribute : stored.entrySet()) {
      decoded.put(attribute.getKey(), sessionCodec.decode(attribute.getKey(), attribute.getValue()));
    }
    // Against a fresh copy: a codec that changed the session while storing it must not pass.
    RoundTripCheck.verify(codec.label, SampleSession.attributes(), decoded);
    // A size is only meaningful if the same session always stores the same bytes.
    for (Map.Entry<String, Object> attribute : SampleSession.attributes().entrySet()) {
      if (!Arrays.equals(sessionCodec.encode(attribute.getKey(), attribute.getValue()),
          stored.get(attribute.getKey()))) {
        throw new IllegalStateException(codec.label + " stored the same " + attribute.getKey() + " as other bytes");
      }
    }
    return new StoredSize(stored.get(SampleSession.SECURITY_CONTEXT).length, stored.get(SampleSession.CART).length);
  }

  private static Map<String, Map<Codec, Result<?>>> byMethodAndCodec(Iterable<RunResult> runs) {
    Map<String, Map<Codec, Result<?>>> results = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Codec codec = Codec.valueOf(run.getParams().getParam("codec"));
      results.computeIfAbsent(method, m -> new EnumMap<>(Codec.class)).put(codec, run.getPrimaryResult());
    }
    for (String method : new String[] {"encode", "decode"}) {
      Map<Codec, Result<?>> byCodec = results.get(method);
      if (byCodec == null || byCodec.size() != Codec.values().length) {
        throw new IllegalStateException("JMH returned no " + method + " figure for some codec: " + results.keySet());
      }
    }
    return results;
  }
}
