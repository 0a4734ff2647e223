package dev.sessionconfig.processor.facts;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.processor.Position;
import java.util.List;
import java.util.Optional;

/**
 * Where a value comes from: a literal, a lookup with a hard-coded default, a lookup, something that ships with the
 * code, or something the processor cannot see into. Each carries the position a diagnostic about it points at, and never prints the value.
 */
public sealed interface ValueFacts {

  /** The part of the expression to blame: the literal, the hard-coded default, or the whole expression. */
  Position at();

  /** Every environment variable, system property and file read inside the expression, each once. */
  List<LookupTree.Source> seen();

  /**
   * Each element of a list or array written in the code ({@code List.of}, {@code Set.of}, {@code Arrays.asList},
   * an array initializer), classified on its own; empty for other expressions.
   */
  List<ValueFacts> elements();

  /**
   * A literal, a constant, or a value derived only from literals.
   *
   * @param value its computed value, in the forms {@link KnownValue} names; empty when not computed or null
   * @param isNull whether it is the {@code null} literal, or a literal expression whose value is null
   * @param stringLiteral whether the part to blame is a string literal as written
   */
  record Literal(Position at, Optional<Object> value, boolean isNull, boolean stringLiteral,
      List<LookupTree.Source> seen, List<ValueFacts> elements) implements ValueFacts {
    public Literal {
      seen = List.copyOf(seen);
      elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
      return "Literal" + (isNull ? "[null]" : "[]"); // never the value: it may be a secret
    }
  }

  /**
   * A lookup that falls back to a literal when it finds nothing, e.g. {@code System.getProperty("k", "dev")}.
   *
   * @param at the hard-coded default
   * @param replay the lookup with its default, when the loader can repeat it exactly
   * @param hardCoded the default's value, when it is known and becomes the value unchanged
   */
  record Fallback(Position at, Optional<LookupTree> replay, Optional<KnownValue> hardCoded,
      List<LookupTree.Source> seen, List<ValueFacts> elements) implements ValueFacts {
    public Fallback {
      seen = List.copyOf(seen);
      elements = List.copyOf(elements);
    }

    /** What the lookup reads: its replayed lookup's sources, else every lookup seen. */
    public List<LookupTree.Source> reads() {
      return replay.map(LookupTree::sources).orElse(seen);
    }
  }

  /** An environment variable, system property or secrets file, without a hard-coded default. */
  record Lookup(Position at, LookupTree lookup, List<LookupTree.Source> seen, List<ValueFacts> elements)
      implements ValueFacts {
    public Lookup {
      seen = List.copyOf(seen);
      elements = List.copyOf(elements);
    }
  }

  /**
   * Read from something that ships with the code ({@link ShippedRead}): a class-path resource, or a file inside the
   * source tree, possibly through reads and pure functions of it.
   */
  record Shipped(Position at, ShippedRead read, List<LookupTree.Source> seen, List<ValueFacts> elements)
      implements ValueFacts {
    public Shipped {
      seen = List.copyOf(seen);
      elements = List.copyOf(elements);
    }
  }

  /**
   * Anything else: a key-management call, a computation on lookups, code whose source is not available.
   *
   * @param random whether a random source made it, so that it differs in every process
   */
  record Opaque(Position at, List<LookupTree.Source> seen, boolean random, List<ValueFacts> elements)
      implements ValueFacts {
    public Opaque {
      seen = List.copyOf(seen);
      elements = List.copyOf(elements);
    }
  }
}
