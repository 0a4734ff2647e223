package dev.sessionconfig.processor.facts;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Position;
import java.util.List;
import java.util.Optional;

/**
 * One field of a config class or of a superclass: its declaration, every place that assigns it, and where the
 * value its class's static initialization leaves in it comes from.
 *
 * @param name the field's name
 * @param setting the catalogued setting of that name, if any
 * @param at the field's declaration
 * @param declaringClass the class that declares it
 * @param declaredType its type, written the same by every compiler ({@code java.util.List<java.lang.String>})
 * @param typeText its type as the compiler prints it, for fixes written in Java
 * @param access what the loader, in the config class's package, can read of it
 * @param deprecated whether the field or its class is deprecated
 * @param compileTimeConstant javac's constant value of the field, when it has one
 * @param sourceAvailable whether its source was read; when not, only its constant value is known
 * @param assignments every assignment in the sources being compiled, the initializer first
 * @param value where the effective value comes from
 * @param known the value it folds to at compile time, when it is one
 * @param replay the lookup the loader repeats instead of reading the field, when it can repeat it exactly
 * @param items for SECRET_KEY_FALLBACKS written as a list or array: each item, classified on its own
 */
public record FieldFacts(String name, Optional<Setting> setting, boolean isStatic, Position at,
    TypeNameFacts declaringClass, String declaredType, String typeText, Access access, boolean deprecated, Optional<Object> compileTimeConstant,
    boolean sourceAvailable, List<AssignmentFacts> assignments, ValueFacts value, Optional<KnownValue> known,
    Optional<LookupTree> replay, List<ValueFacts> items) {

  public FieldFacts {
    assignments = List.copyOf(assignments);
    items = List.copyOf(items);
  }

  /** Whether the loader can read the field: a problem when private, or in another package without public access. */
  public sealed interface Access {}

  /** Readable from the loader's package. */
  public record Readable() implements Access {}

  /** Private. */
  public record Private() implements Access {}

  /** In a class of another package, without public access to the field or its class. */
  public record OtherPackage(String declaringClass, boolean publicField) implements Access {}

  /** The assignment whose value the class's static initialization leaves in the field, if one was seen. */
  public Optional<AssignmentFacts> effectiveAssignment() {
    AssignmentFacts effective = null;
    for (AssignmentFacts assignment : assignments) {
      // Static initialization runs the initializer, then static blocks in order: the last one wins.
      if (assignment.place().atConfigTime()) {
        effective = assignment;
      }
    }
    return Optional.ofNullable(effective);
  }

  /** The qualified name the loader uses for it, e.g. {@code com.acme.Config.SECRET_KEY}. */
  public String qualifiedName() {
    return declaringClass.canonicalName() + "." + name;
  }

  /** Whether the declared type is one the setting accepts. */
  public boolean typeAccepted() {
    return setting.map(s -> s.kind().javaTypes().contains(declaredType)).orElse(true);
  }

  /**
   * Whether the loader can use this declaration: a catalogued static setting of an accepted type it can read, or
   * no catalogued instance field.
   */
  boolean usableDeclaration() {
    if (setting.isEmpty() || !isUpperCase()) {
      return true;
    }
    if (!isStatic) {
      return false;
    }
    return typeAccepted() && access instanceof Readable;
  }

  /** Upper case with at least one letter: the names Flask reads as settings. */
  public boolean isUpperCase() {
    return name.equals(name.toUpperCase(java.util.Locale.ROOT)) && name.chars().anyMatch(Character::isLetter);
  }

  /** {@code java.util.List<java.lang.String>} as {@code List<String>}, for messages. */
  public static String simpleTypeName(String canonical) {
    return canonical.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1");
  }
}
