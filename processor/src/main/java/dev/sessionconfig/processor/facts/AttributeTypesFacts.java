package dev.sessionconfig.processor.facts;

import dev.sessionconfig.processor.Position;
import java.util.List;
import java.util.Optional;

/**
 * SESSION_ATTRIBUTE_TYPES as read: the stored types the writer generates codecs for, and what cannot be stored,
 * each problem with its position.
 *
 * @param stored the declared types and the records and enums inside them, for the writer
 * @param unreadable where the initializer is not a list of class literals, if it is not
 * @param problems each declared type, or part of one, that cannot be stored
 */
public record AttributeTypesFacts(List<StoredTypeFacts.StoredType> stored, Optional<Position> unreadable,
    List<Problem> problems) {

  public AttributeTypesFacts {
    stored = List.copyOf(stored);
    problems = List.copyOf(problems);
  }

  /**
   * @param at the class literal that leads to it
   * @param declared the declared type's qualified name
   * @param path where inside it, e.g. {@code Cart.items → Item.supplier}; empty for the declared type itself
   * @param problem a whole sentence: what is wrong and why
   * @param fix a whole sentence: how to fix it
   */
  public record Problem(Position at, String declared, String path, String problem, String fix) {}
}
