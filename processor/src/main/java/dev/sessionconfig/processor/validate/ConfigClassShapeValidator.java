package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * {@code [NotAConfigClass]}: the annotation must sit on a class whose static fields the generated loader, in
 * the same package, can read: not an interface, enum, record or annotation, and not an inner, local,
 * anonymous or private class.
 */
public final class ConfigClassShapeValidator {

  /** Reports a misplaced annotation; returns whether the class can be checked further. */
  public boolean validate(TypeElement type, AnnotationMirror annotation, Report report) {
    String problem = problem(type);
    if (problem == null) {
      return true;
    }
    report.onAnnotation(type, annotation, null, Message.NotAConfigClass, type.getSimpleName(), problem, fix(type));
    return false;
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
        return "a " + type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return "a " + type.getNestingKind().name().toLowerCase(java.util.Locale.ROOT) + " class";
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

  private static String fix(TypeElement type) {
    switch (type.getKind()) {
      case CLASS:
        return "make it a top-level class or a static nested class that is not private";
      default:
        return "put the settings in a class: @SessionConfig public class " + type.getSimpleName()
            + " { static final String SECRET_KEY = System.getenv(\"SECRET_KEY\"); ... }";
    }
  }
}
