package dev.sessionconfig.bench.compile.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Baseline: writes an empty {@code <Config>Loader} class for each {@code @SessionConfig} class. Generating any
 * source makes javac run a second round, which re-enters every compilation unit: the cost every generating
 * processor (AutoValue, Dagger, ours) pays on top of {@link NoOpProcessor}'s.
 */
public final class GeneratingProcessor extends NoOpProcessor {
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement sessionConfig = processingEnv.getElementUtils().getTypeElement(SESSION_CONFIG);
    for (TypeElement config : ElementFilter.typesIn(round.getElementsAnnotatedWith(sessionConfig))) {
      String pkg = ((PackageElement) config.getEnclosingElement()).getQualifiedName().toString();
      String name = config.getSimpleName() + "Loader";
      try (Writer out = processingEnv.getFiler().createSourceFile(pkg + "." + name, config).openWriter()) {
        out.write("package " + pkg + ";\n\nfinal class " + name + " {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }
}
