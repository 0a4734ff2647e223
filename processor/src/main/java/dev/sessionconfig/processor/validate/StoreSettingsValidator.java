package dev.sessionconfig.processor.validate;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.SettingField;
import java.util.Optional;

/**
 * When SESSION_TYPE is known at compile time: {@code [MissingStoreSetting]} when the store's connection
 * setting is absent, {@code [IrrelevantSetting]} for each setting only another store reads.
 */
public final class StoreSettingsValidator {

  public void validate(ConfigClass config, Optional<SessionType> type, Report report) {
    if (type.isEmpty()) {
      return;
    }
    SessionType store = type.get();
    Setting.connectionSettingOf(store).ifPresent(connection -> {
      if (config.staticField(connection.name()).isEmpty()) {
        String consequence = connection.defaultValue()
            .map(fallback -> "falls back to " + fallback + ", which only works on a developer's machine")
            .orElse("cannot start");
        report.onAnnotation(config.type(), config.annotation(), null, Message.MissingStoreSetting,
            store.configName(), connection.name(), consequence, connection.name(),
            "static final String " + connection.name() + " = System.getenv(\"" + connection.name() + "\")");
      }
    });
    for (SettingField field : config.fields()) {
      Optional<SessionType> owner = field.setting().flatMap(Setting::store);
      if (field.isStatic() && owner.isPresent() && owner.get() != store) {
        report.on(field.element(), Message.IrrelevantSetting, field.name(), owner.get().configName(),
            store.configName(), owner.get().configName());
      }
    }
  }
}
