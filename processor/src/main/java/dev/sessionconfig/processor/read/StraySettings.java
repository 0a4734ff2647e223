package dev.sessionconfig.processor.read;

import dev.sessionconfig.processor.Position;
import dev.sessionconfig.processor.facts.StraySetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/** Finds the settings declared where no loader reads them. */
public final class StraySettings {
  private static final Set<String> KEY_SETTINGS = Set.of("SESSION_TYPE", "SECRET_KEY");

  private StraySettings() {}

  /**
   * The stray settings among {@code types} and their nested types, in source order.
   *
   * @param readByConfigs every config class of the round and their superclasses: their fields are read
   */
  public static List<StraySetting> in(Iterable<? extends Element> types, Set<TypeElement> readByConfigs) {
    List<StraySetting> strays = new ArrayList<>();
    for (TypeElement type : ElementFilter.typesIn(types)) {
      scan(type, readByConfigs, strays);
    }
    return strays;
  }

  private static void scan(TypeElement type, Set<TypeElement> readByConfigs, List<StraySetting> strays) {
    boolean isConfig = ConfigClassReader.annotationOf(type).isPresent() || readByConfigs.contains(type);
    if (!isConfig) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        String name = field.getSimpleName().toString();
        if (KEY_SETTINGS.contains(name) && field.getModifiers().contains(Modifier.STATIC)) {
          strays.add(new StraySetting(name, type.getSimpleName().toString(), type.getQualifiedName().toString(),
              Position.of(field)));
        }
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      scan(nested, readByConfigs, strays);
    }
  }
}
