package dev.sessionconfig.processor.evaluate;

import com.sun.source.util.TreePath;
import dev.sessionconfig.LookupTree;
import dev.sessionconfig.processor.facts.EnumConstant;
import dev.sessionconfig.processor.evaluate.ValueSource.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the classifications of parts make the classification of a whole. The order of the checks is the policy:
 * an unresolved part defers everything; a hard-coded literal that may become the value makes a fallback.
 */
final class Combine {
  private Combine() {}

  /**
   * A value computed from {@code parts} by a pure function: LITERAL when every part is, with the value {@code
   * compute} gives from the parts' values; otherwise as hard-coded as its most hard-coded part.
   */
  static ValueSource derived(TreePath at, List<ValueSource> parts,
      Function<List<Object>, Optional<Object>> compute) {
    Optional<ValueSource> unresolved = firstOf(parts, Kind.UNRESOLVED);
    if (unresolved.isPresent()) {
      return ValueSource.unresolved(at, ValueSource.seenIn(parts));
    }
    if (parts.stream().allMatch(part -> part.kind() == Kind.LITERAL)) {
      if (!parts.stream().allMatch(ValueSource::isComputed)) {
        return ValueSource.uncomputedLiteral(at);
      }
      List<Object> values = new ArrayList<>();
      parts.forEach(part -> values.add(part.raw()));
      return compute.apply(values)
          .map(value -> ValueSource.literal(at, value))
          .orElseGet(() -> ValueSource.uncomputedLiteral(at));
    }
    Optional<ValueSource> shipped = ShippedReads.derived(at, parts);
    if (shipped.isPresent()) {
      return shipped.get();
    }
    return firstOf(parts, Kind.LITERAL_FALLBACK)
        .map(fallback -> ValueSource.fallback(fallback.culpritPath(), null, ValueSource.seenIn(parts)))
        .orElseGet(() -> ValueSource.opaque(at, ValueSource.seenIn(parts)).withRandomOf(parts));
  }

  /** A value the processor cannot see into, computed from {@code parts}: it only reports their lookups. */
  static ValueSource opaque(TreePath at, List<ValueSource> parts) {
    return firstOf(parts, Kind.UNRESOLVED).isPresent()
        ? ValueSource.unresolved(at, ValueSource.seenIn(parts))
        : ValueSource.opaque(at, ValueSource.seenIn(parts)).withRandomOf(parts);
  }

  /**
   * One of {@code options}, chosen by a condition the processor does not evaluate (the branches of a ternary,
   * a method's returns, conditional assignments). A {@code null} option is no value and no secret.
   */
  static ValueSource alternatives(TreePath at, List<ValueSource> options) {
    List<ValueSource> values = new ArrayList<>();
    options.stream().filter(option -> !option.isNullLiteral()).forEach(values::add);
    if (values.isEmpty()) {
      return options.isEmpty() ? ValueSource.opaque(at, List.of()) : options.get(0);
    }
    List<LookupTree.Source> seen = ValueSource.seenIn(options);
    if (firstOf(values, Kind.UNRESOLVED).isPresent()) {
      return ValueSource.unresolved(at, seen);
    }
    if (values.stream().allMatch(value -> value.kind() == Kind.LITERAL)) {
      return commonLiteral(at, values);
    }
    if (values.size() == 1 || sameLookup(values)) {
      return values.get(0);
    }
    // A literal that may be the value is a hard-coded secret, whatever the other options are.
    Optional<ValueSource> literal = firstOf(values, Kind.LITERAL).or(() -> firstOf(values, Kind.LITERAL_FALLBACK));
    long hardCodedOptions = values.stream()
        .filter(value -> value.kind() == Kind.LITERAL || value.kind() == Kind.LITERAL_FALLBACK).count();
    return literal
        .map(hardCoded -> ValueSource.fallback(hardCoded.culpritPath(), null, seen,
            hardCodedOptions == 1 ? hardCodedValue(hardCoded) : null))
        .or(() -> ShippedReads.firstOf(at, values, seen))
        .orElseGet(() -> ValueSource.opaque(at, seen).withRandomOf(values));
  }

  /**
   * {@code primary}, or {@code fallback} when {@code primary} is {@code null}: the loader replays this exactly
   * when {@code primary} is a lookup ({@code getOrDefault}, {@code orElse}, {@code requireNonNullElse},
   * {@code x != null ? x : y}).
   */
  static ValueSource coalesce(TreePath at, ValueSource primary, ValueSource fallback) {
    List<ValueSource> both = List.of(primary, fallback);
    if (firstOf(both, Kind.UNRESOLVED).isPresent()) {
      return ValueSource.unresolved(at, ValueSource.seenIn(both));
    }
    if (primary.isNullLiteral()) {
      return fallback;
    }
    switch (primary.kind()) {
      case LOOKUP:
        return lookupOrElse(at, primary.lookup().orElseThrow(), fallback);
      case LITERAL:
      case LITERAL_FALLBACK:
        return primary; // never null: the fallback is dead code
      default:
        return alternatives(at, both);
    }
  }

  /** The classification without its replay, for a lookup transformed in a way the loader cannot repeat. */
  static ValueSource inexact(ValueSource source) {
    switch (source.kind()) {
      case LOOKUP:
        return ValueSource.opaque(source.culpritPath(), source.seen());
      case LITERAL_FALLBACK:
        return source.withLookup(null);
      default:
        return source;
    }
  }

  private static ValueSource lookupOrElse(TreePath at, LookupTree lookup, ValueSource fallback) {
    List<LookupTree.Source> seen = ValueSource.seenIn(List.of(ValueSource.lookup(at, lookup), fallback));
    switch (fallback.kind()) {
      case LOOKUP:
        return ValueSource.lookup(at, lookup.or(fallback.lookup().orElseThrow()));
      case LITERAL:
        if (fallback.isNullLiteral()) {
          return ValueSource.lookup(at, lookup);
        }
        return ValueSource.fallback(fallback.culpritPath(), constant(fallback, lookup.isConverted())
            .map(lookup::orElse).orElse(null), seen, hardCodedValue(fallback));
      case LITERAL_FALLBACK:
        return ValueSource.fallback(fallback.culpritPath(), fallback.lookup().map(lookup::or).orElse(null), seen,
            fallback.hardCoded());
      default:
        return ShippedReads.firstOf(at, List.of(fallback), seen).orElseGet(() -> ValueSource.opaque(at, seen));
    }
  }

  /**
   * The value of a literal as the loader's fallback, when it has one: the text of a scalar after a text lookup,
   * and the value itself after a converted one ({@code map(Integer::parseInt).orElse(32)}).
   */
  private static Optional<Object> constant(ValueSource literal, boolean typed) {
    Object value = literal.isComputed() ? literal.raw() : null;
    boolean scalar = value instanceof String || value instanceof Character || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    if (!typed) {
      return scalar ? Optional.of(String.valueOf(value)) : Optional.empty();
    }
    if (value instanceof Short || value instanceof Byte) {
      return Optional.of(((Number) value).intValue());
    }
    boolean typedConstant = value instanceof java.time.Duration
        || value instanceof EnumConstant constant && constant.enumType().equals("dev.sessionconfig.SessionType");
    return scalar || typedConstant ? Optional.of(value) : Optional.empty();
  }

  /** The value a hard-coded option stands for, when known: a literal's value, a fallback's default. */
  private static Object hardCodedValue(ValueSource option) {
    return option.isComputed() ? option.raw() : option.hardCoded();
  }

  private static ValueSource commonLiteral(TreePath at, List<ValueSource> literals) {
    ValueSource first = literals.get(0);
    boolean same = literals.stream().allMatch(literal -> literal.isComputed()
        && first.isComputed() && Objects.deepEquals(literal.raw(), first.raw()));
    if (same) {
      return ValueSource.literal(at, first.raw());
    }
    // Every path fails the same way (a helper returning SessionType.valueOf("redis")): so does the whole.
    boolean sameRejection = first.rejection().isPresent()
        && literals.stream().allMatch(literal -> literal.rejection().equals(first.rejection()));
    return sameRejection ? ValueSource.rejected(at, first.rejection().get()) : ValueSource.uncomputedLiteral(at);
  }

  private static boolean sameLookup(List<ValueSource> values) {
    return values.stream().allMatch(value -> value.kind() == Kind.LOOKUP
        && value.lookup().equals(values.get(0).lookup()));
  }

  private static Optional<ValueSource> firstOf(List<ValueSource> parts, Kind kind) {
    return parts.stream().filter(part -> part.kind() == kind).findFirst();
  }
}
