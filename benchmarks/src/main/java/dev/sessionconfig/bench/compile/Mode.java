package dev.sessionconfig.bench.compile;

import dev.sessionconfig.bench.compile.baseline.GeneratingProcessor;
import dev.sessionconfig.bench.compile.baseline.NoOpProcessor;
import java.nio.file.Path;
import java.util.List;

/** How javac runs on the synthetic code base: without annotation processing, with a baseline, or with ours. */
enum Mode {
  NONE("none", "-proc:none"),
  /** {@link NoOpProcessor}: javac's cost of annotation processing itself. */
  NO_OP("noop", "no-op processor"),
  /** {@link GeneratingProcessor}: plus a second round, javac's cost of any processor that generates code. */
  GENERATING("gen", "generating processor"),
  /** The sessionconfig processor, found on its processor path as a service, as in users' builds. */
  SESSIONCONFIG("proc", "sessionconfig");

  final String arg;
  final String label;

  Mode(String arg, String label) {
    this.arg = arg;
    this.label = label;
  }

  static Mode of(String arg) {
    for (Mode mode : values()) {
      if (mode.arg.equals(arg)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown mode " + arg);
  }

  /** Whether a run writes one {@code *Loader} class per config. */
  boolean generatesLoaders() {
    return this == GENERATING || this == SESSIONCONFIG;
  }

  /**
   * javac's options for processing in this mode.
   *
   * @param processorPath the sessionconfig processor's path
   * @param baselinePath where the baseline processors are (the benchmark's own classes)
   * @param generatedSources where generated sources go
   */
  List<String> processingOptions(String processorPath, String baselinePath, Path generatedSources) {
    return switch (this) {
      case NONE -> List.of("-proc:none");
      case NO_OP -> baseline(NoOpProcessor.class, baselinePath, generatedSources);
      case GENERATING -> baseline(GeneratingProcessor.class, baselinePath, generatedSources);
      case SESSIONCONFIG -> List.of("-processorpath", processorPath, "-s", generatedSources.toString());
    };
  }

  private static List<String> baseline(Class<?> processor, String baselinePath, Path generatedSources) {
    return List.of("-processorpath", baselinePath, "-processor", processor.getName(),
        "-s", generatedSources.toString());
  }
}
