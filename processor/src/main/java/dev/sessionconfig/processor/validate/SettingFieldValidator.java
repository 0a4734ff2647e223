package dev.sessionconfig.processor.validate;

import dev.sessionconfig.Names;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.SettingField;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks each field's declaration: {@code [InstanceSetting]}, {@code [LowercaseSetting]},
 * {@code [UnknownSetting]}, {@code [WrongSettingType]} and {@code [InaccessibleSetting]}.
 */
public final class SettingFieldValidator {
  /** Flask-Session settings with no counterpart here, and what to do instead. */
  private static final Map<String, String> FLASK_ONLY = Map.of(
      "SESSION_USE_SIGNER", "The session cookie is always signed (HMAC-SHA256), so it is not needed. Fix: remove it.",
      "SESSION_SQLALCHEMY", "Fix: use SESSION_JDBC_URL (with SESSION_TYPE = SessionType.JDBC) instead.",
      "SESSION_SQLALCHEMY_TABLE", "Fix: use SESSION_JDBC_TABLE instead.",
      "SESSION_SQLALCHEMY_BIND_KEY", "Fix: use SESSION_JDBC_URL to choose the database instead.",
      "SESSION_CACHELIB", "CacheLib has no Java store. Fix: remove it and choose a SESSION_TYPE with a store.",
      "SESSION_CLEANUP_N_REQUESTS", "Every store here removes expired sessions by itself. Fix: remove it.",
      "SESSION_MONGODB_DB_NAME", "Fix: use SESSION_MONGODB_DB instead.");

  private final Elements elements;

  public SettingFieldValidator(Elements elements) {
    this.elements = elements;
  }

  /** Returns whether every catalogued setting is declared with a usable type and access. */
  public boolean validate(ConfigClass config, Report report) {
    boolean usable = true;
    for (SettingField field : config.fields()) {
      String name = field.name();
      boolean upperCase = name.equals(name.toUpperCase(java.util.Locale.ROOT)) && name.chars().anyMatch(Character::isLetter);
      if (!upperCase) {
        checkLowercase(field, report);
      } else if (!field.isStatic()) {
        if (field.setting().isPresent() || Setting.isSettingFamily(name)) {
          report.on(field.element(), Message.InstanceSetting, name);
          usable &= field.setting().isEmpty();
        }
      } else if (field.setting().isPresent()) {
        usable &= checkType(field, field.setting().get(), report);
        usable &= checkAccess(config, field, report);
      } else if (Setting.isSettingFamily(name)) {
        report.on(field.element(), Message.UnknownSetting, name, unknownHint(name));
      }
    }
    return usable;
  }

  private static void checkLowercase(SettingField field, Report report) {
    String upper = field.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    if (Setting.named(upper).isPresent()) {
      report.on(field.element(), Message.LowercaseSetting, field.name(), upper);
    }
  }

  private static String unknownHint(String name) {
    String flask = FLASK_ONLY.get(name);
    if (flask != null) {
      return "It is a Flask-Session setting. " + flask;
    }
    Optional<String> closest = Names.closest(name, Setting.names());
    return closest.map(s -> "Did you mean " + s + "? Fix: rename it to " + s + ".")
        .orElse("Fix: remove it, or rename it to a setting listed in the README's table of settings.");
  }

  private static boolean checkType(SettingField field, Setting setting, Report report) {
    String declared = TypeNames.canonical(field.element().asType());
    if (setting.kind().javaTypes().contains(declared)) {
      return true;
    }
    String accepted = setting.kind().javaTypes().stream().map(TypeNames::simple).collect(Collectors.joining(", "));
    report.on(field.element(), Message.WrongSettingType, field.name(), TypeNames.simple(declared), accepted);
    return false;
  }

  private boolean checkAccess(ConfigClass config, SettingField field, Report report) {
    String problem = accessProblem(config.type(), field);
    if (problem == null) {
      return true;
    }
    String fix = problem.equals("private") ? "make it package-private (or public)" : "make the field and its class public";
    report.on(field.element(), Message.InaccessibleSetting, field.name(), problem,
        config.type().getSimpleName() + "Loader", fix);
    return false;
  }

  /** Why the loader, in the config class's package, cannot read the field; null when it can. */
  private String accessProblem(TypeElement config, SettingField field) {
    if (field.element().getModifiers().contains(Modifier.PRIVATE)) {
      return "private";
    }
    TypeElement declaring = field.declaringClass();
    boolean samePackage = elements.getPackageOf(declaring).equals(elements.getPackageOf(config));
    if (samePackage) {
      return null;
    }
    boolean publicField = field.element().getModifiers().contains(Modifier.PUBLIC);
    boolean publicClass = declaring.getModifiers().contains(Modifier.PUBLIC);
    if (publicField && publicClass) {
      return null;
    }
    return "declared in " + declaring.getQualifiedName() + ", another package, "
        + (publicField ? "in a class that is not public" : "without public access");
  }
}
