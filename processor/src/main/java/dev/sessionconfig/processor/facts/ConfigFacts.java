package dev.sessionconfig.processor.facts;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.processor.Position;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the rules and the writer know about one {@code @SessionConfig} class, read once from its source and
 * elements. Immutable; nothing in it lets a rule reach a javac tree or element: positions are opaque (only the
 * report prints them), and the attribute types keep their elements only for the codec writer.
 *
 * @param configClass the config class
 * @param annotation the {@code @SessionConfig} annotation, where class-level diagnostics point
 * @param development {@code @SessionConfig(development = true)}
 * @param deprecated whether the config class is deprecated (the loader then suppresses deprecation warnings)
 * @param fields its fields and those it inherits, a subclass's field hiding its superclass's of the same name
 * @param attributeTypes SESSION_ATTRIBUTE_TYPES as read, when its initializer could be read
 * @param storesOnClassPath the store SESSION_TYPE names, when its class is on the compile class path (only that
 *     store is looked up: a missing class costs javac a search of the class path)
 * @param straySessionType where SESSION_TYPE is declared outside every config class of the compilation, if anywhere
 * @param propertyWrites the system properties the compilation's {@code main} methods set
 */
public record ConfigFacts(TypeNameFacts configClass, Position annotation, boolean development, boolean deprecated,
    List<FieldFacts> fields, Optional<AttributeTypesFacts> attributeTypes, Set<SessionType> storesOnClassPath,
    Optional<String> straySessionType, List<PropertyWrite> propertyWrites) {

  public ConfigFacts {
    fields = List.copyOf(fields);
    propertyWrites = List.copyOf(propertyWrites);
    storesOnClassPath = Set.copyOf(storesOnClassPath);
  }

  /** The static field named {@code name} the class declares or inherits. */
  public Optional<FieldFacts> staticField(String name) {
    return fields.stream().filter(f -> f.isStatic() && f.name().equals(name)).findFirst();
  }

  /** The config class's simple name, as messages name it. */
  public String simpleName() {
    return configClass.simpleName();
  }

  /** The session type SESSION_TYPE holds whatever the environment says; empty when startup decides. */
  public Optional<SessionType> sessionType() {
    return staticField("SESSION_TYPE").flatMap(field -> field.known()).flatMap(KnownValue::sessionType);
  }

  /**
   * Whether every catalogued setting is declared with a type and an access the loader can use, in classes
   * generated code can name: only then are values checked and a loader written.
   */
  public boolean declarationsUsable() {
    return configClass.isNameable() && fields.stream()
        .allMatch(field -> field.usableDeclaration() && field.declaringClass().isNameable());
  }
}
