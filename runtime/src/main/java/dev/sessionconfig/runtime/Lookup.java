package dev.sessionconfig.runtime;

import dev.sessionconfig.Conversion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lookup that the processor recognised in a setting's initializer, such as {@code System.getenv("K")},
 * {@code System.getProperty("k", "d")} or {@code Boolean.parseBoolean(System.getenv("K"))}, which the generated
 * loader replays against a {@link ConfigSource}. Generated code builds these; applications rarely need to.
 */
public abstract class Lookup {
  private Lookup() {}

  /** {@code System.getenv(name)}. */
  public static Lookup env(String name) {
    return new Source(Source.Kind.ENV, name);
  }

  /** {@code System.getProperty(name)}. */
  public static Lookup property(String name) {
    return new Source(Source.Kind.PROPERTY, name);
  }

  /** {@code Files.readString(Path.of(path))}. */
  public static Lookup file(String path) {
    return new Source(Source.Kind.FILE, path);
  }

  /** This lookup, or {@code other} when this one finds nothing. */
  public Lookup or(Lookup other) {
    return new Either(this, other);
  }

  /**
   * This lookup, or the constant {@code fallback} when it finds nothing: text, or after a conversion a value of
   * the conversion's type.
   */
  public Lookup orElse(Object fallback) {
    return new Fallback(this, fallback);
  }

  /** This lookup's text with surrounding white space removed ({@code strip()} or {@code trim()}). */
  public Lookup stripped() {
    return new Stripped(this);
  }

  /**
   * This lookup passed to a JDK function, as in {@code Boolean.parseBoolean(System.getenv("K"))}: replayed
   * strictly, and on a missing value as the function treats {@code null} ({@code false} for {@code
   * parseBoolean}; a startup problem for the functions that throw).
   */
  public Lookup as(Conversion conversion) {
    return new Converted(this, conversion, false);
  }

  /** This lookup converted only when it finds a value, as in {@code Optional.ofNullable(...).map(Integer::parseInt)}. */
  public Lookup map(Conversion conversion) {
    return new Converted(this, conversion, true);
  }

  /**
   * The value, or {@code null} when nothing was found.
   *
   * @throws IOException when a file cannot be read
   * @throws UnusableValue when a value cannot be converted, or a conversion has no value to convert
   */
  abstract Object resolve(ConfigSource source) throws IOException, UnusableValue;

  /** Where the value is looked up, e.g. {@code environment variable SECRET_KEY}. */
  public abstract String describe();

  /** Whether {@link #resolve} can find nothing: no fallback or conversion gives a value in every case. */
  abstract boolean mayBeMissing();

  /** The sources this lookup reads, innermost first, for "is not set" messages. */
  abstract List<Source> sources();

  /** Why nothing was found, e.g. {@code environment variable SECRET_KEY is not set}. */
  String missing() {
    return sourceList() + (sources().size() == 1 ? " is not set" : " are not set");
  }

  /** The sources joined: {@code environment variable A and system property b}. */
  String sourceList() {
    StringBuilder text = new StringBuilder();
    for (Source source : sources()) {
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

  static final class Source extends Lookup {
    enum Kind { ENV, PROPERTY, FILE }

    private final Kind kind;
    private final String name;

    Source(Kind kind, String name) {
      this.kind = kind;
      this.name = Objects.requireNonNull(name);
    }

    @Override
    Object resolve(ConfigSource source) throws IOException {
      switch (kind) {
        case ENV:
          return source.getenv(name);
        case PROPERTY:
          return source.getProperty(name);
        default:
          try {
            return source.readFile(name);
          } catch (java.nio.file.NoSuchFileException e) {
            return null;
          }
      }
    }

    @Override
    public String describe() {
      switch (kind) {
        case ENV:
          return "environment variable " + name;
        case PROPERTY:
          return "system property " + name;
        default:
          return "file " + name;
      }
    }

    @Override
    boolean mayBeMissing() {
      return true;
    }

    @Override
    List<Source> sources() {
      return List.of(this);
    }
  }

  private static final class Either extends Lookup {
    private final Lookup first;
    private final Lookup second;

    Either(Lookup first, Lookup second) {
      this.first = first;
      this.second = second;
    }

    @Override
    Object resolve(ConfigSource source) throws IOException, UnusableValue {
      Object value = first.resolve(source);
      return value != null ? value : second.resolve(source);
    }

    @Override
    public String describe() {
      return first.describe() + ", else " + second.describe();
    }

    @Override
    boolean mayBeMissing() {
      return first.mayBeMissing() && second.mayBeMissing();
    }

    @Override
    List<Source> sources() {
      List<Source> all = new ArrayList<>(first.sources());
      all.addAll(second.sources());
      return all;
    }
  }

  private static final class Fallback extends Lookup {
    private final Lookup lookup;
    private final Object fallback;

    Fallback(Lookup lookup, Object fallback) {
      this.lookup = lookup;
      this.fallback = Objects.requireNonNull(fallback);
    }

    @Override
    Object resolve(ConfigSource source) throws IOException, UnusableValue {
      Object value = lookup.resolve(source);
      return value != null ? value : fallback;
    }

    @Override
    public String describe() {
      return lookup.describe() + ", else the fallback in the code";
    }

    @Override
    boolean mayBeMissing() {
      return false;
    }

    @Override
    List<Source> sources() {
      return lookup.sources();
    }
  }

  private static final class Stripped extends Lookup {
    private final Lookup lookup;

    Stripped(Lookup lookup) {
      this.lookup = lookup;
    }

    @Override
    Object resolve(ConfigSource source) throws IOException, UnusableValue {
      Object value = lookup.resolve(source);
      return value == null ? null : value.toString().strip();
    }

    @Override
    public String describe() {
      return lookup.describe();
    }

    @Override
    boolean mayBeMissing() {
      return lookup.mayBeMissing();
    }

    @Override
    List<Source> sources() {
      return lookup.sources();
    }
  }

  private static final class Converted extends Lookup {
    private final Lookup lookup;
    private final Conversion conversion;
    private final boolean presentOnly;

    Converted(Lookup lookup, Conversion conversion, boolean presentOnly) {
      this.lookup = lookup;
      this.conversion = Objects.requireNonNull(conversion);
      this.presentOnly = presentOnly;
    }

    @Override
    Object resolve(ConfigSource source) throws IOException, UnusableValue {
      Object value = lookup.resolve(source);
      if (value == null) {
        if (presentOnly) {
          return null;
        }
        Optional<Object> ofMissing = conversion.ofMissing();
        if (ofMissing.isEmpty()) {
          throw new UnusableValue(lookup.missing() + ", and " + conversion.function() + " cannot read a missing"
              + " value (the config class itself would fail to initialize); set it, or give the lookup a"
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

    @Override
    public String describe() {
      Optional<Object> ofMissing = presentOnly || !lookup.mayBeMissing() ? Optional.empty() : conversion.ofMissing();
      return ofMissing.isPresent()
          ? lookup.describe() + ", else " + ofMissing.get() + " as " + conversion.function() + " reads a missing value"
          : lookup.describe();
    }

    @Override
    boolean mayBeMissing() {
      return presentOnly && lookup.mayBeMissing();
    }

    @Override
    List<Source> sources() {
      return lookup.sources();
    }
  }
}
