package dev.sessionconfig.processor.facts;

import dev.sessionconfig.processor.Position;

/**
 * {@code @SessionConfig} on a type whose static fields the generated loader, in the same package, cannot read: an
 * interface, enum, record or annotation, or an inner, local, anonymous or private class.
 *
 * @param at the annotation
 * @param name the annotated type's simple name
 * @param problem what the type is, e.g. {@code an interface (...)}
 * @param isClass whether it is a class at all (then it only needs to move), rather than another kind of type
 */
public record MisplacedConfig(Position at, String name, String problem, boolean isClass) {}
