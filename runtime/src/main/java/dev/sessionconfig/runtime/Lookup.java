package dev.sessionconfig.runtime;

import dev.sessionconfig.Conversion;
import dev.sessionconfig.LookupTree;
import java.io.IOException;
import java.util.Optional;

/**
 * A lookup that the processor recognised in a setting's initializer, such as {@code System.getenv("K")},
 * {@code System.getProperty("k", "d")} or {@code Boolean.parseBoolean(System.getenv("K"))}, which the generated
 * loader replays against a {@link ConfigSource}. Generated code builds these; applications rarely need to.
 */
public final class Lookup {
  /** What is looked up, and how: the model the processor recognised, shared with it. */
  private final LookupTree tree;

  private Lookup(LookupTree tree) {
    this.tree = tree;
  }

  /** {@code System.getenv(name)}. */
  public static Lookup env(String name) {
    return new Lookup(LookupTree.env(name));
  }

  /** {@code System.getProperty(name)}. */
  public static Lookup property(String name) {
    return new Lookup(LookupTree.property(name));
  }

  /** {@code Files.readString(Path.of(path))}. */
  public static Lookup file(String path) {
    return new Lookup(LookupTree.file(path));
  }

  /** This lookup, or {@code other} when this one finds nothing. */
  public Lookup or(Lookup other) {
    return new Lookup(tree.or(other.tree));
  }

  /**
   * This lookup, or the constant {@code fallback} when it finds nothing: text, or after a conversion a value of
   * the conversion's type.
   */
  public Lookup orElse(Object fallback) {
    return new Lookup(tree.orElse(fallback));
  }

  /** This lookup's text with surrounding white space removed ({@code strip()} or {@code trim()}). */
  public Lookup stripped() {
    return new Lookup(tree.stripped());
  }

  /**
   * This lookup passed to a JDK function, as in {@code Boolean.parseBoolean(System.getenv("K"))}: replayed
   * strictly, and on a missing value as the function treats {@code null} ({@code false} for {@code
   * parseBoolean}; a startup problem for the functions that throw).
   */
  public Lookup as(Conversion conversion) {
    return new Lookup(tree.converted(conversion));
  }

  /** This lookup converted only when it finds a value, as in {@code Optional.ofNullable(...).map(Integer::parseInt)}. */
  public Lookup map(Conversion conversion) {
    return new Lookup(tree.convertedIfPresent(conversion));
  }

  /**
   * The value, or {@code null} when nothing was found.
   *
   * @throws IOException when a file cannot be read
   * @throws UnusableValue when a value cannot be converted, or a conversion has no value to convert
   */
  Object resolve(ConfigSource source) throws IOException, UnusableValue {
    return resolve(tree, source);
  }

  private static Object resolve(LookupTree lookup, ConfigSource source) throws IOException, UnusableValue {
    if (lookup instanceof LookupTree.Env env) {
      return source.getenv(env.name());
    }
    if (lookup instanceof LookupTree.Property property) {
      return source.getProperty(property.name());
    }
    if (lookup instanceof LookupTree.File file) {
      try {
        return source.readFile(file.name());
      } catch (java.nio.file.NoSuchFileException e) {
        return null;
      }
    }
    if (lookup instanceof LookupTree.Either either) {
      Object value = resolve(either.first(), source);
      return value != null ? value : resolve(either.second(), source);
    }
    if (lookup instanceof LookupTree.Fallback fallback) {
      Object value = resolve(fallback.inner(), source);
      return value != null ? value : fallback.fallback();
    }
    if (lookup instanceof LookupTree.Stripped stripped) {
      Object value = resolve(stripped.inner(), source);
      return value == null ? null : value.toString().strip();
    }
    LookupTree.Converted converted = (LookupTree.Converted) lookup;
    Conversion conversion = converted.conversion();
    Object value = resolve(converted.inner(), source);
    if (value == null) {
      if (converted.presentOnly()) {
        return null;
      }
      Optional<Object> ofMissing = conversion.ofMissing();
      if (ofMissing.isEmpty()) {
        throw new UnusableValue(missing(converted.inner()) + ", and " + conversion.function() + " cannot read a"
            + " missing value (the config class itself would fail to initialize); set it, or give the lookup a"
            + " default in the code", false);
      }
      return ofMissing.get();
    }
    try {
      return conversion.apply(value);
    } catch (IllegalArgumentException e) {
      throw new UnusableValue(e.getMessage(), true);
    }
  }

  /** Where the value is looked up, e.g. {@code environment variable SECRET_KEY}. */
  public String describe() {
    return tree.describe();
  }

  /**
   * What the code gives when nothing is set: its fallback, converted as the code converts it; empty when nothing.
   *
   * @throws IllegalArgumentException when a conversion rejects the fallback
   */
  Optional<Object> valueWhenUnset() {
    return tree.valueWhenUnset();
  }

  /** Why nothing was found, e.g. {@code environment variable SECRET_KEY is not set}. */
  String missing() {
    return missing(tree);
  }

  private static String missing(LookupTree lookup) {
    return sourceList(lookup) + (lookup.sources().size() == 1 ? " is not set" : " are not set");
  }

  /** The sources joined: {@code environment variable A and system property b}. */
  String sourceList() {
    return sourceList(tree);
  }

  private static String sourceList(LookupTree lookup) {
    StringBuilder text = new StringBuilder();
    for (LookupTree.Source source : lookup.sources()) {
      text.append(text.length() == 0 ? "" : " and ").append(source.describe());
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /**
   * A value that was found but cannot be used, or a conversion that has no value to work on. The message is a
   * whole problem text (without the setting's name), e.g. {@code 'yes' is not a boolean (...); use true or false}.
   */
  static final class UnusableValue extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether the message is the conversion's own ({@code reason; fix}), which still needs the lookup's origin. */
    private final boolean needsOrigin;

    UnusableValue(String message, boolean needsOrigin) {
      super(message, null, false, false);
      this.needsOrigin = needsOrigin;
    }

    boolean needsOrigin() {
      return needsOrigin;
    }
  }
}
