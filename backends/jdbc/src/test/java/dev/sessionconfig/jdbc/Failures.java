package dev.sessionconfig.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Assertions about what a failure may show. */
final class Failures {
  private Failures() {}

  /** Fails when {@code secret} appears anywhere in {@code failure}: message, causes' messages, stack trace. */
  static void assertDoesNotShow(String secret, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(secret), () -> "the failure shows the secret:\n" + trace);
  }
}
