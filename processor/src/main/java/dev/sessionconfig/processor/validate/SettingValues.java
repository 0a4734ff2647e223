package dev.sessionconfig.processor.validate;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.Setting;
import dev.sessionconfig.SettingRules;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Position;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import dev.sessionconfig.processor.facts.KnownValue;
import dev.sessionconfig.processor.facts.ValueFacts;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link SettingRules} to every value known at compile time (a constant, or the hard-coded fallback of a
 * lookup): {@code [InvalidSettingValue]} and {@code [InsecureCookie]}. The loader applies the same rules at startup
 * to the values only the environment knows. Only a class whose declarations the loader can use is checked: a
 * value of the wrong type means nothing yet.
 */
final class SettingValues implements Rule {

  @Override
  public void check(ConfigFacts facts, Report report) {
    if (!facts.declarationsUsable()) {
      return;
    }
    Map<Setting, Object> known = new EnumMap<>(Setting.class);
    Map<Setting, FieldFacts> declared = new EnumMap<>(Setting.class);
    for (FieldFacts field : facts.fields()) {
      Optional<Setting> setting = field.setting();
      if (!field.isStatic() || setting.isEmpty() || setting.get().isSecret() || setting.get() == Setting.SESSION_TYPE) {
        continue;
      }
      declared.put(setting.get(), field);
      ValueFacts value = field.value();
      if (setting.get().kind() == Setting.ValueKind.STRING_LIST && !value.elements().isEmpty()) {
        checkElements(setting.get(), value, report);
      } else if (value instanceof ValueFacts.Literal literal && !literal.isNull()) {
        field.known().map(KnownValue::plain).flatMap(v -> check(setting.get(), value.at(), v, report))
            .ifPresent(v -> known.put(setting.get(), v));
      } else if (value instanceof ValueFacts.Fallback fallback && fallback.replay().isPresent()) {
        checkFallback(setting.get(), value.at(), fallback.replay().get(), report);
      } else if (value instanceof ValueFacts.Fallback fallback && fallback.hardCoded().isPresent()) {
        check(setting.get(), value.at(), fallback.hardCoded().get().plain(), report); // e.g. through a helper
      }
    }
    for (Setting setting : Setting.values()) {
      if (!declared.containsKey(setting)) {
        setting.defaultValue().ifPresent(value -> known.put(setting, value));
      }
    }
    for (SettingRules.Violation violation : SettingRules.checkCombination(known)) {
      FieldFacts field = declared.get(violation.setting());
      Message message = messageFor(violation.severity());
      if (field != null) {
        report.at(field.at(), message, violation.setting(), violation.reason(), violation.fix());
      } else {
        report.at(facts.annotation(), message, violation.setting() + " (default)", violation.reason(), violation.fix());
      }
    }
  }

  /**
   * Checks each text element of a list written in the code on its own, pointing at it: the literal is wrong wherever
   * the list goes afterwards (an array may be changed later, which only makes the check less complete).
   */
  private static void checkElements(Setting setting, ValueFacts list, Report report) {
    for (ValueFacts element : list.elements()) {
      if (element instanceof ValueFacts.Literal literal && literal.value().orElse(null) instanceof String text) {
        check(setting, element.at(), List.of(text), report);
      }
    }
  }

  /** Checks the value the code falls back to when nothing is set, converted as the code converts it. */
  private static void checkFallback(Setting setting, Position at, LookupTree lookup, Report report) {
    try {
      lookup.valueWhenUnset().ifPresent(fallback -> check(setting, at, fallback, report));
    } catch (IllegalArgumentException e) {
      reportUnparsable(setting, at, e, report);
    }
  }

  private static void reportUnparsable(Setting setting, Position at, IllegalArgumentException e, Report report) {
    String[] parts = e.getMessage().split("; ", 2);
    report.at(at, Message.InvalidSettingValue, setting, parts[0], parts.length > 1 ? parts[1] : "change the value");
  }

  /** Checks one value; returns it normalized when it is acceptable, for the combination rules. */
  private static Optional<Object> check(Setting setting, Position at, Object value, Report report) {
    Object normalized;
    try {
      normalized = setting.normalize(value);
    } catch (IllegalArgumentException e) {
      reportUnparsable(setting, at, e, report);
      return Optional.empty();
    }
    if (!hasNormalizedType(setting, normalized)) {
      return Optional.empty();
    }
    Optional<SettingRules.Violation> violation = SettingRules.check(setting, normalized);
    if (violation.isEmpty()) {
      return Optional.of(normalized);
    }
    SettingRules.Violation v = violation.get();
    report.at(at, messageFor(v.severity()), setting, v.reason(), v.fix());
    return v.severity() == SettingRules.Severity.WEAK ? Optional.of(normalized) : Optional.empty();
  }

  /** The check that reports a violation of this severity. */
  private static Message messageFor(SettingRules.Severity severity) {
    switch (severity) {
      case INVALID:
        return Message.InvalidSettingValue;
      case INSECURE:
        return Message.InsecureCookie;
      case WEAK:
        return Message.InsecureCookieWarning;
      default:
        return Message.UnsafeSerializationAllow;
    }
  }

  /** Whether a normalized value has the type the rules expect, so a value the analyzer guessed never crashes them. */
  private static boolean hasNormalizedType(Setting setting, Object value) {
    switch (setting.kind()) {
      case BOOLEAN:
        return value instanceof Boolean;
      case INT:
      case FILE_MODE:
        return value instanceof Integer;
      case DURATION:
        return value instanceof Duration;
      case STRING_LIST:
        return value instanceof List && ((List<?>) value).stream().allMatch(String.class::isInstance);
      default:
        return value instanceof String;
    }
  }
}
