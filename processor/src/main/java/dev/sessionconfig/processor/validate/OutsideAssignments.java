package dev.sessionconfig.processor.validate;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.Setting;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.AssignmentFacts;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import dev.sessionconfig.processor.facts.PropertyWrite;
import dev.sessionconfig.processor.facts.ValueFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings given their value where the generated loader does not look: {@code [SettingAssignedOutsideConfig]} for
 * an assignment outside the class's static initialization (a secret's is {@code [SecretAssignedOutsideConfig]},
 * reported with the secret's other problems by {@link SecretSources}), and, for every setting, a system property it
 * reads that a {@code main} method sets. Both work only when {@code main} runs before the config class is read,
 * which a servlet container never does.
 */
final class OutsideAssignments implements Rule {

  @Override
  public void check(ConfigFacts facts, Report report) {
    for (FieldFacts field : facts.fields()) {
      if (!field.isStatic() || field.setting().isEmpty()) {
        continue;
      }
      if (!field.setting().get().isSecret()) {
        for (AssignmentFacts assignment : field.assignments()) {
          if (!assignment.place().atConfigTime()) {
            report.at(assignment.statement(), Message.SettingAssignedOutsideConfig, field.name(), assignment.where(),
                field.declaringClass().simpleName());
          }
        }
      }
      for (PropertyWrite write : facts.propertyWrites()) {
        if (readsProperty(field, write.property())) {
          report(field, write, report);
        }
      }
    }
  }

  private static void report(FieldFacts field, PropertyWrite write, Report report) {
    Setting setting = field.setting().orElseThrow();
    if (!setting.isSecret()) {
      report.at(write.statement(), Message.SettingPropertySetOutsideConfig, field.name(), write.property(),
          write.where());
      return;
    }
    report.at(write.statement(), Message.SecretPropertySetOutsideConfig, field.name(), write.property(),
        write.where());
    // The value set is judged as the secret's: a literal there is as public as one in the field.
    if (write.value() instanceof ValueFacts.Literal literal && !literal.isNull()) {
      report.at(write.value().at(), Message.LiteralSecretKey, field.name(),
          "a literal set as system property " + write.property() + " " + write.where(), field.name());
    }
  }

  /** Whether the field's value, or one of its items, reads system property {@code name}. */
  private static boolean readsProperty(FieldFacts field, String name) {
    List<LookupTree.Source> reads = new ArrayList<>(field.value().seen());
    field.replay().ifPresent(replay -> reads.addAll(replay.sources()));
    field.items().forEach(item -> reads.addAll(item.seen()));
    return reads.stream().anyMatch(read -> read instanceof LookupTree.Property && read.name().equals(name));
  }
}
