package dev.sessionconfig.processor.facts;

import java.util.List;
import java.util.Optional;

/**
 * The application's types that a session may hold, as the writer needs them to generate codecs: names and type
 * shapes only, no compiler types.
 */
public final class StoredTypeFacts {
  private StoredTypeFacts() {}

  /** A type whose values may be stored. */
  public sealed interface StoredType permits RecordType, EnumType, SerializableType {
    TypeNameFacts type();
  }

  /** A record, stored component by component; {@code generic} when it declares type parameters. */
  public record RecordType(TypeNameFacts type, boolean generic, List<Component> components) implements StoredType {
    public RecordType {
      components = List.copyOf(components);
    }
  }

  /** A record component: its name and declared type. */
  public record Component(String name, TypeShape type) {}

  /** An enum, stored by constant name. */
  public record EnumType(TypeNameFacts type, List<String> constants) implements StoredType {
    public EnumType {
      constants = List.copyOf(constants);
    }
  }

  /** A {@code Serializable} class, stored by JDK serialization behind the allow-list. */
  public record SerializableType(TypeNameFacts type) implements StoredType {}

  /** A declared type, generics included. */
  public sealed interface TypeShape permits Named, ArrayOf, Primitive, Variable, Wildcard, Intersection {}

  /** A class or interface with its type arguments (none for a raw or non-generic use). */
  public record Named(TypeNameFacts type, List<TypeShape> arguments) implements TypeShape {
    public Named {
      arguments = List.copyOf(arguments);
    }
  }

  public record ArrayOf(TypeShape component) implements TypeShape {}

  /** {@code int}, {@code boolean}... by keyword. */
  public record Primitive(String keyword) implements TypeShape {}

  /** A type variable, with its upper bound. */
  public record Variable(String name, TypeShape bound) implements TypeShape {}

  /** {@code ?}, {@code ? extends B} or {@code ? super B}. */
  public record Wildcard(Optional<TypeShape> extendsBound, Optional<TypeShape> superBound) implements TypeShape {}

  /** An intersection such as {@code A & B}. */
  public record Intersection() implements TypeShape {}
}
