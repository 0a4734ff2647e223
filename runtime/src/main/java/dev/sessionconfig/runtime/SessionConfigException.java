package dev.sessionconfig.runtime;

import java.util.List;

/**
 * Every problem found while loading a config class's settings at startup, one line each, naming the
 * setting and where its value came from. Never contains a secret's value.
 */
public final class SessionConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public SessionConfigException(String configClass, List<String> problems) {
    super(message(configClass, problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one line each, in the order of the settings. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String configClass, List<String> problems) {
    StringBuilder message = new StringBuilder()
        .append("Invalid session configuration ").append(configClass).append(" (")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
    for (String problem : problems) {
      message.append(System.lineSeparator()).append("  ").append(problem);
    }
    return message.toString();
  }
}
