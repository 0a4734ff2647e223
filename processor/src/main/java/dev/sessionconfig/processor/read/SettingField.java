package dev.sessionconfig.processor.read;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.evaluate.ValueSource;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * One field of a config class or of one of its superclasses, as read from the source: what it is, where it
 * is assigned, and where the value that the class's static initialization leaves in it comes from.
 */
final class SettingField {
  private final VariableElement element;
  private final Optional<Setting> setting;
  private final List<FieldAssignments.Assignment> assignments;
  private final Optional<FieldAssignments.Assignment> effective;
  private final ValueSource source;
  private final boolean sourceAvailable;

  SettingField(VariableElement element, boolean sourceAvailable, List<FieldAssignments.Assignment> assignments,
      Optional<FieldAssignments.Assignment> effective, ValueSource source) {
    this.sourceAvailable = sourceAvailable;
    this.element = element;
    this.setting = Setting.named(element.getSimpleName().toString());
    this.assignments = List.copyOf(assignments);
    this.effective = effective;
    this.source = source;
  }

  VariableElement element() {
    return element;
  }

  String name() {
    return element.getSimpleName().toString();
  }

  /** The class that declares the field. */
  TypeElement declaringClass() {
    return (TypeElement) element.getEnclosingElement();
  }

  /** The qualified name the loader uses for it, e.g. {@code com.acme.Config.SECRET_KEY}. */
  String qualifiedName() {
    return declaringClass().getQualifiedName() + "." + name();
  }

  /** The catalogued setting with this field's name, if any. */
  Optional<Setting> setting() {
    return setting;
  }

  boolean isStatic() {
    return element.getModifiers().contains(Modifier.STATIC);
  }

  /**
   * Whether the field's source was read with the Tree API; when not (a compiled superclass, or a compiler
   * without trees), only its compile-time constant value is known.
   */
  boolean sourceAvailable() {
    return sourceAvailable;
  }

  /** Every assignment to the field in the sources being compiled (empty without the Tree API). */
  List<FieldAssignments.Assignment> assignments() {
    return assignments;
  }

  /** The assignment whose value the class's static initialization leaves in the field, if one was seen. */
  Optional<FieldAssignments.Assignment> effectiveAssignment() {
    return effective;
  }

  /** Where the field's value comes from. */
  ValueSource source() {
    return source;
  }

  /**
   * The lookup the generated loader replays instead of reading the field: its initializer's lookup, with the
   * conversions and fallbacks it applies, when the loader can repeat it exactly (a secret's hard-coded fallback is
   * never replayed: it is an error). Empty when the loader must read the field itself.
   */
  Optional<LookupTree> replay() {
    Optional<LookupTree> lookup = source.lookup();
    boolean replayable = source.kind() == ValueSource.Kind.LOOKUP
        || source.kind() == ValueSource.Kind.LITERAL_FALLBACK && setting.filter(Setting::isSecret).isEmpty();
    // Without a conversion a lookup yields text, which stands for the field only when the field holds that text
    // (not, say, a char[] made from it).
    boolean fits = lookup.isPresent() && (lookup.get().isConverted()
        || element.asType().toString().equals("java.lang.String"));
    return replayable && fits && element.getConstantValue() == null ? lookup : Optional.empty();
  }
}
