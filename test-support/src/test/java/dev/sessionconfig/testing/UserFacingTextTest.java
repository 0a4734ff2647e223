package dev.sessionconfig.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserFacingTextTest {
  @Test
  void findsReferencesToDocumentsUsersDoNotHave() {
    for (String text : new String[] {"the seed's WSGI pitfall", "as the Seed article says", "see SPEC section 3",
        "(section 5 of the spec)", "as the article shows", "fixed in issue 15", "see issue #7"}) {
      assertTrue(!UserFacingText.references(text).isEmpty(), text);
    }
  }

  @Test
  void acceptsTheProductsOwnWords() {
    for (String text : new String[] {"redis-cluster:// (seed nodes)", "each seed node's failure",
        "javax.crypto.spec.SecretKeySpec", "package com.example.seed;", "the seed-good case", "a specification",
        "Flask-Session's own test application", "SecureRandom.getInstance(\"SHA1PRNG\").setSeed(bytes)"}) {
      assertTrue(UserFacingText.references(text).isEmpty(), text + ": " + UserFacingText.references(text));
    }
  }
}
