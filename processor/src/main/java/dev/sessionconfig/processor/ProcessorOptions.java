package dev.sessionconfig.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code -Asessionconfig.*} options, parsed strictly: an unknown option or a value that is not exactly
 * {@code true} or {@code false} is an error, never silently ignored.
 */
public final class ProcessorOptions {
  static final String PREFIX = "sessionconfig.";
  static final String WARNINGS_AS_ERRORS = PREFIX + "warningsAsErrors";
  static final Set<String> KNOWN = Set.of(WARNINGS_AS_ERRORS);

  private final boolean warningsAsErrors;
  private final List<String> problems;

  private ProcessorOptions(boolean warningsAsErrors, List<String> problems) {
    this.warningsAsErrors = warningsAsErrors;
    this.problems = List.copyOf(problems);
  }

  /** Parses the options javac was given; every {@code sessionconfig.*} key must be known. */
  static ProcessorOptions parse(Map<String, String> options) {
    List<String> problems = new ArrayList<>();
    boolean warningsAsErrors = false;
    for (Map.Entry<String, String> option : new java.util.TreeMap<>(options).entrySet()) {
      String key = option.getKey();
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      if (!KNOWN.contains(key)) {
        String hint = dev.sessionconfig.Names.closest(key, KNOWN).map(s -> "; did you mean -A" + s + "?").orElse("");
        problems.add("Unknown option -A" + key + hint);
      } else if ("true".equals(option.getValue())) {
        warningsAsErrors = true;
      } else if (!"false".equals(option.getValue())) {
        problems.add("Option -A" + key + " takes true or false, not '" + option.getValue() + "'");
      }
    }
    return new ProcessorOptions(warningsAsErrors, problems);
  }

  /** Whether warnings are reported as errors ({@code -Asessionconfig.warningsAsErrors=true}). */
  public boolean warningsAsErrors() {
    return warningsAsErrors;
  }

  /** What was wrong with the options, one sentence each. */
  List<String> problems() {
    return problems;
  }
}
