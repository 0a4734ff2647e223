package dev.sessionconfig.processor.read;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A lookup the generated loader can replay against a {@code ConfigSource}: an environment variable, a system
 * property or a secrets file, possibly combined. The processor-side twin of {@code
 * dev.sessionconfig.runtime.Lookup}, whose semantics it shares: a lookup is absent when it finds nothing
 * ({@code null}), and {@link #or}/{@link #orElse} step in only then. Immutable.
 *
 * <p>{@link #describe()} and {@link #toString()} never print a {@link #fallback()}: a hard-coded default may be
 * a secret, and descriptions end up in build logs.
 */
public final class LookupExpr {

  /** The shape of a lookup. */
  public enum Kind {
    /** {@code System.getenv(name)}. */
    ENV,
    /** {@code System.getProperty(name)}. */
    PROPERTY,
    /** The text of the file at path {@code name}. */
    FILE,
    /** {@link #first()}, or {@link #second()} when the first is absent. */
    EITHER,
    /** {@link #inner()}, or the constant {@link #fallback()} when it is absent. */
    FALLBACK,
    /** {@link #inner()} without surrounding white space ({@code strip()} or {@code trim()}). */
    STRIPPED
  }

  private final Kind kind;
  /** The name or path of a leaf; the fallback of a FALLBACK. */
  private final String text;
  /** EITHER's first lookup; the inner lookup of FALLBACK and STRIPPED. */
  private final LookupExpr first;
  /** EITHER's second lookup. */
  private final LookupExpr second;

  private LookupExpr(Kind kind, String text, LookupExpr first, LookupExpr second) {
    this.kind = kind;
    this.text = text;
    this.first = first;
    this.second = second;
  }

  public static LookupExpr env(String name) {
    return new LookupExpr(Kind.ENV, Objects.requireNonNull(name, "name"), null, null);
  }

  public static LookupExpr property(String name) {
    return new LookupExpr(Kind.PROPERTY, Objects.requireNonNull(name, "name"), null, null);
  }

  public static LookupExpr file(String path) {
    return new LookupExpr(Kind.FILE, Objects.requireNonNull(path, "path"), null, null);
  }

  /** This lookup, or {@code other} when this one is absent. */
  public LookupExpr or(LookupExpr other) {
    return new LookupExpr(Kind.EITHER, null, this, Objects.requireNonNull(other, "other"));
  }

  /** This lookup, or the constant {@code fallback} when it is absent. */
  public LookupExpr orElse(String fallback) {
    return new LookupExpr(Kind.FALLBACK, Objects.requireNonNull(fallback, "fallback"), this, null);
  }

  /** This lookup without surrounding white space; stripping twice is stripping once. */
  public LookupExpr stripped() {
    return kind == Kind.STRIPPED ? this : new LookupExpr(Kind.STRIPPED, null, this, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The variable, property or path of an ENV, PROPERTY or FILE lookup; {@code null} for the other kinds. */
  public String name() {
    return isLeaf() ? text : null;
  }

  /** The lookup an EITHER tries first; {@code null} for the other kinds. */
  public LookupExpr first() {
    return kind == Kind.EITHER ? first : null;
  }

  /** The lookup an EITHER tries when the first is absent; {@code null} for the other kinds. */
  public LookupExpr second() {
    return kind == Kind.EITHER ? second : null;
  }

  /** The lookup a FALLBACK or STRIPPED wraps; {@code null} for the other kinds. */
  public LookupExpr inner() {
    return kind == Kind.FALLBACK || kind == Kind.STRIPPED ? first : null;
  }

  /**
   * The constant a FALLBACK uses when its inner lookup is absent; {@code null} for the other kinds (also when a
   * FALLBACK is nested inside them). Treat it as a secret: never log it.
   */
  public String fallback() {
    return kind == Kind.FALLBACK ? text : null;
  }

  private boolean isLeaf() {
    return kind == Kind.ENV || kind == Kind.PROPERTY || kind == Kind.FILE;
  }

  /** The environment variables, properties and files this lookup reads, in reading order, each once. */
  public List<LookupExpr> sources() {
    Set<LookupExpr> leaves = new LinkedHashSet<>();
    collectSources(leaves);
    return List.copyOf(leaves);
  }

  private void collectSources(Set<LookupExpr> leaves) {
    switch (kind) {
      case EITHER:
        first.collectSources(leaves);
        second.collectSources(leaves);
        break;
      case FALLBACK:
      case STRIPPED:
        first.collectSources(leaves);
        break;
      default:
        leaves.add(this);
    }
  }

  /**
   * Where the value comes from, worded like the runtime's {@code Lookup.describe()}, e.g. {@code environment
   * variable SECRET_KEY, else system property app.key}. Never contains a fallback value.
   */
  public String describe() {
    switch (kind) {
      case ENV:
        return "environment variable " + text;
      case PROPERTY:
        return "system property " + text;
      case FILE:
        return "file " + text;
      case EITHER:
        return first.describe() + ", else " + second.describe();
      case FALLBACK:
        return first.describe() + ", else the fallback in the code";
      default:
        return first.describe();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LookupExpr that
        && kind == that.kind
        && Objects.equals(text, that.text)
        && Objects.equals(first, that.first)
        && Objects.equals(second, that.second);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, text, first, second);
  }

  /** The same as {@link #describe()}: safe to log. */
  @Override
  public String toString() {
    return describe();
  }
}
