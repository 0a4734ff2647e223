package dev.sessionconfig.processor.facts;

import java.util.Objects;

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

  /** The same constant of an enum class that is loaded, e.g. a JDK enum such as {@code ChronoUnit.DAYS}. */
  public static EnumConstant of(Enum<?> constant) {
    return new EnumConstant(constant.getDeclaringClass().getCanonicalName(), constant.name());
  }
}
