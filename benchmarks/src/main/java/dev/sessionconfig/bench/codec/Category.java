package dev.sessionconfig.bench.codec;

/** A product's shop department: stored by constant name. */
public enum Category { BOOKS, MUSIC, GAMES, GARDEN, KITCHEN }
