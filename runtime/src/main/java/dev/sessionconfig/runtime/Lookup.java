package dev.sessionconfig.runtime;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A lookup that the processor recognised in a setting's initializer, such as {@code System.getenv("K")} or
 * {@code System.getProperty("k", "d")}, which the generated loader replays against a {@link ConfigSource}.
 * Generated code builds these; applications rarely need to.
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

  /** This lookup, or the constant {@code fallback} when it finds nothing. */
  public Lookup orElse(String fallback) {
    return new Fallback(this, fallback);
  }

  /** This lookup's text with surrounding white space removed ({@code strip()} or {@code trim()}). */
  public Lookup stripped() {
    return new Stripped(this);
  }

  /** The value, or {@code null} when nothing was found. */
  abstract String resolve(ConfigSource source) throws IOException;

  /** Where the value is looked up, e.g. {@code environment variable SECRET_KEY}. */
  public abstract String describe();

  /** The sources this lookup reads, innermost first, for "is not set" messages. */
  abstract List<Source> sources();

  /** Why nothing was found, e.g. {@code environment variable SECRET_KEY is not set}. */
  String missing() {
    StringBuilder text = new StringBuilder();
    for (Source source : sources()) {
      text.append(text.length() == 0 ? "" : " and ").append(source.describe());
    }
    return text + (sources().size() == 1 ? " is not set" : " are not set");
  }

  @Override
  public String toString() {
    return describe();
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
    String resolve(ConfigSource source) throws IOException {
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
    String resolve(ConfigSource source) throws IOException {
      String value = first.resolve(source);
      return value != null ? value : second.resolve(source);
    }

    @Override
    public String describe() {
      return first.describe() + ", else " + second.describe();
    }

    @Override
    List<Source> sources() {
      List<Source> all = new java.util.ArrayList<>(first.sources());
      all.addAll(second.sources());
      return all;
    }
  }

  private static final class Fallback extends Lookup {
    private final Lookup lookup;
    private final String fallback;

    Fallback(Lookup lookup, String fallback) {
      this.lookup = lookup;
      this.fallback = fallback;
    }

    @Override
    String resolve(ConfigSource source) throws IOException {
      String value = lookup.resolve(source);
      return value != null ? value : fallback;
    }

    @Override
    public String describe() {
      return lookup.describe() + ", else the fallback in the code";
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
    String resolve(ConfigSource source) throws IOException {
      String value = lookup.resolve(source);
      return value == null ? null : value.strip();
    }

    @Override
    public String describe() {
      return lookup.describe();
    }

    @Override
    List<Source> sources() {
      return lookup.sources();
    }
  }
}
