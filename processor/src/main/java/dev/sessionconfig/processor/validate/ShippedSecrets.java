package dev.sessionconfig.processor.validate;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import dev.sessionconfig.processor.facts.ShippedRead;
import dev.sessionconfig.processor.facts.ValueFacts;
import java.util.List;
import java.util.Optional;

/**
 * {@code [SecretInArtifact]}: a secret (SECRET_KEY, a fallback key, SESSION_JDBC_PASSWORD) read from a class-path
 * resource or from a file inside the source tree, which ships in every copy of the artifact as a literal would. A
 * warning: the processor cannot tell a resource that a deployment replaces from one built into the jar.
 */
final class ShippedSecrets implements Rule {

  @Override
  public void check(ConfigFacts facts, Report report) {
    for (FieldFacts field : facts.fields()) {
      boolean secret = field.isStatic() && field.setting().filter(setting -> setting.isSecret()).isPresent();
      // An assignment the loader never runs is an error of its own, and its value is not the field's.
      if (!secret || field.assignments().stream().anyMatch(assignment -> !assignment.place().atConfigTime())) {
        continue;
      }
      for (ValueFacts value : field.items().isEmpty() ? List.of(field.value()) : field.items()) {
        check(field, value, report);
      }
    }
  }

  private static void check(FieldFacts field, ValueFacts value, Report report) {
    if (value instanceof ValueFacts.Shipped shipped) {
      ShippedRead read = shipped.read();
      if (read.origin() == ShippedRead.Origin.SOURCE_TREE_FILE) {
        report.at(value.at(), Message.SecretInSourceTree, field.name(), read.name().orElseThrow(), field.name());
      } else if (read.name().isPresent()) {
        report.at(value.at(), Message.SecretInArtifact, field.name(), read.name().get(), field.name());
      } else {
        report.at(value.at(), Message.SecretInUnnamedResource, field.name(), field.name());
      }
    } else if (value instanceof ValueFacts.Lookup lookup) {
      sourceTreeFile(lookup.lookup()).ifPresent(path ->
          report.at(value.at(), Message.SecretInSourceTree, field.name(), path, field.name()));
    }
  }

  /** The first file inside the source tree that a lookup reads, such as {@code src/main/resources/key}. */
  private static Optional<String> sourceTreeFile(LookupTree lookup) {
    return lookup.sources().stream()
        .filter(source -> source instanceof LookupTree.File && ShippedRead.insideSourceTree(source.name()))
        .map(LookupTree.Source::name)
        .findFirst();
  }
}
