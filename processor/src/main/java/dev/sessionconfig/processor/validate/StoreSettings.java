package dev.sessionconfig.processor.validate;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import java.util.Optional;

/**
 * When SESSION_TYPE names a store at compile time: {@code [MissingStoreSetting]} when the store's connection setting
 * is absent, {@code [IrrelevantSetting]} for each setting only another store reads.
 */
final class StoreSettings implements Rule {

  @Override
  public void check(ConfigFacts facts, Report report) {
    Optional<SessionType> type = facts.sessionType();
    if (type.isEmpty()) {
      return;
    }
    SessionType store = type.get();
    Setting.connectionSettingOf(store).ifPresent(connection -> {
      if (facts.staticField(connection.name()).isEmpty()) {
        connection.defaultValue().ifPresentOrElse(
            fallback -> report.at(facts.annotation(), Message.MissingStoreSetting, store.configName(),
                connection.name(), fallback),
            () -> report.at(facts.annotation(), Message.MissingRequiredStoreSetting, store.configName(),
                connection.name()));
      }
    });
    for (FieldFacts field : facts.fields()) {
      Optional<SessionType> owner = field.setting().flatMap(Setting::store);
      if (field.isStatic() && owner.isPresent() && owner.get() != store) {
        report.at(field.at(), Message.IrrelevantSetting, field.name(), owner.get().configName(),
            store.configName(), owner.get().configName());
      }
    }
  }
}
