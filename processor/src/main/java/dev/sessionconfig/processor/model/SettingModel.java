package dev.sessionconfig.processor.model;

import com.palantir.javapoet.ClassName;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.read.LookupExpr;
import java.time.Duration;
import java.util.List;

/** How the loader obtains one setting: the validated, immutable result of reading its field. */
public final class SettingModel {

  /** Where the loader gets the value. */
  public enum Origin {
    /** A compile-time constant: javac inlines {@code Config.FIELD}, so reading it runs no initializer. */
    CONSTANT_FIELD,
    /** A {@code SessionType} constant, written directly so the config class need not be initialized. */
    SESSION_TYPE_CONSTANT,
    /** A {@code Duration} the processor computed, written directly for the same reason. */
    DURATION_CONSTANT,
    /** A lookup (environment variable, property, file) replayed against the loader's {@code ConfigSource}. */
    LOOKUP,
    /** Anything else: the field itself is read, which runs the config class's static initializer. */
    FIELD
  }

  private final Setting setting;
  private final ClassName declaringClass;
  private final String fieldName;
  private final Origin origin;
  private final String sessionTypeConstant;
  private final Duration duration;
  private final LookupExpr lookup;
  private final List<LookupExpr> seen;

  private SettingModel(Setting setting, ClassName declaringClass, String fieldName, Origin origin,
      String sessionTypeConstant, Duration duration, LookupExpr lookup, List<LookupExpr> seen) {
    this.setting = setting;
    this.declaringClass = declaringClass;
    this.fieldName = fieldName;
    this.origin = origin;
    this.sessionTypeConstant = sessionTypeConstant;
    this.duration = duration;
    this.lookup = lookup;
    this.seen = List.copyOf(seen);
  }

  static SettingModel constantField(Setting setting, ClassName declaring, String field) {
    return new SettingModel(setting, declaring, field, Origin.CONSTANT_FIELD, null, null, null, List.of());
  }

  static SettingModel sessionType(Setting setting, ClassName declaring, String field, String constant) {
    return new SettingModel(setting, declaring, field, Origin.SESSION_TYPE_CONSTANT, constant, null, null, List.of());
  }

  static SettingModel duration(Setting setting, ClassName declaring, String field, Duration duration) {
    return new SettingModel(setting, declaring, field, Origin.DURATION_CONSTANT, null, duration, null, List.of());
  }

  static SettingModel lookup(Setting setting, ClassName declaring, String field, LookupExpr lookup) {
    return new SettingModel(setting, declaring, field, Origin.LOOKUP, null, null, lookup, List.of());
  }

  static SettingModel field(Setting setting, ClassName declaring, String field, List<LookupExpr> seen) {
    return new SettingModel(setting, declaring, field, Origin.FIELD, null, null, null, seen);
  }

  public Setting setting() {
    return setting;
  }

  /** The class that declares the field (the config class or a superclass). */
  public ClassName declaringClass() {
    return declaringClass;
  }

  public String fieldName() {
    return fieldName;
  }

  /** {@code com.acme.Config.SESSION_TYPE}, as messages name it. */
  public String qualifiedField() {
    return declaringClass.canonicalName() + "." + fieldName;
  }

  public Origin origin() {
    return origin;
  }

  /** For {@link Origin#SESSION_TYPE_CONSTANT}: the constant's name, e.g. {@code FILESYSTEM}. */
  public String sessionTypeConstant() {
    return sessionTypeConstant;
  }

  /** For {@link Origin#DURATION_CONSTANT}. */
  public Duration duration() {
    return duration;
  }

  /** For {@link Origin#LOOKUP}. */
  public LookupExpr lookup() {
    return lookup;
  }

  /** For {@link Origin#FIELD}: lookups seen inside the initializer, named when the value turns out missing. */
  public List<LookupExpr> seen() {
    return seen;
  }
}
