package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.sessionconfig.LookupTree;
import dev.sessionconfig.processor.facts.EnumConstant;
import dev.sessionconfig.processor.facts.ShippedRead;
import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the value of one expression comes from, as {@link ValueSourceAnalyzer} classified it. Immutable.
 *
 * <p>A classification may describe a hard-coded secret, so nothing here prints a value: {@link #toString()}
 * shows the kind and the lookups only.
 */
public final class ValueSource {

  /** Where a value comes from, as far as the rules about secrets and values care. */
  public enum Kind {
    /** A literal, a constant, or anything derived only from literals. */
    LITERAL,
    /** A lookup whose absence falls back to a literal, e.g. {@code System.getProperty("k", "dev")}. */
    LITERAL_FALLBACK,
    /** An environment variable, system property or secrets file, without a hard-coded default. */
    LOOKUP,
    /** Anything else: a key-management call, a computation on lookups, code whose source is not available. */
    OPAQUE,
    /** The expression uses a symbol javac could not resolve (yet): classify it again in a later round. */
    UNRESOLVED
  }

  private final Kind kind;
  private final TreePath culprit;
  /** The computed value of a LITERAL (when {@link #computed}), or an {@link Intermediate} of an OPAQUE. */
  private final Object raw;
  private final boolean computed;
  private final LookupTree lookup;
  private final List<LookupTree.Source> seen;
  private final List<ValueSource> elements;
  /** Whether a random source made this value: a key that differs in every process. */
  private final boolean random;

  private ValueSource(Kind kind, TreePath culprit, Object raw, boolean computed, LookupTree lookup,
      List<LookupTree.Source> seen, List<ValueSource> elements) {
    this(kind, culprit, raw, computed, lookup, seen, elements, false);
  }

  private ValueSource(Kind kind, TreePath culprit, Object raw, boolean computed, LookupTree lookup,
      List<LookupTree.Source> seen, List<ValueSource> elements, boolean random) {
    this.kind = kind;
    this.culprit = culprit;
    this.raw = raw;
    this.computed = computed;
    this.lookup = lookup;
    this.seen = seen;
    this.elements = elements;
    this.random = random && kind == Kind.OPAQUE;
  }

  /**
   * A compile-time constant known from its element alone, such as {@code VariableElement.getConstantValue()}
   * of a field whose source javac does not have: a LITERAL without a {@link #culprit()}.
   */
  public static ValueSource constant(Object value) {
    return new ValueSource(Kind.LITERAL, null, Objects.requireNonNull(value, "value"), true, null, List.of(),
        List.of());
  }

  /** Nothing known, for an expression that cannot be read (no Tree API): an OPAQUE without a {@link #culprit()}. */
  public static ValueSource unknown() {
    return new ValueSource(Kind.OPAQUE, null, null, false, null, List.of(), List.of());
  }

  /** A literal whose value is known; {@code null} for the null literal. */
  static ValueSource literal(TreePath at, Object value) {
    return new ValueSource(Kind.LITERAL, at, value, true, null, List.of(), List.of());
  }

  /** A literal whose value the processor does not compute, e.g. {@code new byte[32]}. */
  static ValueSource uncomputedLiteral(TreePath at) {
    return new ValueSource(Kind.LITERAL, at, null, false, null, List.of(), List.of());
  }

  /**
   * A conversion of a constant that fails when the class initializes, such as {@code SessionType.valueOf("redis")}
   * (valueOf is case-sensitive): a LITERAL whose value is not computed, with the conversion's complaint.
   *
   * @param problem what is wrong, then "; " and how to fix it
   */
  static ValueSource rejected(TreePath at, String problem) {
    return new ValueSource(Kind.LITERAL, at, new Rejection(problem), false, null, List.of(), List.of());
  }

  /** The complaint of a {@link #rejected} conversion. */
  private record Rejection(String problem) {}

  static ValueSource lookup(TreePath at, LookupTree lookup) {
    return new ValueSource(Kind.LOOKUP, at, null, false, lookup, lookup.sources(), List.of());
  }

  /**
   * A lookup with a hard-coded default at {@code fallback}; {@code replay} is {@code null} when the loader
   * cannot replay it.
   */
  static ValueSource fallback(TreePath fallback, LookupTree replay, List<LookupTree.Source> seen) {
    return new ValueSource(Kind.LITERAL_FALLBACK, fallback, null, false, replay, seen, List.of());
  }

  /** {@link #fallback}, knowing the hard-coded default's value as it is used, unchanged. */
  static ValueSource fallback(TreePath fallback, LookupTree replay, List<LookupTree.Source> seen, Object hardCoded) {
    return new ValueSource(Kind.LITERAL_FALLBACK, fallback, hardCoded, hardCoded != null, replay, seen, List.of());
  }

  static ValueSource opaque(TreePath at, List<LookupTree.Source> seen) {
    return new ValueSource(Kind.OPAQUE, at, null, false, null, seen, List.of());
  }

  /** An intermediate value, such as an {@code Optional}, that only some calls on it understand. */
  static ValueSource intermediate(TreePath at, Intermediate value, List<LookupTree.Source> seen) {
    return new ValueSource(Kind.OPAQUE, at, value, false, null, seen, List.of());
  }

  static ValueSource unresolved(TreePath at, List<LookupTree.Source> seen) {
    return new ValueSource(Kind.UNRESOLVED, at, null, false, null, seen, List.of());
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The computed value of a LITERAL: a String, a boxed primitive, a {@link Duration}, an {@link EnumConstant},
   * or an unmodifiable {@code List<Object>} of those for arrays and lists. Empty when the value is not
   * computed, for the null literal (see {@link #isNullLiteral()}), and for every other kind.
   */
  public Optional<Object> value() {
    return kind == Kind.LITERAL && computed && raw != null ? publicForm(raw) : Optional.empty();
  }

  /**
   * For a LITERAL_FALLBACK: the hard-coded default's value, when it is known and becomes the value as it is
   * (not transformed, and the only hard-coded option). Empty otherwise.
   */
  public Optional<Object> hardCodedValue() {
    return kind == Kind.LITERAL_FALLBACK && computed && raw != null ? publicForm(raw) : Optional.empty();
  }

  /** The hard-coded default of a LITERAL_FALLBACK as {@link #fallback} took it, or {@code null}. */
  Object hardCoded() {
    return kind == Kind.LITERAL_FALLBACK && computed ? raw : null;
  }

  /**
   * For a conversion of a constant that fails when the class initializes: what is wrong, then "; " and how to fix
   * it. Empty for everything else.
   */
  public Optional<String> rejection() {
    return kind == Kind.LITERAL && !computed && raw instanceof Rejection rejection
        ? Optional.of(rejection.problem())
        : Optional.empty();
  }

  /** Whether this is the {@code null} literal, or a literal expression whose value is {@code null}. */
  public boolean isNullLiteral() {
    return kind == Kind.LITERAL && computed && raw == null;
  }

  /**
   * What the value is read from when that ships with the code (a class-path resource, a file of the source tree),
   * directly or through reads and pure functions of it; empty for everything else.
   */
  public Optional<ShippedRead> shipped() {
    return raw instanceof Intermediate.Shipped shipped ? Optional.of(shipped.read()) : Optional.empty();
  }

  /**
   * The subtree to point a diagnostic at: for a LITERAL the literal expression, for a LITERAL_FALLBACK the
   * hard-coded default (or the reference that leads to it when it lives in another declaration), for the
   * other kinds the whole expression. Always inside the classified expression; {@code null} only for {@link
   * #constant} and {@link #unknown()}.
   */
  public Tree culprit() {
    return culprit == null ? null : culprit.getLeaf();
  }

  /** The path to {@link #culprit()}, whose compilation unit a diagnostic needs; {@code null} when it is. */
  public TreePath culpritPath() {
    return culprit;
  }

  /**
   * The lookup the loader replays: present for every LOOKUP, and for a LITERAL_FALLBACK whose fallback the
   * loader can replay exactly (e.g. {@code System.getenv().getOrDefault("K", "dev")} gives {@code
   * env(K).orElse("dev")}, while {@code x.isBlank() ? "dev" : x} gives none).
   */
  public Optional<LookupTree> lookup() {
    return Optional.ofNullable(lookup);
  }

  /**
   * Every environment variable, system property and file read inside the expression, each once. Mainly for
   * OPAQUE (e.g. {@code System.getenv("K").toCharArray()} has {@code [env(K)]}); a LOOKUP lists its lookup's
   * sources, a LITERAL nothing.
   */
  public List<LookupTree.Source> seen() {
    return seen;
  }

  /**
   * The classification of each element of an array initializer or of a {@code List.of}, {@code Set.of} or
   * {@code Arrays.asList} call, so that a list of keys can be checked key by key; empty for other expressions.
   */
  public List<ValueSource> elements() {
    return elements;
  }

  /**
   * Whether a random source ({@code SecureRandom}, {@code KeyGenerator}, {@code UUID.randomUUID()}) made this
   * OPAQUE value: a key that is different in every process.
   */
  public boolean isRandom() {
    return random;
  }

  /** The kind and the lookups: never a value, never source text. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ValueSource[").append(kind);
    if (isNullLiteral()) {
      text.append(" null");
    }
    if (random) {
      text.append(" random");
    }
    if (lookup != null) {
      text.append(' ').append(lookup.describe());
    } else if (!seen.isEmpty()) {
      text.append(" seen ").append(seen);
    }
    return text.append(']').toString();
  }

  // ---- for the analyzer ------------------------------------------------------------------------------------

  /** Whether {@link #raw()} holds the computed value of a LITERAL. */
  boolean isComputed() {
    return kind == Kind.LITERAL && computed;
  }

  /** The computed value of a LITERAL, or the {@link Intermediate} of an OPAQUE. */
  Object raw() {
    return raw;
  }

  ValueSource withCulprit(TreePath at) {
    return new ValueSource(kind, at, raw, computed, lookup, seen, elements, random);
  }

  /** This LITERAL with another computed value, e.g. after a numeric conversion. */
  ValueSource withValue(Optional<Object> value) {
    return new ValueSource(kind, culprit, value.orElse(null), value.isPresent(), lookup, seen, elements);
  }

  ValueSource withLookup(LookupTree replay) {
    return new ValueSource(kind, culprit, raw, computed, replay, seen, elements, random);
  }

  ValueSource withElements(List<ValueSource> items) {
    return new ValueSource(kind, culprit, raw, computed, lookup, seen, List.copyOf(items), random);
  }

  /** This classification, also listing the lookups {@code others} read. */
  ValueSource withSeenOf(List<ValueSource> others) {
    List<ValueSource> all = new ArrayList<>(others);
    all.add(0, this);
    return new ValueSource(kind, culprit, raw, computed, lookup, seenIn(all), elements, random);
  }

  /** This OPAQUE value, made by a random source. */
  ValueSource asRandom() {
    return new ValueSource(kind, culprit, raw, computed, lookup, seen, elements, true);
  }

  /** This value, random when one of {@code parts} is and this is OPAQUE: made from a random value. */
  ValueSource withRandomOf(List<ValueSource> parts) {
    return !random && kind == Kind.OPAQUE && parts.stream().anyMatch(part -> part.random) ? asRandom() : this;
  }

  /** The lookups {@code sources} read, each once, in order. */
  static List<LookupTree.Source> seenIn(List<ValueSource> sources) {
    Set<LookupTree.Source> all = new LinkedHashSet<>();
    for (ValueSource source : sources) {
      all.addAll(source.seen);
    }
    return List.copyOf(all);
  }

  /** Values the public API hands out: immutable, and free of the processor's internal types. */
  private static Optional<Object> publicForm(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Character
        || value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
        || value instanceof Float || value instanceof Double || value instanceof Duration
        || value instanceof EnumConstant) {
      return Optional.of(value);
    }
    if (value instanceof Enum<?> constant) {
      return Optional.of(EnumConstant.of(constant));
    }
    if (value.getClass().isArray()) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(Array.get(value, i));
      }
      return publicList(items);
    }
    if (value instanceof List<?> list) {
      return publicList(list);
    }
    return Optional.empty();
  }

  private static Optional<Object> publicList(List<?> items) {
    List<Object> converted = new ArrayList<>();
    for (Object item : items) {
      if (item == null) {
        converted.add(null);
        continue;
      }
      Optional<Object> element = publicForm(item);
      if (element.isEmpty()) {
        return Optional.empty();
      }
      converted.add(element.get());
    }
    return Optional.of(Collections.unmodifiableList(converted));
  }
}
