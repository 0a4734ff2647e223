package dev.sessionconfig.processor.read;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/** A {@code @SessionConfig} class as read from the source, before any check. */
final class ConfigClass {
  private final TypeElement type;
  private final AnnotationMirror annotation;
  private final boolean development;
  private final AnnotationValue developmentValue;
  private final List<SettingField> fields;
  private final AttributeTypeFacts attributeTypes;

  ConfigClass(TypeElement type, AnnotationMirror annotation, boolean development, AnnotationValue developmentValue,
      List<SettingField> fields, AttributeTypeFacts attributeTypes) {
    this.type = type;
    this.annotation = annotation;
    this.development = development;
    this.developmentValue = developmentValue;
    this.fields = List.copyOf(fields);
    this.attributeTypes = attributeTypes;
  }

  TypeElement type() {
    return type;
  }

  /** The {@code @SessionConfig} annotation, to point class-level diagnostics at. */
  AnnotationMirror annotation() {
    return annotation;
  }

  /** {@code @SessionConfig(development = true)}. */
  boolean development() {
    return development;
  }

  /** The explicit {@code development} value, to point at; empty when it was left at its default. */
  Optional<AnnotationValue> developmentValue() {
    return Optional.ofNullable(developmentValue);
  }

  /** The class's fields and those it inherits, a subclass's field hiding its superclass's of the same name. */
  List<SettingField> fields() {
    return fields;
  }

  /**
   * SESSION_ATTRIBUTE_TYPES as read; empty when the class does not declare it or its initializer cannot be seen
   * (no source, or a compiler without the Tree API).
   */
  Optional<AttributeTypeFacts> attributeTypes() {
    return Optional.ofNullable(attributeTypes);
  }

  /** The static field named {@code name} the class declares or inherits. */
  Optional<SettingField> staticField(String name) {
    return fields.stream().filter(f -> f.isStatic() && f.name().equals(name)).findFirst();
  }
}
