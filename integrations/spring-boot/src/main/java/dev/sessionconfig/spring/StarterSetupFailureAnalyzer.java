package dev.sessionconfig.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports why the starter cannot set up sessions, and how to fix it, instead of a stack trace. */
final class StarterSetupFailureAnalyzer extends AbstractFailureAnalyzer<StarterSetupException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StarterSetupException cause) {
    return new FailureAnalysis(cause.problem(), cause.fix(), cause);
  }
}
