package dev.sessionconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookupTreeTest {
  private static final String SECRET = "hunter2";

  @Test
  void describesEverySourceInReadingOrderAndNeverAFallback() {
    LookupTree lookup = LookupTree.env("A").or(LookupTree.property("b").orElse(SECRET)).stripped();
    assertEquals("environment variable A, else system property b, else the fallback in the code", lookup.describe());
    assertEquals(lookup.describe(), lookup.toString());
    LookupTree nested = LookupTree.file("/run/secrets/k").orElse(SECRET).converted(Conversion.toInt("f", 10));
    assertFalse(nested.toString().contains(SECRET), nested::toString);
    assertFalse(new LookupTree.Fallback(LookupTree.env("A"), SECRET).toString().contains(SECRET));
  }

  @Test
  void aConversionThatReadsAMissingValueSaysWhatItGives() {
    Conversion parse = Conversion.toBoolean("Boolean.parseBoolean");
    assertEquals("environment variable K, else false as Boolean.parseBoolean reads a missing value",
        LookupTree.env("K").converted(parse).describe());
    // Present-only, or an inner lookup that always finds a value: the function never sees null.
    assertEquals("environment variable K", LookupTree.env("K").convertedIfPresent(parse).describe());
    assertEquals("environment variable K, else the fallback in the code",
        LookupTree.env("K").orElse("true").converted(parse).describe());
    // A function that throws on null gives nothing of its own.
    assertEquals("environment variable K", LookupTree.env("K").converted(Conversion.toInt("f", 10)).describe());
  }

  @Test
  void sourcesAreTheLeavesEachOnce() {
    LookupTree lookup = LookupTree.env("A").or(LookupTree.property("b")).or(LookupTree.env("A").orElse("x"));
    assertEquals(List.of(LookupTree.env("A"), LookupTree.property("b")), lookup.sources());
  }

  @Test
  void fallbacksAreListedOutermostFirst() {
    LookupTree lookup = LookupTree.env("A").orElse("inner").or(LookupTree.env("B")).orElse("outer");
    assertEquals(List.of("outer", "inner"), lookup.fallbacks());
    assertEquals(List.of(), LookupTree.env("A").stripped().fallbacks());
  }

  @Test
  void mayBeMissingUnlessAFallbackOrAConversionAlwaysGivesAValue() {
    Conversion parse = Conversion.toBoolean("Boolean.parseBoolean");
    assertTrue(LookupTree.env("A").or(LookupTree.file("/f")).stripped().mayBeMissing());
    assertFalse(LookupTree.env("A").orElse("x").mayBeMissing());
    assertFalse(LookupTree.env("A").or(LookupTree.env("B").orElse("x")).mayBeMissing());
    assertFalse(LookupTree.env("A").converted(parse).mayBeMissing());
    assertTrue(LookupTree.env("A").convertedIfPresent(parse).mayBeMissing());
  }

  @Test
  void theValueWhenUnsetIsTheFallbackConvertedAsTheCodeConvertsIt() {
    Conversion toInt = Conversion.toInt("Integer.parseInt", 10);
    assertEquals(Optional.of(42), LookupTree.env("N").orElse(" 42 ").stripped().converted(toInt).valueWhenUnset());
    assertEquals(Optional.of(Boolean.FALSE),
        LookupTree.env("B").converted(Conversion.toBoolean("Boolean.parseBoolean")).valueWhenUnset());
    assertEquals(Optional.empty(),
        LookupTree.env("B").convertedIfPresent(Conversion.toBoolean("Boolean.parseBoolean")).valueWhenUnset());
    assertEquals(Optional.empty(), LookupTree.env("N").converted(toInt).valueWhenUnset());
    assertEquals(Optional.of("b"), LookupTree.env("A").or(LookupTree.env("B").orElse("b")).valueWhenUnset());
    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
        () -> LookupTree.env("N").orElse("ten").converted(toInt).valueWhenUnset());
    assertTrue(rejected.getMessage().startsWith("'ten' is not a whole number"), rejected::getMessage);
    assertFalse(LookupTree.env("N").stripped().isConverted());
    assertTrue(LookupTree.env("A").or(LookupTree.env("N").converted(toInt)).isConverted());
  }

  @Test
  void presentOnlyOverABaseTurnsItsConversionsPresentOnly() {
    Conversion parse = Conversion.toBoolean("Boolean.parseBoolean");
    LookupTree base = LookupTree.env("K");
    assertEquals(Optional.of(base.stripped().convertedIfPresent(parse)),
        base.stripped().converted(parse).presentOnlyOver(base));
    assertEquals(Optional.of(base), base.presentOnlyOver(LookupTree.env("K")));
    assertEquals(Optional.empty(), base.orElse("x").converted(parse).presentOnlyOver(base));
    assertEquals(Optional.empty(), LookupTree.env("J").converted(parse).presentOnlyOver(base));
  }

  @Test
  void strippingTwiceIsStrippingOnce() {
    LookupTree once = LookupTree.env("K").stripped();
    assertSame(once, once.stripped());
    assertEquals(once, LookupTree.env("K").stripped());
  }
}
