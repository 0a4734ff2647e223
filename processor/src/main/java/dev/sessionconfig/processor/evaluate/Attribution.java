package dev.sessionconfig.processor.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Whether javac can attribute a class's code yet: reading the trees of a class that names a type generated in a
 * later round can fail inside javac, so such code is left alone until that round. Known from elements alone.
 */
public final class Attribution {
  private Attribution() {}

  /**
   * A type that the declarations of {@code type} and its superclasses name and javac has not resolved yet (a
   * superclass, or a field's type, type argument or array component, generated in a later round); empty when
   * everything resolved. Known from elements alone, so it is checked before any tree is read: javac can fail
   * with an AssertionError attributing an initializer whose declared type it has not resolved (JDK 17:
   * {@code static List<Missing> X = switch (1) { default -> Z; };}).
   */
  public static Optional<String> unresolvedDeclaration(TypeElement type) {
    for (TypeElement t : hierarchy(type)) {
      Optional<TypeMirror> unresolved = errorIn(t.getSuperclass());
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        unresolved = unresolved.or(() -> errorIn(field.asType()));
      }
      if (unresolved.isPresent()) {
        return unresolved.map(TypeMirror::toString);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether javac can attribute the code of {@code element} now: no class around it declares a type javac has not
   * resolved yet. Resolving any name in a class's code makes javac attribute the whole class, which for such a
   * class can fail inside javac; code that is not attributable is not read (as if javac had no source for it).
   */
  public static boolean attributable(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if ((e.getKind().isClass() || e.getKind().isInterface()) && unresolvedDeclaration((TypeElement) e).isPresent()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<TypeMirror> errorIn(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return Optional.of(type);
      case ARRAY:
        return errorIn(((ArrayType) type).getComponentType());
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream().map(Attribution::errorIn)
            .flatMap(Optional::stream).findFirst();
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound != null ? errorIn(bound) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** {@code type} and its superclasses up to, not including, {@code java.lang.Object}. */
  public static List<TypeElement> hierarchy(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclassOf(t)) {
      if (t.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      chain.add(t);
    }
    return chain;
  }

  private static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }
}
