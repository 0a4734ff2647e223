package dev.sessionconfig.processor.facts;

import dev.sessionconfig.processor.Position;

/**
 * SESSION_TYPE or SECRET_KEY declared as a static field of a class that no loader reads: neither a
 * {@code @SessionConfig} class nor a superclass of one.
 *
 * @param name the setting's name
 * @param className the declaring class's simple name
 * @param qualifiedClass the declaring class's qualified name
 * @param at the field
 */
public record StraySetting(String name, String className, String qualifiedClass, Position at) {}
