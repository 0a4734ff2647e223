package com.example.shop;

import java.math.BigDecimal;

/** One product in a cart. */
public record CartLine(String product, Category category, int quantity, BigDecimal unitPrice) {

  BigDecimal total() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
