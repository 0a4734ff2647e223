package dev.sessionconfig.processor.read;

import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Canonical type names, written the same by every compiler, to compare with a setting's accepted types. */
final class TypeNames {
  private TypeNames() {}

  /** {@code int}, {@code char[]}, {@code java.util.List<java.lang.String>}. */
  static String canonical(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return canonical(((ArrayType) type).getComponentType()) + "[]";
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        return name + declared.getTypeArguments().stream().map(TypeNames::canonical)
            .collect(Collectors.joining(",", "<", ">"));
      default:
        return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(java.util.Locale.ROOT) : type.toString();
    }
  }
}
