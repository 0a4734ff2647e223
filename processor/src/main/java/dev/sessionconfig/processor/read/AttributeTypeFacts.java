package dev.sessionconfig.processor.read;

import com.sun.source.util.TreePath;
import dev.sessionconfig.processor.facts.StoredTypeFacts.StoredType;
import java.util.List;

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
