package dev.sessionconfig.processor.validate;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code [UncheckedConversion]}: a setting that is not text (a boolean, number, duration or session type) made from a
 * looked-up value by code the loader cannot replay. The loader then reads the field, after the conversion already
 * turned a mistyped value into a valid-looking one.
 */
final class Conversions implements Rule {
  /** The kinds whose value a conversion makes from text, possibly losing a mistake on the way. */
  private static final Set<Setting.ValueKind> CONVERTED_KINDS = EnumSet.of(Setting.ValueKind.BOOLEAN,
      Setting.ValueKind.INT, Setting.ValueKind.FILE_MODE, Setting.ValueKind.DURATION, Setting.ValueKind.SESSION_TYPE);

  @Override
  public void check(ConfigFacts facts, Report report) {
    for (FieldFacts field : facts.fields()) {
      Optional<Setting> setting = field.setting();
      // A String field holds the text itself, which the loader parses with the setting's own strict rules.
      boolean holdsText = field.typeText().equals("java.lang.String");
      if (!field.isStatic() || setting.isEmpty() || !CONVERTED_KINDS.contains(setting.get().kind()) || holdsText
          || field.replay().isPresent() || field.value().seen().isEmpty()) {
        continue;
      }
      String type = field.typeText();
      String lookup = javaForm(field.value().seen().get(0));
      String reads = field.value().seen().stream().map(LookupTree::describe).collect(Collectors.joining(" and "));
      report.at(field.value().at(), Message.UncheckedConversion, field.name(), reads,
          type.substring(type.lastIndexOf('.') + 1), field.name(), parsed(type, setting.get(), lookup));
    }
  }

  /** {@code lookup} parsed into a value of the field's type, for the fix. */
  private static String parsed(String type, Setting setting, String lookup) {
    switch (type) {
      case "boolean":
      case "java.lang.Boolean":
        return "Boolean.parseBoolean(" + lookup + ")";
      case "int":
      case "java.lang.Integer":
        return "Integer.parseInt(" + lookup + (setting.kind() == Setting.ValueKind.FILE_MODE ? ", 8)" : ")");
      case "long":
      case "java.lang.Long":
        return "Long.parseLong(" + lookup + ")";
      case "java.time.Duration":
        return "Duration.parse(" + lookup + ")";
      default:
        return "SessionType.valueOf(" + lookup + ")";
    }
  }

  /** The lookup as Java code, for the fix. */
  private static String javaForm(LookupTree.Source lookup) {
    if (lookup instanceof LookupTree.Env) {
      return "System.getenv(\"" + lookup.name() + "\")";
    }
    if (lookup instanceof LookupTree.Property) {
      return "System.getProperty(\"" + lookup.name() + "\")";
    }
    return "Files.readString(Path.of(\"" + lookup.name() + "\"))";
  }
}
