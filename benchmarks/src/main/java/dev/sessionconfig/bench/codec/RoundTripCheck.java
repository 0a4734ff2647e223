package dev.sessionconfig.bench.codec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.User;

/** Fails unless a codec read back the very session it was given: a codec that loses data is not measured. */
final class RoundTripCheck {
  private RoundTripCheck() {}

  static void verify(String codec, Map<String, Object> original, Map<String, Object> decoded) {
    require(codec, decoded.keySet().equals(original.keySet()), "attributes " + decoded.keySet());
    securityContext(codec, (SecurityContext) original.get(SampleSession.SECURITY_CONTEXT),
        decoded.get(SampleSession.SECURITY_CONTEXT));
    cart(codec, (Cart) original.get(SampleSession.CART), decoded.get(SampleSession.CART));
  }

  /** Component by component, so that a failure names what differs rather than printing two whole carts. */
  private static void cart(String codec, Cart original, Object decoded) {
    require(codec, decoded instanceof Cart, "a " + className(decoded) + " for the cart");
    Cart cart = (Cart) decoded;
    require(codec, original.id().equals(cart.id()), "cart id " + cart.id());
    require(codec, original.currency().equals(cart.currency()), "currency " + cart.currency());
    require(codec, original.items().size() == cart.items().size(), cart.items().size() + " cart lines");
    for (int i = 0; i < original.items().size(); i++) {
      require(codec, original.items().get(i).equals(cart.items().get(i)), "cart line " + i + " " + cart.items().get(i));
    }
    require(codec, original.viewed().equals(cart.viewed()), "viewed " + cart.viewed());
    require(codec, original.updated().equals(cart.updated()), "updated " + cart.updated());
    require(codec, original.equals(cart), "a cart that differs from the original"); // whatever a new component holds
  }

  private static void securityContext(String codec, SecurityContext original, Object decoded) {
    require(codec, decoded instanceof SecurityContext, "a " + className(decoded) + " for the security context");
    Authentication expected = original.getAuthentication();
    Authentication actual = ((SecurityContext) decoded).getAuthentication();
    require(codec, actual != null, "no authentication");
    require(codec, expected.getName().equals(actual.getName()), "user '" + actual.getName() + "'");
    require(codec, authorities(expected).equals(authorities(actual)), "authorities " + authorities(actual));
    require(codec, actual.isAuthenticated(), "an authentication that is not authenticated");
    require(codec, actual.getCredentials() == null, "credentials back");
    require(codec, expected.getDetails().equals(actual.getDetails()), "details " + actual.getDetails());
    require(codec, actual.getPrincipal() instanceof User principal && principal.getPassword() == null
        && authorities(principal.getAuthorities()).equals(authorities(expected)),
        "principal " + actual.getPrincipal());
    // Spring Security's own notion of the same login: principal, details, authorities, credentials.
    require(codec, original.equals(decoded), "a context that Spring Security finds different");
  }

  private static List<String> authorities(Authentication authentication) {
    return authorities(authentication.getAuthorities());
  }

  private static List<String> authorities(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream().map(GrantedAuthority::getAuthority).toList();
  }

  private static String className(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  private static void require(String codec, boolean holds, String found) {
    if (!holds) {
      throw new IllegalStateException(codec + " did not read back the session it stored: it read " + found);
    }
  }
}
