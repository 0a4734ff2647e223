package dev.sessionconfig.processor.validate;

import dev.sessionconfig.LookupTree;
import dev.sessionconfig.SessionType;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Position;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.FieldFacts;
import dev.sessionconfig.processor.facts.KnownValue;
import dev.sessionconfig.processor.facts.ValueFacts;
import java.util.Optional;

/**
 * SESSION_TYPE: {@code [MissingSessionType]}, {@code [UnknownSessionType]}, {@code [NullSessionType]},
 * {@code [UnsupportedSessionType]} and {@code [MissingStoreModule]}.
 */
final class SessionTypeRule implements Rule {

  @Override
  public void check(ConfigFacts facts, Report report) {
    Optional<FieldFacts> field = facts.staticField("SESSION_TYPE");
    if (field.isEmpty()) {
      if (facts.straySessionType().isPresent()) {
        report.at(facts.annotation(), Message.MissingSessionTypeDeclaredElsewhere, facts.simpleName(),
            facts.straySessionType().get());
      } else {
        report.at(facts.annotation(), Message.MissingSessionType, facts.simpleName());
      }
      return;
    }
    ValueFacts value = field.get().value();
    if (value instanceof ValueFacts.Literal literal && literal.isNull()) {
      report.at(value.at(), Message.NullSessionType, "null");
      return;
    }
    if (value instanceof ValueFacts.Fallback fallback) {
      if (fallback.replay().isPresent()) {
        checkFallback(fallback.at(), fallback.replay().get(), report);
      } else if (fallback.hardCoded().orElse(null) instanceof KnownValue.Text text) {
        checkName(fallback.at(), text.text(), report); // a default the code uses as written
      }
      return;
    }
    Optional<SessionType> type = knownType(field.get(), value.at(), report);
    if (type.isPresent() && !facts.storesOnClassPath().contains(type.get())) {
      String artifact = type.get().storeArtifactId().orElseThrow();
      report.at(value.at(), Message.MissingStoreModule, type.get().configName(), "dev.sessionconfig:" + artifact,
          artifact);
    }
  }

  /** The store a known value names, after reporting what is wrong with it; empty when startup decides. */
  private static Optional<SessionType> knownType(FieldFacts field, Position at, Report report) {
    if (!(field.value() instanceof ValueFacts.Literal) || field.known().isEmpty()) {
      return Optional.empty();
    }
    KnownValue known = field.known().get();
    if (known instanceof KnownValue.EnumValue constant && constant.isSessionType()) {
      SessionType type = known.sessionType().orElseThrow();
      if (type.storeArtifactId().isEmpty()) {
        SessionType.Lookup lookup = SessionType.lookup(type.configName());
        report.at(at, Message.UnsupportedSessionType, lookup.reason(), lookup.fix());
        return Optional.empty();
      }
      return Optional.of(type);
    }
    if (known instanceof KnownValue.Text text) {
      return checkName(at, text.text(), report);
    }
    if (known instanceof KnownValue.Rejected rejected) {
      report.at(at, Message.UnknownSessionType, rejected.reason(), rejected.fix());
    }
    return Optional.empty();
  }

  /** The session type the code falls back to when nothing is set, converted as the code converts it. */
  private static void checkFallback(Position at, LookupTree lookup, Report report) {
    Optional<Object> fallback;
    try {
      fallback = lookup.valueWhenUnset();
    } catch (IllegalArgumentException e) {
      String[] parts = e.getMessage().split("; ", 2);
      report.at(at, Message.UnknownSessionType, parts[0], parts.length > 1 ? parts[1] : SessionType.lookup("").fix());
      return;
    }
    if (fallback.isPresent() && fallback.get() instanceof String name) {
      checkName(at, name, report);
    } else if (fallback.isPresent() && fallback.get() instanceof SessionType type && type.storeArtifactId().isEmpty()) {
      SessionType.Lookup unsupported = SessionType.lookup(type.configName());
      report.at(at, Message.UnsupportedSessionType, unsupported.reason(), unsupported.fix());
    }
  }

  private static Optional<SessionType> checkName(Position at, String name, Report report) {
    SessionType.Lookup lookup = SessionType.lookup(name);
    switch (lookup.match()) {
      case NULL_TYPE:
        report.at(at, Message.NullSessionType, "'" + name + "'");
        return Optional.empty();
      case NO_STORE:
        report.at(at, Message.UnsupportedSessionType, lookup.reason(), lookup.fix());
        return Optional.empty();
      case UNKNOWN:
        report.at(at, Message.UnknownSessionType, lookup.reason(), lookup.hint() != null
            ? "write '" + lookup.hint() + "' (or SessionType." + lookup.hint().toUpperCase(java.util.Locale.ROOT) + ")"
            : lookup.fix() + ", or a SessionType constant");
        return Optional.empty();
      case ALIAS:
        report.at(at, Message.SessionTypeAlias, name, lookup.type().configName(), lookup.type().name());
        return Optional.of(lookup.type());
      default:
        return Optional.of(lookup.type());
    }
  }
}
