package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.AttributeTypeFacts;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.SettingField;

/**
 * {@code [UnstorableAttributeType]}: a type SESSION_ATTRIBUTE_TYPES lists, or a component inside one, whose values
 * could not be stored and read back exactly; and {@code [UnreadableAttributeTypes]} for a setting whose classes the
 * processor cannot see. Each points at the class literal, or at the setting.
 */
public final class AttributeTypesValidator {

  public void validate(ConfigClass config, Report report) {
    if (config.attributeTypes().isEmpty()) {
      return;
    }
    AttributeTypeFacts facts = config.attributeTypes().get();
    SettingField field = config.staticField("SESSION_ATTRIBUTE_TYPES").orElseThrow();
    if (facts.unreadable() != null) {
      report.onTree(field.element(), facts.unreadable(), Message.UnreadableAttributeTypes);
      return;
    }
    for (AttributeTypeFacts.Problem problem : facts.problems()) {
      if (problem.path().isEmpty()) {
        report.onTree(field.element(), problem.at(), Message.UnstorableAttributeType, problem.declared(),
            problem.problem(), problem.fix());
      } else {
        report.onTree(field.element(), problem.at(), Message.UnstorableAttributeComponent, problem.declared(),
            problem.path(), problem.problem(), problem.fix());
      }
    }
  }
}
