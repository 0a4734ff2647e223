package dev.sessionconfig.processor.model;

import com.palantir.javapoet.ClassName;
import dev.sessionconfig.LookupTree;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.facts.StoredTypeFacts;
import java.time.Duration;
import java.util.List;

/** How the loader obtains one setting: the validated, immutable result of reading its field. */
public sealed interface SettingModel {

  Setting setting();

  /** The class that declares the field (the config class or a superclass). */
  ClassName declaringClass();

  String fieldName();

  /** {@code com.acme.Config.SESSION_TYPE}, as messages name it. */
  default String qualifiedField() {
    return declaringClass().canonicalName() + "." + fieldName();
  }

  /** A compile-time constant: javac inlines {@code Config.FIELD}, so reading it runs no initializer. */
  record ConstantField(Setting setting, ClassName declaringClass, String fieldName) implements SettingModel {}

  /** A {@code SessionType} constant, written directly so the config class need not be initialized. */
  record SessionTypeConstant(Setting setting, ClassName declaringClass, String fieldName, String constant)
      implements SettingModel {}

  /** A {@code Duration} the processor computed, written directly for the same reason. */
  record DurationConstant(Setting setting, ClassName declaringClass, String fieldName, Duration duration)
      implements SettingModel {}

  /** A lookup (environment variable, property, file) replayed against the loader's {@code ConfigSource}. */
  record Replayed(Setting setting, ClassName declaringClass, String fieldName, LookupTree lookup)
      implements SettingModel {}

  /** SESSION_ATTRIBUTE_TYPES: the records and enums that get codecs, and the declared Serializable classes. */
  record AttributeTypes(Setting setting, ClassName declaringClass, String fieldName,
      List<StoredTypeFacts.StoredType> types) implements SettingModel {
    public AttributeTypes {
      types = List.copyOf(types);
    }
  }

  /**
   * Anything else: the field itself is read, which runs the config class's static initializer; {@code seen} are
   * the lookups inside the initializer, named when the value turns out missing.
   */
  record FieldRead(Setting setting, ClassName declaringClass, String fieldName, List<LookupTree.Source> seen)
      implements SettingModel {
    public FieldRead {
      seen = List.copyOf(seen);
    }
  }
}
