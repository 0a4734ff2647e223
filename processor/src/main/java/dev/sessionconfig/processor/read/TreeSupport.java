package dev.sessionconfig.processor.read;

import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/** Access to javac's Tree API from an annotation processor, which other compilers do not offer. */
public final class TreeSupport {
  private TreeSupport() {}

  /**
   * javac's trees for {@code env}; empty under a compiler without them. Eclipse's compiler makes {@link
   * Trees#instance} throw IllegalArgumentException; a wrapped environment (build tools' incremental
   * processing) or a runtime without the {@code jdk.compiler} module fails in other ways.
   */
  public static Optional<Trees> of(ProcessingEnvironment env) {
    try {
      return Optional.of(Trees.instance(env));
    } catch (RuntimeException | LinkageError noTreeApi) {
      return Optional.empty();
    }
  }
}
