package dev.sessionconfig.processor.facts;

import dev.sessionconfig.processor.Position;

/**
 * A system property set by the application's entry point, {@code System.setProperty("k", v)} in {@code main}: a
 * setting that reads the property gets that value only when {@code main} runs before the config class is read.
 *
 * @param property the property's name
 * @param where where it is set, for messages: {@code in method main() of App}
 * @param statement the call that sets it
 * @param value where the value set comes from
 */
public record PropertyWrite(String property, String where, Position statement, ValueFacts value) {}
