package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.ConfigClassReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code [StraySetting]}: SESSION_TYPE or SECRET_KEY declared in a class that no loader reads (not a
 * {@code @SessionConfig} class nor a superclass of one): the Java form of the Flask mistake of a
 * {@code SESSION_TYPE} global that was never applied to the app.
 */
public final class StraySettingValidator {
  private static final Set<String> KEY_SETTINGS = Set.of("SESSION_TYPE", "SECRET_KEY");

  /**
   * Reports stray settings among {@code types} (and their nested types).
   *
   * @param readByConfigs every config class of the round and their superclasses: their fields are read
   * @param configNames the config classes' simple names, for the fix
   * @return where each stray setting name is declared, e.g. {@code SESSION_TYPE -> App}
   */
  public Map<String, String> validate(Iterable<? extends Element> types, Set<TypeElement> readByConfigs,
      List<String> configNames, Report report) {
    Map<String, String> strays = new LinkedHashMap<>();
    for (TypeElement type : ElementFilter.typesIn(types)) {
      scan(type, readByConfigs, configNames, strays, report);
    }
    return strays;
  }

  private void scan(TypeElement type, Set<TypeElement> readByConfigs, List<String> configNames,
      Map<String, String> strays, Report report) {
    boolean isConfig = ConfigClassReader.annotationOf(type).isPresent() || readByConfigs.contains(type);
    if (!isConfig) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        String name = field.getSimpleName().toString();
        if (KEY_SETTINGS.contains(name) && field.getModifiers().contains(Modifier.STATIC)) {
          strays.putIfAbsent(name, type.getQualifiedName().toString());
          String target = configNames.size() == 1 ? " " + configNames.get(0) : "";
          report.on(field, Message.StraySetting, name, type.getSimpleName(), target);
        }
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      scan(nested, readByConfigs, configNames, strays, report);
    }
  }
}
