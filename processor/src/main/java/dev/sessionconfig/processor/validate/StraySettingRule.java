package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.StraySetting;
import java.util.List;

/**
 * {@code [StraySetting]}: SESSION_TYPE or SECRET_KEY declared in a class that no loader reads, the Java form of a
 * {@code SESSION_TYPE} global that was never applied to the app. Checked once per round, across every class.
 */
public final class StraySettingRule {
  private StraySettingRule() {}

  /** @param configNames the round's config classes' simple names, for the fix */
  public static void check(List<StraySetting> strays, List<String> configNames, Report report) {
    for (StraySetting stray : strays) {
      if (configNames.size() == 1) {
        report.at(stray.at(), Message.StraySettingOneConfig, stray.name(), stray.className(), configNames.get(0));
      } else {
        report.at(stray.at(), Message.StraySetting, stray.name(), stray.className());
      }
    }
  }
}
