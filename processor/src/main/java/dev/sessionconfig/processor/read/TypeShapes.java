package dev.sessionconfig.processor.read;

import dev.sessionconfig.processor.facts.StoredTypeFacts.ArrayOf;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Intersection;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Named;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Primitive;
import dev.sessionconfig.processor.facts.TypeNameFacts;
import dev.sessionconfig.processor.facts.StoredTypeFacts.TypeShape;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Variable;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Wildcard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/** Turns the compiler's classes and types into the names and shapes the facts hold. */
final class TypeShapes {
  private TypeShapes() {}

  static TypeNameFacts name(TypeElement type) {
    Deque<String> names = new ArrayDeque<>();
    Element e = type;
    for (; e instanceof TypeElement nested; e = e.getEnclosingElement()) {
      names.addFirst(nested.getSimpleName().toString());
    }
    while (e != null && !(e instanceof PackageElement)) {
      e = e.getEnclosingElement(); // a local class: its package is further out
    }
    String packageName = e instanceof PackageElement pkg ? pkg.getQualifiedName().toString() : "";
    return new TypeNameFacts(packageName, new ArrayList<>(names));
  }

  static TypeShape of(TypeMirror type) {
    return of(type, new ArrayList<>());
  }

  /** {@code visiting}: the type variables being expanded, so that {@code T extends Comparable<T>} ends. */
  private static TypeShape of(TypeMirror type, List<TypeVariable> visiting) {
    switch (type.getKind()) {
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        List<TypeShape> arguments = new ArrayList<>();
        for (TypeMirror argument : declared.getTypeArguments()) {
          arguments.add(of(argument, visiting));
        }
        return new Named(name((TypeElement) declared.asElement()), arguments);
      }
      case ARRAY:
        return new ArrayOf(of(((ArrayType) type).getComponentType(), visiting));
      case TYPEVAR: {
        TypeVariable variable = (TypeVariable) type;
        String name = variable.asElement().getSimpleName().toString();
        if (visiting.stream().anyMatch(seen -> seen.asElement().equals(variable.asElement()))) {
          return new Variable(name, new Intersection()); // a recursive bound: its erasure is not needed again
        }
        visiting.add(variable);
        try {
          return new Variable(name, of(variable.getUpperBound(), visiting));
        } finally {
          visiting.remove(visiting.size() - 1);
        }
      }
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        return new Wildcard(Optional.ofNullable(wildcard.getExtendsBound()).map(bound -> of(bound, visiting)),
            Optional.ofNullable(wildcard.getSuperBound()).map(bound -> of(bound, visiting)));
      }
      case INTERSECTION:
        return new Intersection();
      default:
        return new Primitive(type.getKind().name().toLowerCase(Locale.ROOT));
    }
  }
}
