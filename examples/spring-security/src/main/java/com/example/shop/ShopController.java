package com.example.shop;

import dev.sessionconfig.runtime.users.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.view.RedirectView;

/** The shop: a cart in the session, and a button that logs the user out of every session on every instance. */
@RestController
public class ShopController {
  static final String CART = "cart";

  private final UserSessions users;
  private final SessionAudit audit;

  ShopController(UserSessions users, SessionAudit audit) {
    this.users = users;
    this.audit = audit;
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String home(Principal user, HttpSession session, HttpServletRequest request) {
    Cart cart = cart(session);
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String token = "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\">";
    StringBuilder lines = new StringBuilder();
    for (CartLine line : cart.lines()) {
      lines.append("<li>").append(HtmlUtils.htmlEscape(line.product())).append(" (").append(line.category())
          .append(") × ").append(line.quantity()).append(": ").append(line.total()).append("</li>");
    }
    return "<!doctype html><title>Shop</title><h1>Hello " + HtmlUtils.htmlEscape(user.getName()) + "</h1>"
        + "<ul>" + lines + "</ul><p>Total: " + cart.total() + "</p>"
        + "<form method=\"post\" action=\"/cart\">" + token
        + "<input name=\"product\" placeholder=\"product\"> <select name=\"category\"><option>BOOKS</option>"
        + "<option>GARDEN</option><option>KITCHEN</option></select> <input name=\"quantity\" value=\"1\">"
        + " <input name=\"price\" value=\"9.99\"> <button>Add to cart</button></form>"
        + "<form method=\"post\" action=\"/logout\">" + token + "<button>Log out</button></form>"
        + "<form method=\"post\" action=\"/logout-everywhere\">" + token
        + "<button>Log out everywhere</button></form>";
  }

  /** The cart as its record prints it: what another instance reads back must print the same. */
  @GetMapping(value = "/cart", produces = MediaType.TEXT_PLAIN_VALUE)
  String cart(HttpSession session, Principal user) {
    return user.getName() + ": " + cart(session);
  }

  @PostMapping("/cart")
  RedirectView add(HttpSession session, @RequestParam String product, @RequestParam Category category,
      @RequestParam int quantity, @RequestParam BigDecimal price) {
    session.setAttribute(CART, cart(session).with(new CartLine(product, category, quantity, price)));
    return new RedirectView("/");
  }

  /** Ends every session of the user, on every instance: after a password change, a lost phone. */
  @PostMapping("/logout-everywhere")
  RedirectView logoutEverywhere(Principal user) {
    users.invalidateAll(user.getName());
    return new RedirectView("/login?logout");
  }

  /** How many times this instance heard session {@code session} begin (for the two-instance test). */
  @GetMapping(value = "/audit/created", produces = MediaType.TEXT_PLAIN_VALUE)
  String created(@RequestParam String session) {
    return String.valueOf(audit.createdCount(session));
  }

  /** How many times this instance heard session {@code session} end (for the two-instance test). */
  @GetMapping(value = "/audit/destroyed", produces = MediaType.TEXT_PLAIN_VALUE)
  String destroyed(@RequestParam String session) {
    return String.valueOf(audit.destroyedCount(session));
  }

  private static Cart cart(HttpSession session) {
    Object cart = session.getAttribute(CART);
    return cart instanceof Cart stored ? stored : Cart.EMPTY;
  }
}
