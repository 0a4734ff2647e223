package dev.sessionconfig.processor.read;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.evaluate.Attribution;
import dev.sessionconfig.processor.evaluate.TreeFinder;
import dev.sessionconfig.processor.evaluate.ValueSource;
import dev.sessionconfig.processor.evaluate.ValueSourceAnalyzer;
import dev.sessionconfig.processor.facts.ConfigFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @SessionConfig} class and its superclasses into a {@link ConfigClass}. With the javac Tree
 * API it also classifies where each setting's value comes from; without it (Eclipse's compiler) it knows only
 * compile-time constants.
 */
public final class ConfigClassReader {
  public static final String ANNOTATION = "dev.sessionconfig.SessionConfig";

  private final Optional<Trees> trees;
  private final Optional<ValueSourceAnalyzer> analyzer;
  private final Optional<FieldAssignments> assignments;
  private final Optional<AttributeTypesReader> attributeTypes;
  private final FactsBuilder facts;

  public ConfigClassReader(Optional<Trees> trees, Optional<ValueSourceAnalyzer> analyzer,
      Optional<FieldAssignments> assignments, Elements elements, Types types) {
    this.trees = trees;
    this.analyzer = analyzer;
    this.assignments = assignments;
    this.facts = new FactsBuilder(elements, analyzer);
    // No lambda takes a Trees here: see SessionConfigProcessor.
    this.attributeTypes = trees.isPresent()
        ? Optional.of(new AttributeTypesReader(trees.get(), elements, types))
        : Optional.empty();
  }

  /** The {@code @SessionConfig} mirror on {@code type}. */
  public static Optional<AnnotationMirror> annotationOf(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(ANNOTATION)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * What reading a config class found: its facts, or the symbol javac has not resolved yet that its settings'
   * initializers use (then the class is read again in a later round).
   */
  public record Reading(Optional<ConfigFacts> facts, Optional<String> unresolved) {}

  /**
   * Reads {@code type}, which carries {@code annotation}, into its facts.
   *
   * @param straySessionType where SESSION_TYPE is declared outside every config class, if anywhere
   */
  public Reading read(TypeElement type, AnnotationMirror annotation, Optional<String> straySessionType) {
    ConfigClass config = read(type, annotation);
    Optional<String> unresolved = unresolvedInitializer(config);
    if (unresolved.isPresent()) {
      return new Reading(Optional.empty(), unresolved);
    }
    // No method reference to FieldAssignments here: see SessionConfigProcessor.
    List<FieldAssignments.PropertyWrite> writes =
        assignments.isPresent() ? assignments.get().propertyWrites() : List.of();
    return new Reading(Optional.of(facts.build(config, straySessionType, writes)), Optional.empty());
  }

  /** A setting's initializer that uses a symbol javac has not resolved yet; empty when there is none. */
  private static Optional<String> unresolvedInitializer(ConfigClass config) {
    for (SettingField field : config.fields()) {
      if (field.setting().isPresent() && field.source().kind() == ValueSource.Kind.UNRESOLVED) {
        return Optional.of("a symbol in the initializer of " + field.qualifiedName());
      }
    }
    return Optional.empty();
  }

  private ConfigClass read(TypeElement type, AnnotationMirror annotation) {
    List<SettingField> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TypeElement t : Attribution.hierarchy(type)) {
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (seen.add(field.getSimpleName().toString())) {
          fields.add(readField(field));
        }
      }
    }
    AnnotationValue developmentValue = explicitValue(annotation, "development");
    boolean development = developmentValue != null && Boolean.TRUE.equals(developmentValue.getValue());
    return new ConfigClass(type, annotation, development, developmentValue, fields, attributeTypes(type, fields));
  }

  /** SESSION_ATTRIBUTE_TYPES, read from its initializer; null when there is none to read. */
  private AttributeTypeFacts attributeTypes(TypeElement type, List<SettingField> fields) {
    Optional<SettingField> declared = staticField(fields, Setting.SESSION_ATTRIBUTE_TYPES.name());
    Optional<TreePath> initializer = declared.flatMap(ConfigClassReader::valuePath);
    if (initializer.isEmpty() || attributeTypes.isEmpty()) {
      return null;
    }
    String loaderPackage = ((PackageElement) packageOf(type)).getQualifiedName().toString();
    return attributeTypes.get().read(initializer.get(), serializationAllow(fields), loaderPackage);
  }

  /** SESSION_SERIALIZATION_ALLOW when the code fixes it (none declared is none allowed); empty when startup decides. */
  private static Optional<List<String>> serializationAllow(List<SettingField> fields) {
    Optional<SettingField> declared = staticField(fields, Setting.SESSION_SERIALIZATION_ALLOW.name());
    if (declared.isEmpty()) {
      return Optional.of(List.of());
    }
    ValueSource source = declared.get().source();
    Optional<Object> value = source.kind() == ValueSource.Kind.LITERAL ? source.value() : Optional.empty();
    List<String> patterns = new ArrayList<>();
    if (value.isPresent() && value.get() instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String pattern)) {
          return Optional.empty();
        }
        patterns.add(pattern);
      }
      return Optional.of(patterns);
    }
    return value.isPresent() && value.get() instanceof String text
        ? Optional.of(List.of(text.split(",")))
        : Optional.empty();
  }

  private static Optional<SettingField> staticField(List<SettingField> fields, String name) {
    for (SettingField field : fields) {
      if (field.isStatic() && field.name().equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private static Element packageOf(Element element) {
    Element e = element;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e;
  }

  private SettingField readField(VariableElement field) {
    TreePath path = trees.isPresent() ? trees.get().getPath(field) : null;
    boolean hasSource = path != null && TreeFinder.parsed(path.getCompilationUnit());
    if (!hasSource || analyzer.isEmpty() || assignments.isEmpty()) {
      return new SettingField(field, false, List.of(), Optional.empty(), fromElement(field));
    }
    List<FieldAssignments.Assignment> all = assignments.get().of(field);
    Optional<FieldAssignments.Assignment> effective = Optional.empty();
    for (FieldAssignments.Assignment assignment : all) {
      // Static initialization runs the initializer, then static blocks in order: the last one wins.
      if (assignment.place() == FieldAssignments.Place.INITIALIZER
          || assignment.place() == FieldAssignments.Place.STATIC_INITIALIZER) {
        effective = Optional.of(assignment);
      }
    }
    ValueSource source = effective.isPresent() && field.getModifiers().contains(Modifier.STATIC)
        ? analyzer.get().classifyStaticField(field).orElseGet(() -> fromElement(field))
        : effective.map(a -> analyzer.get().classify(a.valuePath())).orElseGet(() -> fromElement(field));
    return new SettingField(field, true, all, effective, source);
  }

  /** What the element alone says: a compile-time constant, or nothing known. */
  private static ValueSource fromElement(VariableElement field) {
    Object constant = field.getConstantValue();
    return constant != null ? ValueSource.constant(constant) : ValueSource.unknown();
  }

  private static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The path to an assignment's value, for diagnostics that point inside an initializer. */
  private static Optional<TreePath> valuePath(SettingField field) {
    return field.effectiveAssignment().map(FieldAssignments.Assignment::valuePath);
  }
}
