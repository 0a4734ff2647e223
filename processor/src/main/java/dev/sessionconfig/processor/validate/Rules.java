package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;
import java.util.List;

/** Every rule for a config class, in the order the report prints them. */
public final class Rules {
  private static final List<Rule> ALL = List.of(
      new SettingDeclarations(),
      new SessionTypeRule(),
      new SecretSources(),
      new OutsideAssignments(),
      new ShippedSecrets(),
      new StoreSettings(),
      new Conversions(),
      new AttributeTypes(),
      new SettingValues());

  private Rules() {}

  /** Checks {@code facts} with every rule. */
  public static void check(ConfigFacts facts, Report report) {
    for (Rule rule : ALL) {
      rule.check(facts, report);
    }
  }
}
