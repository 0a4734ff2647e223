package dev.sessionconfig.processor.validate;

import dev.sessionconfig.Setting;
import dev.sessionconfig.SettingRules;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.LookupExpr;
import dev.sessionconfig.processor.read.SettingField;
import dev.sessionconfig.processor.read.ValueSource;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link SettingRules} to every value known at compile time (a constant, or the hard-coded fallback
 * of a lookup): {@code [InvalidSettingValue]} and {@code [InsecureCookie]}. The loader applies the same rules
 * at startup to the values only the environment knows.
 */
public final class SettingValueValidator {

  public void validate(ConfigClass config, Report report) {
    Map<Setting, Object> known = new EnumMap<>(Setting.class);
    Map<Setting, SettingField> declared = new EnumMap<>(Setting.class);
    for (SettingField field : config.fields()) {
      Optional<Setting> setting = field.setting();
      if (!field.isStatic() || setting.isEmpty() || setting.get().isSecret() || setting.get() == Setting.SESSION_TYPE) {
        continue;
      }
      declared.put(setting.get(), field);
      ValueSource source = field.source();
      if (setting.get().kind() == Setting.ValueKind.STRING_LIST && !source.elements().isEmpty()) {
        checkElements(field, setting.get(), source, report);
      } else if (source.kind() == ValueSource.Kind.LITERAL && !source.isNullLiteral()) {
        constantValue(field).flatMap(value -> check(field, setting.get(), source, value, report))
            .ifPresent(value -> known.put(setting.get(), value));
      } else if (source.kind() == ValueSource.Kind.LITERAL_FALLBACK && source.lookup().isPresent()) {
        checkFallback(field, setting.get(), source, source.lookup().get(), report);
      }
    }
    for (Setting setting : Setting.values()) {
      if (!declared.containsKey(setting)) {
        setting.defaultValue().ifPresent(value -> known.put(setting, value));
      }
    }
    List<SettingRules.Violation> violations = SettingRules.checkCombination(known);
    for (SettingRules.Violation violation : violations) {
      SettingField field = declared.get(violation.setting());
      Message message = messageFor(violation.severity());
      if (field != null) {
        report.on(field.element(), message, violation.setting(), violation.reason(), violation.fix());
      } else {
        report.onAnnotation(config.type(), config.annotation(), null, message, violation.setting() + " (default)",
            violation.reason(), violation.fix());
      }
    }
  }

  /**
   * Checks each text element of a list written in the code on its own, pointing at it: the literal is wrong
   * wherever the list goes afterwards (an array may be changed later, which only makes the check less complete).
   */
  private static void checkElements(SettingField field, Setting setting, ValueSource list, Report report) {
    for (ValueSource element : list.elements()) {
      if (element.kind() == ValueSource.Kind.LITERAL && element.value().filter(String.class::isInstance).isPresent()) {
        check(field, setting, element, List.of(element.value().get()), report);
      }
    }
  }

  /** Checks the value the code falls back to when nothing is set, converted as the code converts it. */
  private static void checkFallback(SettingField field, Setting setting, ValueSource source, LookupExpr lookup,
      Report report) {
    try {
      lookup.valueWhenUnset().ifPresent(fallback -> check(field, setting, source, fallback, report));
    } catch (IllegalArgumentException e) {
      reportUnparsable(field, setting, source, e, report);
    }
  }

  private static void reportUnparsable(SettingField field, Setting setting, ValueSource source,
      IllegalArgumentException e, Report report) {
    String[] parts = e.getMessage().split("; ", 2);
    Positions.onValue(report, field, source, Message.InvalidSettingValue, setting,
        parts[0], parts.length > 1 ? parts[1] : "change the value");
  }

  /** Checks one value; returns it normalized when it is acceptable, for the combination rules. */
  private static Optional<Object> check(SettingField field, Setting setting, ValueSource source, Object value,
      Report report) {
    Object normalized;
    try {
      normalized = setting.normalize(value);
    } catch (IllegalArgumentException e) {
      reportUnparsable(field, setting, source, e, report);
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
    Positions.onValue(report, field, source, messageFor(v.severity()), setting, v.reason(), v.fix());
    if (v.severity() == SettingRules.Severity.WEAK) {
      return Optional.of(normalized);
    }
    return Optional.empty();
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

  /** The value as the field holds it: javac's constant (already converted to the field's type) when there is one. */
  private static Optional<Object> constantValue(SettingField field) {
    Object constant = field.element().getConstantValue();
    return constant != null ? Optional.of(constant) : field.source().value();
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
