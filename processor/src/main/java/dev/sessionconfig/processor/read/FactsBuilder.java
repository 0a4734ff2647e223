package dev.sessionconfig.processor.read;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Position;
import dev.sessionconfig.processor.evaluate.ValueSource;
import dev.sessionconfig.processor.evaluate.ValueSourceAnalyzer;
import dev.sessionconfig.processor.facts.AssignmentFacts;
import dev.sessionconfig.processor.facts.AttributeTypesFacts;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import dev.sessionconfig.processor.facts.KnownValue;
import dev.sessionconfig.processor.facts.PropertyWrite;
import dev.sessionconfig.processor.facts.TypeNameFacts;
import dev.sessionconfig.processor.facts.ValueFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Turns a {@link ConfigClass} as read into its {@link ConfigFacts}: every position resolved, every value
 * classified and folded here, once, so that the rules and the writer never look at a tree or an element.
 */
final class FactsBuilder {
  private final Elements elements;
  private final Optional<ValueSourceAnalyzer> analyzer;

  FactsBuilder(Elements elements, Optional<ValueSourceAnalyzer> analyzer) {
    this.elements = elements;
    this.analyzer = analyzer;
  }

  ConfigFacts build(ConfigClass config, Optional<String> straySessionType,
      List<FieldAssignments.PropertyWrite> writes) {
    List<FieldFacts> fields = new ArrayList<>();
    for (SettingField field : config.fields()) {
      fields.add(field(config.type(), field));
    }
    Optional<SessionType> named = fields.stream()
        .filter(f -> f.isStatic() && f.name().equals(Setting.SESSION_TYPE.name())).findFirst()
        .flatMap(FieldFacts::known).flatMap(KnownValue::sessionType);
    // Only the store the config names is looked up: a missing class costs javac a search of the class path.
    Set<SessionType> stores = named.filter(type -> type.storeClassName()
        .map(name -> elements.getTypeElement(name) != null).orElse(false)).map(Set::of).orElse(Set.of());
    Position annotation = Position.onAnnotation(config.type(), config.annotation(), null);
    return new ConfigFacts(TypeShapes.name(config.type()), annotation, config.development(), isDeprecated(config.type()),
        fields, attributeTypes(config), stores, straySessionType, propertyWrites(config.type(), writes));
  }

  /** The properties set in {@code main} methods whose names are constants, each with where its value comes from. */
  private List<PropertyWrite> propertyWrites(TypeElement config, List<FieldAssignments.PropertyWrite> writes) {
    List<PropertyWrite> facts = new ArrayList<>();
    if (analyzer.isEmpty()) {
      return facts;
    }
    for (FieldAssignments.PropertyWrite write : writes) {
      Optional<Object> name = analyzer.get().classify(write.namePath()).value();
      if (name.isPresent() && name.get() instanceof String property) {
        ValueFacts value = value(config, write.valuePath(), analyzer.get().classify(write.valuePath()));
        facts.add(new PropertyWrite(property, write.where(), Position.inTree(config, write.statementPath()), value));
      }
    }
    return facts;
  }

  private FieldFacts field(TypeElement config, SettingField field) {
    VariableElement element = field.element();
    // No lambda or method reference may handle a TreePath: linking it needs javac's classes (see
    // SessionConfigProcessor); without trees there is no assignment and the path is never touched.
    FieldAssignments.Assignment effective = field.effectiveAssignment().orElse(null);
    TreePath rootPath = effective == null ? null : effective.valuePath();
    ValueFacts value = value(element, rootPath, field.source());
    List<AssignmentFacts> assignments = new ArrayList<>();
    for (FieldAssignments.Assignment assignment : field.assignments()) {
      assignments.add(assignment(element, assignment));
    }
    Object constant = element.getConstantValue();
    Optional<KnownValue> known = constant != null ? Optional.of(KnownValue.of(constant)) : known(field.source());
    return new FieldFacts(field.name(), field.setting(), field.isStatic(), Position.of(element),
        TypeShapes.name(field.declaringClass()), TypeNames.canonical(element.asType()), element.asType().toString(),
        access(config, field), isDeprecated(element) || isDeprecated(field.declaringClass()),
        Optional.ofNullable(constant), field.sourceAvailable(), assignments, value, known, field.replay(),
        items(field, rootPath));
  }

  private AssignmentFacts assignment(Element field, FieldAssignments.Assignment assignment) {
    AssignmentFacts.Place place = AssignmentFacts.Place.valueOf(assignment.place().name());
    Optional<ValueFacts> value = Optional.empty();
    if (!place.atConfigTime() && analyzer.isPresent()) {
      value = Optional.of(value(field, assignment.valuePath(), analyzer.get().classify(assignment.valuePath())));
    }
    return new AssignmentFacts(place, assignment.where(), Position.inTree(field, assignment.statementPath()),
        Position.inTree(field, assignment.valuePath()), value);
  }

  /** The value a literal folds to, in the one form the rules read. */
  private static Optional<KnownValue> known(ValueSource source) {
    if (source.rejection().isPresent()) {
      String[] parts = source.rejection().get().split("; ", 2);
      return Optional.of(new KnownValue.Rejected(parts[0], parts.length > 1 ? parts[1] : "change the value"));
    }
    return source.kind() == ValueSource.Kind.LITERAL ? source.value().map(KnownValue::of) : Optional.empty();
  }

  /** The classification of {@code source}, found in the expression at {@code root}, with its positions. */
  private static ValueFacts value(Element field, TreePath root, ValueSource source) {
    Position at = Culprits.of(field, root, source);
    List<ValueFacts> items = new ArrayList<>();
    for (ValueSource item : source.elements()) {
      items.add(value(field, root, item));
    }
    switch (source.kind()) {
      case LITERAL:
        Tree culprit = source.culprit();
        return new ValueFacts.Literal(at, source.value(), source.isNullLiteral(),
            culprit != null && culprit.getKind() == Tree.Kind.STRING_LITERAL, source.seen(), items);
      case LITERAL_FALLBACK:
        return new ValueFacts.Fallback(at, source.lookup(), source.hardCodedValue().map(KnownValue::of),
            source.seen(), items);
      case LOOKUP:
        return new ValueFacts.Lookup(at, source.lookup().orElseThrow(), source.seen(), items);
      default:
        return source.shipped().isPresent()
            ? new ValueFacts.Shipped(at, source.shipped().get(), source.seen(), items)
            : new ValueFacts.Opaque(at, source.seen(), source.isRandom(), items);
    }
  }

  /** The items of SECRET_KEY_FALLBACKS written as a list, each classified on its own: each is a key. */
  private List<ValueFacts> items(SettingField field, TreePath root) {
    if (analyzer.isEmpty() || root == null
        || field.setting().filter(s -> s == Setting.SECRET_KEY_FALLBACKS).isEmpty()) {
      return List.of();
    }
    List<ValueFacts> items = new ArrayList<>();
    for (TreePath item : ListElements.of(root)) {
      items.add(value(field.element(), root, analyzer.get().classify(item)));
    }
    return items;
  }

  private Optional<AttributeTypesFacts> attributeTypes(ConfigClass config) {
    if (config.attributeTypes().isEmpty()) {
      return Optional.empty();
    }
    AttributeTypeFacts types = config.attributeTypes().get();
    Element field = config.staticField(Setting.SESSION_ATTRIBUTE_TYPES.name()).orElseThrow().element();
    List<AttributeTypesFacts.Problem> problems = new ArrayList<>();
    for (AttributeTypeFacts.Problem problem : types.problems()) {
      problems.add(new AttributeTypesFacts.Problem(at(field, problem.at()), problem.declared(), problem.path(),
          problem.problem(), problem.fix()));
    }
    Optional<Position> unreadable = types.unreadable() == null ? Optional.empty()
        : Optional.of(at(field, types.unreadable()));
    return Optional.of(new AttributeTypesFacts(types.stored(), unreadable, problems));
  }

  private static Position at(Element field, TreePath path) {
    return path != null ? Position.inTree(field, path) : Position.of(field);
  }

  /** What the loader, in the config class's package, can read of the field. */
  private FieldFacts.Access access(TypeElement config, SettingField field) {
    if (field.element().getModifiers().contains(Modifier.PRIVATE)) {
      return new FieldFacts.Private();
    }
    TypeElement declaring = field.declaringClass();
    if (elements.getPackageOf(declaring).equals(elements.getPackageOf(config))) {
      return new FieldFacts.Readable();
    }
    boolean publicField = field.element().getModifiers().contains(Modifier.PUBLIC);
    boolean publicClass = declaring.getModifiers().contains(Modifier.PUBLIC);
    return publicField && publicClass ? new FieldFacts.Readable()
        : new FieldFacts.OtherPackage(declaring.getQualifiedName().toString(), publicField);
  }

  /** A class's package and simple names, as text: see {@link TypeNameFacts}. */
  private static boolean isDeprecated(Element element) {
    return element.getAnnotation(Deprecated.class) != null;
  }
}
