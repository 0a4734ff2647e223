package dev.sessionconfig.processor.facts;

import dev.sessionconfig.Conversion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A lookup the generated loader can replay against a {@code ConfigSource}: an environment variable, a system
 * property or a secrets file, possibly combined, defaulted and converted by a JDK function ({@code
 * Boolean.parseBoolean}...). The processor-side twin of {@code dev.sessionconfig.runtime.Lookup}, whose semantics
 * it shares: a lookup is absent when it finds nothing ({@code null}), and {@link #or}/{@link #orElse} step in only
 * then. Immutable.
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
    STRIPPED,
    /**
     * {@link #inner()} converted by {@link #conversion()}; when it is absent, the JDK function's own result for
     * {@code null} (see {@link Conversion#ofMissing()}), unless {@link #presentOnly()}.
     */
    CONVERTED
  }

  private final Kind kind;
  /** The name or path of a leaf (a String); the fallback of a FALLBACK. */
  private final Object text;
  /** EITHER's first lookup; the inner lookup of FALLBACK, STRIPPED and CONVERTED. */
  private final LookupExpr first;
  /** EITHER's second lookup. */
  private final LookupExpr second;
  /** CONVERTED's conversion. */
  private final Conversion conversion;
  /** Whether a CONVERTED stays absent when its inner lookup is ({@code Optional.map}, {@code x != null ? f(x) : d}). */
  private final boolean presentOnly;

  private LookupExpr(Kind kind, Object text, LookupExpr first, LookupExpr second) {
    this(kind, text, first, second, null, false);
  }

  private LookupExpr(Kind kind, Object text, LookupExpr first, LookupExpr second, Conversion conversion,
      boolean presentOnly) {
    this.kind = kind;
    this.text = text;
    this.first = first;
    this.second = second;
    this.conversion = conversion;
    this.presentOnly = presentOnly;
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

  /**
   * This lookup, or the constant {@code fallback} when it is absent: text, or for a converted lookup a value of
   * the conversion's type (a Boolean, Integer, Long, {@code Duration}, {@link EnumConstant}...).
   */
  public LookupExpr orElse(Object fallback) {
    return new LookupExpr(Kind.FALLBACK, Objects.requireNonNull(fallback, "fallback"), this, null);
  }

  /** This lookup without surrounding white space; stripping twice is stripping once. */
  public LookupExpr stripped() {
    return kind == Kind.STRIPPED ? this : new LookupExpr(Kind.STRIPPED, null, this, null);
  }

  /** This lookup passed to a JDK function, which is also called when the lookup is absent (as a direct call is). */
  public LookupExpr converted(Conversion by) {
    return new LookupExpr(Kind.CONVERTED, null, this, null, Objects.requireNonNull(by, "by"), false);
  }

  /**
   * The same lookup where every conversion runs only on a present value, as in {@code
   * Optional.ofNullable(lookup).map(Boolean::parseBoolean)}: empty unless this is {@code base} itself, or is
   * derived from it by stripping and conversions only, whose absence then means this one's.
   */
  public Optional<LookupExpr> presentOnlyOver(LookupExpr base) {
    if (equals(base)) {
      return Optional.of(this);
    }
    switch (kind) {
      case STRIPPED:
        return first.presentOnlyOver(base).map(LookupExpr::stripped);
      case CONVERTED:
        return first.presentOnlyOver(base)
            .map(inner -> new LookupExpr(Kind.CONVERTED, null, inner, null, conversion, true));
      default:
        return Optional.empty();
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The variable, property or path of an ENV, PROPERTY or FILE lookup; {@code null} for the other kinds. */
  public String name() {
    return isLeaf() ? (String) text : null;
  }

  /** The lookup an EITHER tries first; {@code null} for the other kinds. */
  public LookupExpr first() {
    return kind == Kind.EITHER ? first : null;
  }

  /** The lookup an EITHER tries when the first is absent; {@code null} for the other kinds. */
  public LookupExpr second() {
    return kind == Kind.EITHER ? second : null;
  }

  /** The lookup a FALLBACK, STRIPPED or CONVERTED wraps; {@code null} for the other kinds. */
  public LookupExpr inner() {
    return kind == Kind.FALLBACK || kind == Kind.STRIPPED || kind == Kind.CONVERTED ? first : null;
  }

  /**
   * The constant a FALLBACK uses when its inner lookup is absent; {@code null} for the other kinds (also when a
   * FALLBACK is nested inside them). Treat it as a secret: never log it.
   */
  public Object fallback() {
    return kind == Kind.FALLBACK ? text : null;
  }

  /** Every constant the code falls back to anywhere in this lookup, outermost first. Treat them as secrets. */
  public List<Object> fallbacks() {
    switch (kind) {
      case EITHER:
        List<Object> both = new java.util.ArrayList<>(first.fallbacks());
        both.addAll(second.fallbacks());
        return List.copyOf(both);
      case FALLBACK:
        List<Object> all = new java.util.ArrayList<>();
        all.add(text);
        all.addAll(first.fallbacks());
        return List.copyOf(all);
      case STRIPPED:
      case CONVERTED:
        return first.fallbacks();
      default:
        return List.of();
    }
  }

  /** A CONVERTED's conversion; {@code null} for the other kinds. */
  public Conversion conversion() {
    return conversion;
  }

  /** Whether a CONVERTED stays absent when its inner lookup is absent, rather than calling the function on null. */
  public boolean presentOnly() {
    return presentOnly;
  }

  /** Whether a JDK conversion is applied anywhere in this lookup, so its value is typed rather than text. */
  public boolean isConverted() {
    switch (kind) {
      case CONVERTED:
        return true;
      case EITHER:
        return first.isConverted() || second.isConverted();
      case FALLBACK:
      case STRIPPED:
        return first.isConverted();
      default:
        return false;
    }
  }

  /**
   * The value the code gives when no environment variable, property or file is set: its fallbacks, converted as
   * the code converts them; empty when it gives none (the setting's default applies, or a conversion would fail on
   * the missing value).
   *
   * @throws IllegalArgumentException when a conversion rejects a fallback, with the conversion's message
   */
  public Optional<Object> valueWhenUnset() {
    switch (kind) {
      case EITHER:
        return first.valueWhenUnset().or(second::valueWhenUnset);
      case FALLBACK:
        return first.valueWhenUnset().or(() -> Optional.of(text));
      case STRIPPED:
        return first.valueWhenUnset().map(value -> value.toString().strip());
      case CONVERTED:
        Optional<Object> inner = first.valueWhenUnset();
        if (inner.isPresent()) {
          return Optional.of(conversion.apply(inner.get()));
        }
        return presentOnly ? Optional.empty() : conversion.ofMissing();
      default:
        return Optional.empty();
    }
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
      case CONVERTED:
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
        && Objects.equals(second, that.second)
        && Objects.equals(conversion, that.conversion)
        && presentOnly == that.presentOnly;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, text, first, second, conversion, presentOnly);
  }

  /** The same as {@link #describe()}: safe to log. */
  @Override
  public String toString() {
    return describe();
  }
}
