package dev.sessionconfig.processor.read;

import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * SESSION_ATTRIBUTE_TYPES as read: the application's types that may live in a session, each checked for whether
 * its values can be stored and read back exactly, with the records and enums they contain, for which the loader
 * gets a generated codec. Immutable.
 *
 * @param stored the declared types and the records and enums inside them, in a stable order
 * @param problems the declared types, or parts of them, that cannot be stored
 * @param unreadable where the setting's initializer is not a list of class literals; {@code null} when it is
 */
public record AttributeTypeFacts(List<StoredType> stored, List<Problem> problems, TreePath unreadable) {

  public AttributeTypeFacts {
    stored = List.copyOf(stored);
    problems = List.copyOf(problems);
  }

  /** A type whose values may be stored. */
  public sealed interface StoredType permits RecordType, EnumType, SerializableType {
    TypeElement type();
  }

  /** A record, stored component by component through a generated codec. */
  public record RecordType(TypeElement type, List<Component> components) implements StoredType {
    public RecordType {
      components = List.copyOf(components);
    }
  }

  /** A record component: its name and declared type (generics included). */
  public record Component(String name, TypeMirror type) {}

  /** An enum, stored by constant name through a generated codec. */
  public record EnumType(TypeElement type, List<String> constants) implements StoredType {
    public EnumType {
      constants = List.copyOf(constants);
    }
  }

  /** A declared {@code Serializable} class, stored by JDK serialization behind the allow-list. */
  public record SerializableType(TypeElement type) implements StoredType {}

  /**
   * A declared type, or a part of one, that cannot be stored.
   *
   * @param at the class literal in SESSION_ATTRIBUTE_TYPES that leads to it
   * @param declared the declared type's qualified name
   * @param path where inside it, e.g. {@code Cart.items → Item.supplier}; empty for the declared type itself
   * @param problem a whole sentence: what is wrong and why
   * @param fix a whole sentence: how to fix it
   */
  public record Problem(TreePath at, String declared, String path, String problem, String fix) {}
}
