package dev.sessionconfig.processor.model;

import com.palantir.javapoet.ClassName;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.EnumConstant;
import dev.sessionconfig.processor.read.LookupExpr;
import dev.sessionconfig.processor.read.SettingField;
import dev.sessionconfig.processor.read.ValueSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a config class that passed validation into its {@link ConfigModel}. */
public final class ConfigModelFactory {
  private final boolean servletApi;

  /** @param servletApi whether initApp can be generated: the Servlet API and the runtime's servlet support are present */
  public ConfigModelFactory(boolean servletApi) {
    this.servletApi = servletApi;
  }

  public ConfigModel create(ConfigClass config) {
    ClassName configClass = ClassName.get(config.type());
    List<SettingModel> settings = new ArrayList<>();
    boolean readsDeprecated = isDeprecated(config.type());
    for (Setting setting : Setting.values()) {
      Optional<SettingField> field = config.staticField(setting.name());
      if (field.isPresent() && setting == Setting.SESSION_ATTRIBUTE_TYPES && config.attributeTypes().isPresent()) {
        settings.add(new SettingModel.AttributeTypes(setting, ClassName.get(field.get().declaringClass()),
            field.get().name(), config.attributeTypes().get().stored()));
      } else if (field.isPresent()) {
        settings.add(settingModel(setting, field.get()));
        readsDeprecated |= isDeprecated(field.get().element()) || isDeprecated(field.get().declaringClass());
      }
    }
    String loaderName = String.join("_", configClass.simpleNames()) + "Loader";
    return new ConfigModel(configClass, ClassName.get(configClass.packageName(), loaderName), config.development(),
        settings, readsDeprecated, servletApi);
  }

  private static SettingModel settingModel(Setting setting, SettingField field) {
    ClassName declaring = ClassName.get(field.declaringClass());
    String name = field.name();
    if (field.element().getConstantValue() != null) {
      return new SettingModel.ConstantField(setting, declaring, name);
    }
    ValueSource source = field.source();
    Optional<Object> value = source.kind() == ValueSource.Kind.LITERAL ? source.value() : Optional.empty();
    if (value.isPresent() && value.get() instanceof EnumConstant && setting == Setting.SESSION_TYPE) {
      return new SettingModel.SessionTypeConstant(setting, declaring, name, ((EnumConstant) value.get()).constant());
    }
    if (value.isPresent() && value.get() instanceof Duration && field.element().asType().toString().equals("java.time.Duration")) {
      return new SettingModel.DurationConstant(setting, declaring, name, (Duration) value.get());
    }
    Optional<LookupExpr> replay = field.replay();
    if (replay.isPresent()) {
      return new SettingModel.Replayed(setting, declaring, name, replay.get());
    }
    return new SettingModel.FieldRead(setting, declaring, name, source.seen());
  }

  private static boolean isDeprecated(javax.lang.model.element.Element element) {
    return element.getAnnotation(Deprecated.class) != null;
  }
}
