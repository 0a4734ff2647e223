package dev.sessionconfig.testing;

import java.util.List;

/** How a helper command (an initdb, a client, a probe) ended: its exit code and its output (stdout and stderr). */
public final class CommandResult {
  private final List<String> command;
  private final int exitCode;
  private final String output;

  CommandResult(List<String> command, int exitCode, String output) {
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.output = output;
  }

  public List<String> command() {
    return command;
  }

  /** The exit code; -1 when it timed out (and was killed). */
  public int exitCode() {
    return exitCode;
  }

  public String output() {
    return output;
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The output, or an IllegalStateException naming the command, its exit code and its output. */
  public String outputOrThrow(String what) {
    if (exitCode != 0) {
      throw new IllegalStateException(what + " failed (exit code " + exitCode + ": " + String.join(" ", command)
          + "):\n" + output);
    }
    return output;
  }

  @Override
  public String toString() {
    return String.join(" ", command) + " -> " + exitCode + ": " + output;
  }
}
