package dev.sessionconfig.processor.model;

import com.palantir.javapoet.ClassName;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.EnumConstant;
import dev.sessionconfig.processor.facts.FieldFacts;
import dev.sessionconfig.processor.facts.KnownValue;
import dev.sessionconfig.processor.facts.TypeNameFacts;
import dev.sessionconfig.processor.facts.ValueFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the facts of a config class that passed every rule into its {@link ConfigModel}. */
public final class ConfigModelFactory {
  private final boolean servletApi;

  /** @param servletApi whether initApp can be generated: the Servlet API and the runtime's servlet support are present */
  public ConfigModelFactory(boolean servletApi) {
    this.servletApi = servletApi;
  }

  public ConfigModel create(ConfigFacts facts) {
    ClassName configClass = className(facts.configClass());
    List<SettingModel> settings = new ArrayList<>();
    boolean readsDeprecated = facts.deprecated();
    for (Setting setting : Setting.values()) {
      Optional<FieldFacts> field = facts.staticField(setting.name());
      if (field.isPresent() && setting == Setting.SESSION_ATTRIBUTE_TYPES && facts.attributeTypes().isPresent()) {
        settings.add(new SettingModel.AttributeTypes(setting, className(field.get().declaringClass()),
            field.get().name(), facts.attributeTypes().get().stored()));
      } else if (field.isPresent()) {
        settings.add(settingModel(setting, field.get()));
        readsDeprecated |= field.get().deprecated();
      }
    }
    String loaderName = String.join("_", configClass.simpleNames()) + "Loader";
    return new ConfigModel(configClass, ClassName.get(configClass.packageName(), loaderName), facts.development(),
        settings, readsDeprecated, servletApi);
  }

  private static ClassName className(TypeNameFacts name) {
    List<String> nested = name.simpleNames();
    return ClassName.get(name.packageName(), nested.get(0), nested.subList(1, nested.size()).toArray(new String[0]));
  }

  private static SettingModel settingModel(Setting setting, FieldFacts field) {
    ClassName declaring = className(field.declaringClass());
    String name = field.name();
    if (field.compileTimeConstant().isPresent()) {
      return new SettingModel.ConstantField(setting, declaring, name);
    }
    Optional<Object> value = field.known().map(KnownValue::plain);
    if (value.isPresent() && value.get() instanceof EnumConstant constant && setting == Setting.SESSION_TYPE) {
      return new SettingModel.SessionTypeConstant(setting, declaring, name, constant.constant());
    }
    if (value.isPresent() && value.get() instanceof Duration duration && field.typeText().equals("java.time.Duration")) {
      return new SettingModel.DurationConstant(setting, declaring, name, duration);
    }
    if (field.replay().isPresent()) {
      return new SettingModel.Replayed(setting, declaring, name, field.replay().get());
    }
    return new SettingModel.FieldRead(setting, declaring, name, field.value().seen());
  }
}
