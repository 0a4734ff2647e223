package com.example.shop;

/** What a product is. */
public enum Category {
  BOOKS,
  GARDEN,
  KITCHEN
}
