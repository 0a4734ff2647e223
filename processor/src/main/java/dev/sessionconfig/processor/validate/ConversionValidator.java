package dev.sessionconfig.processor.validate;

import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.LookupExpr;
import dev.sessionconfig.processor.read.SettingField;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code [UncheckedConversion]}: a setting that is not text (a boolean, number, duration or session type) made
 * from a looked-up value by code the loader cannot replay. The loader then reads the field, after the conversion
 * already turned a mistyped value into a valid-looking one.
 */
public final class ConversionValidator {
  /** The kinds whose value a conversion makes from text, possibly losing a mistake on the way. */
  private static final Set<Setting.ValueKind> CONVERTED_KINDS = EnumSet.of(Setting.ValueKind.BOOLEAN,
      Setting.ValueKind.INT, Setting.ValueKind.FILE_MODE, Setting.ValueKind.DURATION, Setting.ValueKind.SESSION_TYPE);

  public void validate(ConfigClass config, Report report) {
    for (SettingField field : config.fields()) {
      Optional<Setting> setting = field.setting();
      // A String field holds the text itself, which the loader parses with the setting's own strict rules.
      boolean holdsText = field.element().asType().toString().equals("java.lang.String");
      if (!field.isStatic() || setting.isEmpty() || !CONVERTED_KINDS.contains(setting.get().kind()) || holdsText
          || field.replay().isPresent() || field.source().seen().isEmpty()) {
        continue;
      }
      String type = field.element().asType().toString();
      String lookup = javaForm(field.source().seen().get(0));
      Positions.onValue(report, field, field.source(), Message.UncheckedConversion, field.name(), describe(field),
          type.substring(type.lastIndexOf('.') + 1), field.name(), parsed(type, setting.get(), lookup));
    }
  }

  /** The lookups the initializer reads, e.g. {@code environment variable A and system property b}. */
  private static String describe(SettingField field) {
    StringBuilder text = new StringBuilder();
    for (LookupExpr lookup : field.source().seen()) {
      text.append(text.length() == 0 ? "" : " and ").append(lookup.describe());
    }
    return text.toString();
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
  private static String javaForm(LookupExpr lookup) {
    switch (lookup.kind()) {
      case ENV:
        return "System.getenv(\"" + lookup.name() + "\")";
      case PROPERTY:
        return "System.getProperty(\"" + lookup.name() + "\")";
      default:
        return "Files.readString(Path.of(\"" + lookup.name() + "\"))";
    }
  }
}
