package dev.sessionconfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a setting's initializer looks its value up: an environment variable, a system property or a secrets
 * file, possibly combined, defaulted and converted by a JDK function ({@code Boolean.parseBoolean}...). The
 * processor recognises these in config classes and the generated loader replays them against its {@code
 * ConfigSource}. A lookup is absent when it finds nothing ({@code null}); {@link #or} and {@link #orElse} step in
 * only then. Generated loaders build these; applications rarely need to. Immutable.
 *
 * <p>{@link #describe()} and {@code toString()} never print a {@link Fallback#fallback()}: a hard-coded default
 * may be a secret, and descriptions end up in build logs and startup reports.
 */
public sealed interface LookupTree {

  /** {@code System.getenv(name)}. */
  static Source env(String name) {
    return new Env(name);
  }

  /** {@code System.getProperty(name)}. */
  static Source property(String name) {
    return new Property(name);
  }

  /** {@code Files.readString(Path.of(path))}. */
  static Source file(String path) {
    return new File(path);
  }

  /** This lookup, or {@code other} when this one is absent. */
  default LookupTree or(LookupTree other) {
    return new Either(this, other);
  }

  /**
   * This lookup, or the constant {@code fallback} when it is absent: text, or for a converted lookup a value of
   * the conversion's type.
   */
  default LookupTree orElse(Object fallback) {
    return new Fallback(this, fallback);
  }

  /** This lookup without surrounding white space; stripping twice is stripping once. */
  default LookupTree stripped() {
    return this instanceof Stripped ? this : new Stripped(this);
  }

  /** This lookup passed to a JDK function, which is also called when the lookup is absent (as a direct call is). */
  default LookupTree converted(Conversion by) {
    return new Converted(this, by, false);
  }

  /** This lookup converted only when it is present, as in {@code Optional.ofNullable(...).map(Integer::parseInt)}. */
  default LookupTree convertedIfPresent(Conversion by) {
    return new Converted(this, by, true);
  }

  /**
   * Where the value comes from, e.g. {@code environment variable SECRET_KEY, else system property app.key}. Never
   * contains a fallback value.
   */
  String describe();

  /** Whether the lookup can find nothing: no fallback or conversion gives a value in every case. */
  boolean mayBeMissing();

  /** The environment variables, properties and files this lookup reads, in reading order, each once. */
  List<Source> sources();

  /** Every constant the code falls back to anywhere in this lookup, outermost first. Treat them as secrets. */
  List<Object> fallbacks();

  /** Whether a JDK conversion is applied anywhere in this lookup, so its value is typed rather than text. */
  boolean isConverted();

  /**
   * The value the code gives when no environment variable, property or file is set: its fallbacks, converted as
   * the code converts them; empty when it gives none (the setting's default applies, or a conversion would fail on
   * the missing value).
   *
   * @throws IllegalArgumentException when a conversion rejects a fallback, with the conversion's message
   */
  Optional<Object> valueWhenUnset();

  /**
   * The same lookup where every conversion runs only on a present value, as in {@code
   * Optional.ofNullable(lookup).map(Boolean::parseBoolean)}: empty unless this is {@code base} itself, or is
   * derived from it by stripping and conversions only, whose absence then means this one's.
   */
  default Optional<LookupTree> presentOnlyOver(LookupTree base) {
    if (equals(base)) {
      return Optional.of(this);
    }
    if (this instanceof Stripped stripped) {
      return stripped.inner().presentOnlyOver(base).map(LookupTree::stripped);
    }
    if (this instanceof Converted converted) {
      return converted.inner().presentOnlyOver(base).map(inner -> inner.convertedIfPresent(converted.conversion()));
    }
    return Optional.empty();
  }

  /** An environment variable, a system property or a file: a lookup that reads one thing. */
  sealed interface Source extends LookupTree {
    /** The variable, property or path. */
    String name();

    @Override
    default boolean mayBeMissing() {
      return true;
    }

    @Override
    default List<Source> sources() {
      return List.of(this);
    }

    @Override
    default List<Object> fallbacks() {
      return List.of();
    }

    @Override
    default boolean isConverted() {
      return false;
    }

    @Override
    default Optional<Object> valueWhenUnset() {
      return Optional.empty();
    }
  }

  /** {@code System.getenv(name)}. */
  record Env(String name) implements Source {
    public Env {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "environment variable " + name;
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** {@code System.getProperty(name)}. */
  record Property(String name) implements Source {
    public Property {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "system property " + name;
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** The text of the file at path {@code name}; absent when there is no such file. */
  record File(String name) implements Source {
    public File {
      Objects.requireNonNull(name, "path");
    }

    @Override
    public String describe() {
      return "file " + name;
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** {@code first}, or {@code second} when the first is absent. */
  record Either(LookupTree first, LookupTree second) implements LookupTree {
    public Either {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "other");
    }

    @Override
    public String describe() {
      return first.describe() + ", else " + second.describe();
    }

    @Override
    public boolean mayBeMissing() {
      return first.mayBeMissing() && second.mayBeMissing();
    }

    @Override
    public List<Source> sources() {
      Set<Source> both = new LinkedHashSet<>(first.sources());
      both.addAll(second.sources());
      return List.copyOf(both);
    }

    @Override
    public List<Object> fallbacks() {
      List<Object> both = new ArrayList<>(first.fallbacks());
      both.addAll(second.fallbacks());
      return List.copyOf(both);
    }

    @Override
    public boolean isConverted() {
      return first.isConverted() || second.isConverted();
    }

    @Override
    public Optional<Object> valueWhenUnset() {
      return first.valueWhenUnset().or(second::valueWhenUnset);
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** {@code inner}, or the constant {@code fallback} when it is absent. Treat the fallback as a secret. */
  record Fallback(LookupTree inner, Object fallback) implements LookupTree {
    public Fallback {
      Objects.requireNonNull(inner, "inner");
      Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public String describe() {
      return inner.describe() + ", else the fallback in the code";
    }

    @Override
    public boolean mayBeMissing() {
      return false;
    }

    @Override
    public List<Source> sources() {
      return inner.sources();
    }

    @Override
    public List<Object> fallbacks() {
      List<Object> all = new ArrayList<>();
      all.add(fallback);
      all.addAll(inner.fallbacks());
      return List.copyOf(all);
    }

    @Override
    public boolean isConverted() {
      return inner.isConverted();
    }

    @Override
    public Optional<Object> valueWhenUnset() {
      return inner.valueWhenUnset().or(() -> Optional.of(fallback));
    }

    /** The description: never the fallback. */
    @Override
    public String toString() {
      return describe();
    }
  }

  /** {@code inner} without surrounding white space ({@code strip()} or {@code trim()}). */
  record Stripped(LookupTree inner) implements LookupTree {
    public Stripped {
      Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public boolean mayBeMissing() {
      return inner.mayBeMissing();
    }

    @Override
    public List<Source> sources() {
      return inner.sources();
    }

    @Override
    public List<Object> fallbacks() {
      return inner.fallbacks();
    }

    @Override
    public boolean isConverted() {
      return inner.isConverted();
    }

    @Override
    public Optional<Object> valueWhenUnset() {
      return inner.valueWhenUnset().map(value -> value.toString().strip());
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /**
   * {@code inner} converted by {@code conversion}. When {@code inner} is absent: absent too if {@code
   * presentOnly} ({@code Optional.map}, {@code x != null ? f(x) : d}), else the JDK function's own result for
   * {@code null} (see {@link Conversion#ofMissing()}).
   */
  record Converted(LookupTree inner, Conversion conversion, boolean presentOnly) implements LookupTree {
    public Converted {
      Objects.requireNonNull(inner, "inner");
      Objects.requireNonNull(conversion, "conversion");
    }

    /** Names the JDK function's own value for a missing one, when the code can reach it. */
    @Override
    public String describe() {
      Optional<Object> ofMissing = presentOnly || !inner.mayBeMissing() ? Optional.empty() : conversion.ofMissing();
      return ofMissing.isPresent()
          ? inner.describe() + ", else " + ofMissing.get() + " as " + conversion.function() + " reads a missing value"
          : inner.describe();
    }

    @Override
    public boolean mayBeMissing() {
      return presentOnly && inner.mayBeMissing();
    }

    @Override
    public List<Source> sources() {
      return inner.sources();
    }

    @Override
    public List<Object> fallbacks() {
      return inner.fallbacks();
    }

    @Override
    public boolean isConverted() {
      return true;
    }

    @Override
    public Optional<Object> valueWhenUnset() {
      Optional<Object> value = inner.valueWhenUnset();
      if (value.isPresent()) {
        return Optional.of(conversion.apply(value.get()));
      }
      return presentOnly ? Optional.empty() : conversion.ofMissing();
    }

    @Override
    public String toString() {
      return describe();
    }
  }
}
