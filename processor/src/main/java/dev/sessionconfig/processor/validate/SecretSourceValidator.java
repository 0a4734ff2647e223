package dev.sessionconfig.processor.validate;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.sessionconfig.Setting;
import dev.sessionconfig.SettingRules;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.FieldAssignments;
import dev.sessionconfig.processor.read.LookupExpr;
import dev.sessionconfig.processor.read.SettingField;
import dev.sessionconfig.processor.read.ValueSource;
import dev.sessionconfig.processor.read.ValueSourceAnalyzer;
import java.util.List;
import java.util.Optional;

/**
 * Checks where secrets come from: {@code [MissingSecretKey]}, {@code [LiteralSecretKey]},
 * {@code [LiteralSecretFallback]} and {@code [SecretAssignedOutsideConfig]}. A secret is SECRET_KEY, each
 * fallback key, SESSION_JDBC_PASSWORD, and a password written inside a connection URL.
 */
public final class SecretSourceValidator {
  private final Optional<ValueSourceAnalyzer> analyzer;

  public SecretSourceValidator(Optional<ValueSourceAnalyzer> analyzer) {
    this.analyzer = analyzer;
  }

  public void validate(ConfigClass config, Report report) {
    Optional<SettingField> secretKey = config.staticField(Setting.SECRET_KEY.name());
    if (secretKey.isEmpty()) {
      report.onAnnotation(config.type(), config.annotation(), null, Message.MissingSecretKey,
          config.type().getSimpleName() + " declares no SECRET_KEY, itself or in a superclass, so session cookies"
              + " cannot be signed", Setting.SECRET_KEY, Setting.SECRET_KEY);
    }
    for (SettingField field : config.fields()) {
      if (!field.isStatic() || field.setting().isEmpty()) {
        continue;
      }
      Setting setting = field.setting().get();
      if (setting.isSecret()) {
        checkSecret(field, report);
      } else if (setting.mayCarryCredentials()) {
        checkCredentials(field, report);
      }
    }
  }

  private void checkSecret(SettingField field, Report report) {
    boolean assignedOutside = false;
    for (FieldAssignments.Assignment assignment : field.assignments()) {
      if (!isConfigTime(assignment)) {
        checkOutsideAssignment(field, assignment, report);
        assignedOutside = true;
      }
    }
    if (assignedOutside) {
      return;
    }
    if (field.effectiveAssignment().isEmpty() && field.sourceAvailable()) {
      report.on(field.element(), Message.MissingSecretKey, field.name() + " is declared but never assigned",
          field.name(), field.name());
      return;
    }
    List<TreePath> elements = listElements(field);
    if (elements.isEmpty()) {
      judge(field, field.source(), report);
    } else {
      for (TreePath element : elements) {
        judge(field, analyzer.get().classify(element), report);
      }
    }
  }

  /** Reports a literal or a literal fallback in a secret's value. */
  private static void judge(SettingField field, ValueSource source, Report report) {
    if (source.isNullLiteral()) {
      Positions.onValue(report, field, source, Message.MissingSecretKey, field.name() + " is set to null",
          field.name(), field.name());
    } else if (source.kind() == ValueSource.Kind.LITERAL) {
      Positions.onValue(report, field, source, Message.LiteralSecretKey, field.name(), describeLiteral(source),
          field.name(), "");
    } else if (source.kind() == ValueSource.Kind.LITERAL_FALLBACK) {
      Positions.onValue(report, field, source, Message.LiteralSecretFallback, field.name(), looksUp(source));
    }
  }

  /** A password inside a connection URL follows the secret rule too. */
  private static void checkCredentials(SettingField field, Report report) {
    ValueSource source = field.source();
    if (source.kind() == ValueSource.Kind.LITERAL && source.value().filter(String.class::isInstance)
        .map(v -> SettingRules.hasCredentials((String) v)).orElse(false)) {
      Positions.onValue(report, field, source, Message.LiteralSecretKey, field.name(),
          "a URL with a password written in it", field.name(), " and keep the password out of the code");
    } else if (source.kind() == ValueSource.Kind.LITERAL_FALLBACK && source.lookup().map(LookupExpr::fallbacks)
        .orElse(List.of()).stream().anyMatch(f -> SettingRules.hasCredentials(f.toString()))) {
      Positions.onValue(report, field, source, Message.LiteralSecretFallback, field.name(), looksUp(source));
    }
  }

  /** An assignment the loader never runs is wrong wherever it is; a literal one is wrong twice. */
  private void checkOutsideAssignment(SettingField field, FieldAssignments.Assignment assignment, Report report) {
    report.onTree(field.element(), assignment.statementPath(), Message.SecretAssignedOutsideConfig,
        field.name(), assignment.where(), field.name(), field.name());
    ValueSource value = analyzer.map(a -> a.classify(assignment.valuePath())).orElse(ValueSource.unknown());
    if (value.kind() == ValueSource.Kind.LITERAL && !value.isNullLiteral()) {
      report.onTree(field.element(), assignment.valuePath(), Message.LiteralSecretKey, field.name(),
          "a literal assigned " + assignment.where(), field.name(), "");
    }
  }

  /** The elements of a {@code List.of(...)}, {@code Arrays.asList(...)} or array initializer, judged one by one. */
  private List<TreePath> listElements(SettingField field) {
    if (analyzer.isEmpty() || field.effectiveAssignment().isEmpty()
        || field.setting().filter(s -> s == Setting.SECRET_KEY_FALLBACKS).isEmpty()) {
      return List.of();
    }
    return ListElements.of(field.effectiveAssignment().get().valuePath());
  }

  /** What a fallback's lookup reads, e.g. {@code environment variable SECRET_KEY}. */
  private static String looksUp(ValueSource source) {
    List<LookupExpr> lookups = source.lookup().map(LookupExpr::sources).orElse(source.seen());
    return lookups.isEmpty() ? "its lookup"
        : lookups.stream().map(LookupExpr::describe).distinct().collect(java.util.stream.Collectors.joining(" and "));
  }

  private static String describeLiteral(ValueSource source) {
    Tree culprit = source.culprit();
    return culprit != null && culprit.getKind() == Tree.Kind.STRING_LITERAL ? "a string literal"
        : "a literal, or derived only from literals";
  }

  private static boolean isConfigTime(FieldAssignments.Assignment assignment) {
    return assignment.place() == FieldAssignments.Place.INITIALIZER
        || assignment.place() == FieldAssignments.Place.STATIC_INITIALIZER;
  }
}
