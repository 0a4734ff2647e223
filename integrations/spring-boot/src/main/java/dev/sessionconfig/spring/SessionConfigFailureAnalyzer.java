package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.SessionConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a session configuration that cannot start as Spring Boot reports its own: every problem, each naming
 * the setting and where its value came from, and what to do, instead of a stack trace.
 */
final class SessionConfigFailureAnalyzer extends AbstractFailureAnalyzer<SessionConfigException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SessionConfigException cause) {
    return new FailureAnalysis(cause.getMessage(), "Fix each setting above where its value comes from (the"
        + " environment variable, system property or file it names, or the field of the @SessionConfig class),"
        + " then start the application again.", cause);
  }
}
