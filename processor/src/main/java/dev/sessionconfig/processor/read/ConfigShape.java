package dev.sessionconfig.processor.read;

import dev.sessionconfig.processor.Position;
import dev.sessionconfig.processor.facts.MisplacedConfig;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Whether {@code @SessionConfig} sits on a class whose static fields the generated loader, in the same package, can
 * read: not an interface, enum, record or annotation, and not an inner, local, anonymous or private class.
 */
public final class ConfigShape {
  private ConfigShape() {}

  /** The misplaced annotation on {@code type}; empty when the class can be read as a config class. */
  public static Optional<MisplacedConfig> misplaced(TypeElement type, AnnotationMirror annotation) {
    String problem = problem(type);
    return problem == null ? Optional.empty() : Optional.of(new MisplacedConfig(Position.onAnnotation(type, annotation,
        null), type.getSimpleName().toString(), problem, type.getKind() == ElementKind.CLASS));
  }

  private static String problem(TypeElement type) {
    switch (type.getKind()) {
      case INTERFACE:
        return "an interface (its fields are constants a loader cannot validate as a class's settings)";
      case ENUM:
        return "an enum";
      case ANNOTATION_TYPE:
        return "an annotation type";
      case CLASS:
        break;
      default:
        if (type.getKind().name().equals("RECORD")) {
          return "a record";
        }
        return "a " + type.getKind().name().toLowerCase(Locale.ROOT);
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return "a " + type.getNestingKind().name().toLowerCase(Locale.ROOT) + " class";
    }
    for (Element e = type; e.getKind().isClass() || e.getKind().isInterface(); e = e.getEnclosingElement()) {
      TypeElement t = (TypeElement) e;
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return t == type ? "private" : "inside the private class " + t.getSimpleName();
      }
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
          && t.getEnclosingElement().getKind() == ElementKind.CLASS) {
        return t == type ? "an inner (non-static) class" : "inside the inner class " + t.getSimpleName();
      }
    }
    return null;
  }
}
