package dev.sessionconfig.spring;

/**
 * The starter cannot set up the application's sessions as it is built: no or several {@code @SessionConfig} classes
 * and no choice, or a Spring Security feature the chosen store cannot serve. Says what is wrong and how to fix it.
 */
public final class StarterSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String problem;
  private final String fix;

  StarterSetupException(String problem, String fix, Throwable cause) {
    super(problem + " " + fix, cause);
    this.problem = problem;
    this.fix = fix;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }

  /** What to do about it. */
  public String fix() {
    return fix;
  }
}
