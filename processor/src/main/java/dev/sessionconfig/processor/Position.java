package dev.sessionconfig.processor;

import com.sun.source.util.TreePath;
import java.util.Objects;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic belongs: an element, an annotation (value) on it, or a subexpression of its source. Made by
 * the reader, printed by {@link Report}; opaque to everything in between, so the rules never see javac.
 */
public final class Position {
  final Element element;
  final AnnotationMirror mirror;
  final AnnotationValue value;
  final TreePath path;

  private Position(Element element, AnnotationMirror mirror, AnnotationValue value, TreePath path) {
    this.element = element;
    this.mirror = mirror;
    this.value = value;
    this.path = path;
  }

  /** The element itself. */
  public static Position of(Element element) {
    return new Position(Objects.requireNonNull(element, "element"), null, null, null);
  }

  /** An annotation of {@code element}, or one of its values. */
  public static Position onAnnotation(Element element, AnnotationMirror mirror, AnnotationValue value) {
    return new Position(Objects.requireNonNull(element, "element"), mirror, value, null);
  }

  /**
   * A subexpression in {@code element}'s source; the element when the compiler has no trees. The element
   * decides which {@code @SuppressWarnings} apply.
   */
  public static Position inTree(Element element, TreePath path) {
    return new Position(Objects.requireNonNull(element, "element"), null, null, Objects.requireNonNull(path, "path"));
  }

  /** No element: an option of the compilation. */
  static Position ofCompilation() {
    return new Position(null, null, null, null);
  }
}
