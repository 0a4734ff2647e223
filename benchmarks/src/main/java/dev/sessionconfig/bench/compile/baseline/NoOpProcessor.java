package dev.sessionconfig.bench.compile.baseline;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Baseline: claims {@code @SessionConfig} and does nothing, so a compile pays only javac's own cost of running
 * annotation processing at all (setting it up and discovering the annotations of every class). Named with
 * {@code -processor} by {@code CompileOnce}, never registered as a service.
 */
public class NoOpProcessor extends AbstractProcessor {
  static final String SESSION_CONFIG = "dev.sessionconfig.SessionConfig";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(SESSION_CONFIG);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return true;
  }
}
