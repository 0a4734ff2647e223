package dev.sessionconfig.processor.read;

import java.util.Objects;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The computed value of an enum constant, such as {@code SessionType.REDIS}: the processor cannot load the
 * user's enum classes, so it names them.
 *
 * @param enumType the enum's qualified name, e.g. {@code dev.sessionconfig.SessionType}
 * @param constant the constant's name, e.g. {@code REDIS}
 */
public record EnumConstant(String enumType, String constant) {

  public EnumConstant {
    Objects.requireNonNull(enumType, "enumType");
    Objects.requireNonNull(constant, "constant");
  }

  /** The constant an {@code ENUM_CONSTANT} element declares. */
  static EnumConstant of(VariableElement constant) {
    TypeElement type = (TypeElement) constant.getEnclosingElement();
    return new EnumConstant(type.getQualifiedName().toString(), constant.getSimpleName().toString());
  }

  /** The same constant of an enum class that is loaded, e.g. a JDK enum such as {@code ChronoUnit.DAYS}. */
  static EnumConstant of(Enum<?> constant) {
    return new EnumConstant(constant.getDeclaringClass().getCanonicalName(), constant.name());
  }
}
