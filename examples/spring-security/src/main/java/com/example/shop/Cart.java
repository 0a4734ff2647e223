package com.example.shop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A shopping cart, kept in the session as a record: stored and read back by generated code, no reflection. */
public record Cart(List<CartLine> lines) {
  static final Cart EMPTY = new Cart(List.of());

  Cart with(CartLine line) {
    List<CartLine> more = new ArrayList<>(lines);
    more.add(line);
    return new Cart(List.copyOf(more));
  }

  BigDecimal total() {
    return lines.stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
