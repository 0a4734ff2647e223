package dev.sessionconfig.processor.validate;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.Setting;
import dev.sessionconfig.SettingRules;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.AssignmentFacts;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import dev.sessionconfig.processor.facts.KnownValue;
import dev.sessionconfig.processor.facts.ValueFacts;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where secrets come from: {@code [MissingSecretKey]}, {@code [LiteralSecretKey]}, {@code [LiteralSecretFallback]},
 * {@code [RandomSecretKey]} and {@code [SecretAssignedOutsideConfig]}. A secret is SECRET_KEY, each fallback key, SESSION_JDBC_PASSWORD, and a
 * password written inside a connection URL.
 */
final class SecretSources implements Rule {

  @Override
  public void check(ConfigFacts facts, Report report) {
    if (facts.staticField(Setting.SECRET_KEY.name()).isEmpty()) {
      report.at(facts.annotation(), Message.MissingSecretKey, facts.simpleName());
    }
    for (FieldFacts field : facts.fields()) {
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

  private static void checkSecret(FieldFacts field, Report report) {
    boolean assignedOutside = false;
    for (AssignmentFacts assignment : field.assignments()) {
      if (!assignment.place().atConfigTime()) {
        checkOutsideAssignment(field, assignment, report);
        assignedOutside = true;
      }
    }
    if (assignedOutside) {
      return;
    }
    if (field.effectiveAssignment().isEmpty() && field.sourceAvailable()) {
      report.at(field.at(), Message.UnassignedSecretKey, field.name(), field.name(), field.name());
      return;
    }
    if (setting(field) == Setting.SECRET_KEY_FALLBACKS && noOldKeys(field.value())) {
      return;
    }
    if (field.items().isEmpty()) {
      judge(field, field.value(), report);
    } else {
      for (ValueFacts item : field.items()) {
        judge(field, item, report);
      }
    }
  }

  private static Setting setting(FieldFacts field) {
    return field.setting().orElseThrow();
  }

  /**
   * Whether a list of fallback keys is empty, or empty unless the lookup finds some: "no old keys" hard-codes
   * nothing.
   */
  private static boolean noOldKeys(ValueFacts value) {
    Optional<Object> written = value instanceof ValueFacts.Literal literal ? literal.value()
        : value instanceof ValueFacts.Fallback fallback ? fallback.hardCoded().map(KnownValue::plain)
        : Optional.empty();
    return written.filter(keys -> keys instanceof List<?> list && list.isEmpty()).isPresent();
  }

  /** Reports a literal or a literal fallback in a secret's value. */
  private static void judge(FieldFacts field, ValueFacts value, Report report) {
    if (value instanceof ValueFacts.Literal literal && literal.isNull()) {
      report.at(value.at(), Message.NullSecretKey, field.name(), field.name(), field.name());
    } else if (value instanceof ValueFacts.Literal literal) {
      report.at(value.at(), Message.LiteralSecretKey, field.name(), literal.stringLiteral() ? "a string literal"
          : "a literal, or derived only from literals", field.name());
    } else if (value instanceof ValueFacts.Fallback fallback) {
      report.at(value.at(), Message.LiteralSecretFallback, field.name(), looksUp(fallback));
    } else if (value instanceof ValueFacts.Opaque opaque && opaque.random() && isSigningKey(field)) {
      report.at(value.at(), Message.RandomSecretKey, field.name(), field.name());
    }
  }

  private static boolean isSigningKey(FieldFacts field) {
    return setting(field) == Setting.SECRET_KEY || setting(field) == Setting.SECRET_KEY_FALLBACKS;
  }

  /** A password inside a connection URL follows the secret rule too. */
  private static void checkCredentials(FieldFacts field, Report report) {
    ValueFacts value = field.value();
    if (value instanceof ValueFacts.Literal literal && literal.value().filter(String.class::isInstance)
        .map(v -> SettingRules.hasCredentials((String) v)).orElse(false)) {
      report.at(value.at(), Message.LiteralPasswordInUrl, field.name(), field.name());
    } else if (value instanceof ValueFacts.Fallback fallback && fallback.replay().map(LookupTree::fallbacks)
        .orElse(List.of()).stream().anyMatch(f -> SettingRules.hasCredentials(f.toString()))) {
      report.at(value.at(), Message.LiteralSecretFallback, field.name(), looksUp(fallback));
    }
  }

  /**
   * An assignment the loader never runs is wrong wherever it is; a literal one, or one with a literal fallback, is
   * wrong twice, and both are reported, each where it is.
   */
  private static void checkOutsideAssignment(FieldFacts field, AssignmentFacts assignment, Report report) {
    report.at(assignment.statement(), Message.SecretAssignedOutsideConfig, field.name(), assignment.where(),
        field.name(), field.name());
    if (assignment.value().orElse(null) instanceof ValueFacts.Literal literal && !literal.isNull()) {
      report.at(assignment.valueAt(), Message.LiteralSecretKey, field.name(),
          "a literal assigned " + assignment.where(), field.name());
    } else if (assignment.value().orElse(null) instanceof ValueFacts.Fallback fallback) {
      report.at(fallback.at(), Message.LiteralSecretFallback, field.name(), looksUp(fallback));
    }
  }

  /** What a fallback's lookup reads, e.g. {@code environment variable SECRET_KEY}. */
  private static String looksUp(ValueFacts.Fallback fallback) {
    List<LookupTree.Source> lookups = fallback.reads();
    return lookups.isEmpty() ? "its lookup"
        : lookups.stream().map(LookupTree::describe).distinct().collect(Collectors.joining(" and "));
  }
}
