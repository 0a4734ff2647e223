package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.AttributeTypesFacts;
import dev.sessionconfig.processor.facts.ConfigFacts;

/**
 * {@code [UnstorableAttributeType]}: a type SESSION_ATTRIBUTE_TYPES lists, or a component inside one, whose values
 * could not be stored and read back exactly; and {@code [UnreadableAttributeTypes]} for a setting whose classes the
 * processor cannot see. Each points at the class literal, or at the setting.
 */
final class AttributeTypes implements Rule {

  @Override
  public void check(ConfigFacts facts, Report report) {
    if (facts.attributeTypes().isEmpty()) {
      return;
    }
    AttributeTypesFacts types = facts.attributeTypes().get();
    if (types.unreadable().isPresent()) {
      report.at(types.unreadable().get(), Message.UnreadableAttributeTypes);
      return;
    }
    for (AttributeTypesFacts.Problem problem : types.problems()) {
      if (problem.path().isEmpty()) {
        report.at(problem.at(), Message.UnstorableAttributeType, problem.declared(), problem.problem(), problem.fix());
      } else {
        report.at(problem.at(), Message.UnstorableAttributeComponent, problem.declared(), problem.path(),
            problem.problem(), problem.fix());
      }
    }
  }
}
