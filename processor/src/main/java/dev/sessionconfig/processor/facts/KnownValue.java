package dev.sessionconfig.processor.facts;

import dev.sessionconfig.SessionType;
import java.util.Optional;

/**
 * The value a setting folds to at compile time, in the one form every rule reads it: text, a constant of an enum
 * (SessionType's or the application's own), or any other value the rules check ({@code Boolean}, {@code Integer},
 * {@code Duration}, a list).
 */
public sealed interface KnownValue {

  /** A string; also the name of an application's enum constant turned into text ({@code Store.REDIS.name()}). */
  record Text(String text) implements KnownValue {
    @Override
    public String toString() {
      return "Text[]"; // never the value: it may be a secret
    }
  }

  /** A constant of an enum: SessionType's, the JDK's, or the application's own. */
  record EnumValue(EnumConstant constant) implements KnownValue {
    /** Whether it is a SessionType constant. */
    public boolean isSessionType() {
      return constant.enumType().equals(SessionType.class.getName());
    }
  }

  /**
   * A conversion of a constant that fails when the class initializes, such as {@code SessionType.valueOf("redis")}.
   *
   * @param reason what is wrong
   * @param fix how to fix it
   */
  record Rejected(String reason, String fix) implements KnownValue {}

  /** Any other computed value: a boxed primitive, a {@code Duration}, a list. */
  record Other(Object value) implements KnownValue {
    @Override
    public String toString() {
      return "Other[]";
    }
  }

  /**
   * The store this value names when it is SESSION_TYPE: a SessionType constant, or text naming a store
   * (case-insensitive, aliases accepted). Empty for anything else, such as an application's own enum constant:
   * the loader cannot read a setting of that type, whatever its name says.
   */
  default Optional<SessionType> sessionType() {
    if (this instanceof EnumValue constant && constant.isSessionType()) {
      return Optional.of(SessionType.valueOf(constant.constant().constant()));
    }
    if (this instanceof Text text) {
      SessionType.Lookup lookup = SessionType.lookup(text.text());
      return Optional.ofNullable(lookup.usable() ? lookup.type() : null);
    }
    return Optional.empty();
  }

  /** The value itself: a String, an {@link EnumConstant}, the other value; a {@link Rejected} is only itself. */
  default Object plain() {
    if (this instanceof Text text) {
      return text.text();
    }
    if (this instanceof EnumValue constant) {
      return constant.constant();
    }
    return this instanceof Other other ? other.value() : this;
  }

  /** The known form of a computed value. */
  static KnownValue of(Object value) {
    if (value instanceof String text) {
      return new Text(text);
    }
    if (value instanceof EnumConstant constant) {
      return new EnumValue(constant);
    }
    return new Other(value);
  }
}
