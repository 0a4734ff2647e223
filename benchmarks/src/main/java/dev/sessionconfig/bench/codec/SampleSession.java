package dev.sessionconfig.bench.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The session every codec stores, and every client of the request benchmark holds (see
 * {@code bench.sessions.RealisticSessionServlet}): a user logged in with Spring Security's form login, and a
 * 20-line cart. Built the same on every call (no clock, no randomness), so every fork, codec and variant sees the
 * same values.
 */
public final class SampleSession {
  public static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";
  public static final String CART = "cart";
  public static final int CART_ITEMS = 20;

  private static final Instant START = Instant.parse("2026-03-14T09:26:53.589Z");
  private static final String[] WORDS = {"Walnut", "Desk", "Lamp", "Linen", "Kettle", "Atlas", "Vinyl", "Trowel",
      "Chess", "Novel", "Espresso", "Headphones", "Planter", "Puzzle", "Cookbook"};

  private SampleSession() {}

  /** The attributes by name, in the order a request sets them. */
  public static Map<String, Object> attributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(SECURITY_CONTEXT, securityContext());
    attributes.put(CART, cart());
    return attributes;
  }

  /** What Spring Security keeps after a form login: credentials erased, as its ProviderManager does. */
  public static SecurityContextImpl securityContext() {
    User alice = new User("alice", "{noop}correct horse battery staple",
        List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN")));
    alice.eraseCredentials();
    UsernamePasswordAuthenticationToken token =
        UsernamePasswordAuthenticationToken.authenticated(alice, null, alice.getAuthorities());
    // What a login request leaves: the client's address and the session id before the login changed it.
    token.setDetails(new WebAuthenticationDetails("198.51.100.23", "5F0C2D9A7B31E4F6A8C0B2D4E6F81A3C"));
    return new SecurityContextImpl(token);
  }

  public static Cart cart() {
    Category[] categories = Category.values();
    List<CartItem> items = new ArrayList<>();
    for (int i = 0; i < CART_ITEMS; i++) {
      items.add(new CartItem(uuid("product-" + i), "SKU-" + (10_000 + 37 * i),
          WORDS[i % WORDS.length] + " " + WORDS[(i * 7 + 3) % WORDS.length], categories[i % categories.length],
          1 + i % 3, BigDecimal.valueOf(499 + 250L * i, 2), START.plusMillis(97_031L * i)));
    }
    Map<Category, List<Instant>> viewed = new LinkedHashMap<>();
    for (Category category : categories) {
      List<Instant> times = new ArrayList<>();
      for (int j = 0; j < 4; j++) {
        times.add(START.minusMillis(3_600_000L * (category.ordinal() + 1) + 61_003L * j));
      }
      viewed.put(category, times);
    }
    return new Cart(uuid("cart-of-alice"), "EUR", List.copyOf(items), viewed, START.plusSeconds(1_940));
  }

  private static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
