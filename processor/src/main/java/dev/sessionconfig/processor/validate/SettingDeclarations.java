package dev.sessionconfig.processor.validate;

import dev.sessionconfig.Names;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each field's declaration: {@code [InstanceSetting]}, {@code [LowercaseSetting]}, {@code [UnknownSetting]},
 * {@code [WrongSettingType]} and {@code [InaccessibleSetting]}.
 */
final class SettingDeclarations implements Rule {
  /** Flask-Session settings with no counterpart here, and what to do instead. */
  private static final Map<String, String> FLASK_ONLY = Map.of(
      "SESSION_USE_SIGNER", "The session cookie is always signed (HMAC-SHA256), so it is not needed. Fix: remove it.",
      "SESSION_SQLALCHEMY", "Fix: use SESSION_JDBC_URL (with SESSION_TYPE = SessionType.JDBC) instead.",
      "SESSION_SQLALCHEMY_TABLE", "Fix: use SESSION_JDBC_TABLE instead.",
      "SESSION_SQLALCHEMY_BIND_KEY", "Fix: use SESSION_JDBC_URL to choose the database instead.",
      "SESSION_CACHELIB", "CacheLib has no Java store. Fix: remove it and choose a SESSION_TYPE with a store.",
      "SESSION_CLEANUP_N_REQUESTS", "Every store here removes expired sessions by itself. Fix: remove it.",
      "SESSION_MONGODB_DB_NAME", "Fix: use SESSION_MONGODB_DB instead.");

  /** From this length on, two edits still leave a name unmistakable. */
  private static final int LONG_NAME = 12;

  @Override
  public void check(ConfigFacts facts, Report report) {
    for (FieldFacts field : facts.fields()) {
      String name = field.name();
      if (!field.isUpperCase()) {
        checkLowercase(field, report);
      } else if (!field.isStatic()) {
        if (field.setting().isPresent() || Setting.isSettingFamily(name)) {
          report.at(field.at(), Message.InstanceSetting, name);
        }
      } else if (field.setting().isPresent()) {
        checkType(field, report);
        checkAccess(facts, field, report);
      } else if (Setting.isSettingFamily(name)) {
        reportUnknown(field, report);
      } else {
        reportMisspelled(field, report);
      }
    }
  }

  private static void checkLowercase(FieldFacts field, Report report) {
    String upper = field.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    if (Setting.named(upper).isPresent()) {
      report.at(field.at(), Message.LowercaseSetting, field.name(), upper);
    }
  }

  private static void reportUnknown(FieldFacts field, Report report) {
    String name = field.name();
    String flask = FLASK_ONLY.get(name);
    if (flask != null) {
      report.at(field.at(), Message.FlaskOnlySetting, name, flask);
      return;
    }
    Names.closest(name, Setting.names()).ifPresentOrElse(
        closest -> report.at(field.at(), Message.MisspelledSetting, name, closest),
        () -> report.at(field.at(), Message.UnknownSetting, name));
  }

  /**
   * A name outside the settings' prefixes ({@code SESION_TYPE}, {@code SECRETKEY}) is usually the application's own
   * constant, and a false alarm costs more than a missed typo: only a near-certain one is reported, one edit away
   * from a setting's name, two in a long name.
   */
  private static void reportMisspelled(FieldFacts field, Report report) {
    int edits = field.name().length() >= LONG_NAME ? 2 : 1;
    Names.closest(field.name(), Setting.names(), edits)
        .ifPresent(closest -> report.at(field.at(), Message.MisspelledSetting, field.name(), closest));
  }

  private static void checkType(FieldFacts field, Report report) {
    if (field.typeAccepted()) {
      return;
    }
    String accepted = field.setting().orElseThrow().kind().javaTypes().stream().map(FieldFacts::simpleTypeName)
        .collect(Collectors.joining(", "));
    report.at(field.at(), Message.WrongSettingType, field.name(), FieldFacts.simpleTypeName(field.declaredType()),
        accepted);
  }

  private static void checkAccess(ConfigFacts facts, FieldFacts field, Report report) {
    String loader = facts.simpleName() + "Loader";
    if (field.access() instanceof FieldFacts.Private) {
      report.at(field.at(), Message.InaccessibleSetting, field.name(), "private", loader,
          "make it package-private (or public)");
    } else if (field.access() instanceof FieldFacts.OtherPackage other) {
      String problem = "declared in " + other.declaringClass() + ", another package, "
          + (other.publicField() ? "in a class that is not public" : "without public access");
      report.at(field.at(), Message.InaccessibleSetting, field.name(), problem, loader,
          "make the field and its class public");
    }
  }
}
