package dev.sessionconfig.processor.validate;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.read.ConfigClass;
import dev.sessionconfig.processor.read.EnumConstant;
import dev.sessionconfig.processor.read.LookupExpr;
import dev.sessionconfig.processor.read.SettingField;
import dev.sessionconfig.processor.read.ValueSource;
import java.util.Optional;
import javax.lang.model.util.Elements;

/**
 * Checks SESSION_TYPE: {@code [MissingSessionType]}, {@code [UnknownSessionType]}, {@code [NullSessionType]},
 * {@code [UnsupportedSessionType]} and {@code [MissingStoreModule]}.
 */
public final class SessionTypeValidator {
  private static final String SESSION_TYPE_ENUM = SessionType.class.getName();

  private final Elements elements;

  public SessionTypeValidator(Elements elements) {
    this.elements = elements;
  }

  /**
   * @param strayHint where SESSION_TYPE is declared outside any config class in this compilation, for the
   *     missing-type message; empty when it is nowhere
   */
  public void validate(ConfigClass config, Optional<String> strayHint, Report report) {
    Optional<SettingField> field = config.staticField("SESSION_TYPE");
    if (field.isEmpty()) {
      report.onAnnotation(config.type(), config.annotation(), null, Message.MissingSessionType,
          config.type().getSimpleName(), strayHint.map(where -> " (SESSION_TYPE is declared in " + where
              + ", which is not a @SessionConfig class, so it is never read)").orElse(""));
      return;
    }
    ValueSource source = field.get().source();
    if (source.isNullLiteral()) {
      Positions.onValue(report, field.get(), source, Message.NullSessionType, "null");
      return;
    }
    if (source.kind() == ValueSource.Kind.LITERAL_FALLBACK) {
      source.lookup().ifPresent(lookup -> checkFallback(field.get(), source, lookup, report));
      return;
    }
    Optional<SessionType> type = knownType(config, source, field.get(), report);
    type.ifPresent(t -> checkStoreModule(field.get(), source, t, report));
  }

  /** The session type when it is a compile-time constant; empty when only the startup environment knows it. */
  public static Optional<SessionType> constantType(ConfigClass config) {
    return config.staticField("SESSION_TYPE").flatMap(field -> {
      Optional<Object> value = field.source().kind() == ValueSource.Kind.LITERAL ? field.source().value() : Optional.empty();
      if (value.isPresent() && value.get() instanceof EnumConstant) {
        return Optional.of(SessionType.valueOf(((EnumConstant) value.get()).constant()));
      }
      if (value.isPresent() && value.get() instanceof String) {
        SessionType.Lookup lookup = SessionType.lookup((String) value.get());
        return Optional.ofNullable(lookup.usable() ? lookup.type() : null);
      }
      return Optional.empty();
    });
  }

  private Optional<SessionType> knownType(ConfigClass config, ValueSource source, SettingField field, Report report) {
    if (source.kind() != ValueSource.Kind.LITERAL || source.value().isEmpty()) {
      return Optional.empty();
    }
    Object value = source.value().get();
    if (value instanceof EnumConstant && ((EnumConstant) value).enumType().equals(SESSION_TYPE_ENUM)) {
      SessionType type = SessionType.valueOf(((EnumConstant) value).constant());
      if (type.storeArtifactId().isEmpty()) {
        SessionType.Lookup lookup = SessionType.lookup(type.configName());
        Positions.onValue(report, field, source, Message.UnsupportedSessionType, lookup.reason(), lookup.fix());
        return Optional.empty();
      }
      return Optional.of(type);
    }
    if (value instanceof String) {
      return checkName(field, source, (String) value, report);
    }
    return Optional.empty();
  }

  /** The session type the code falls back to when nothing is set, converted as the code converts it. */
  private void checkFallback(SettingField field, ValueSource source, LookupExpr lookup, Report report) {
    Optional<Object> fallback;
    try {
      fallback = lookup.valueWhenUnset();
    } catch (IllegalArgumentException e) {
      String[] parts = e.getMessage().split("; ", 2);
      Positions.onValue(report, field, source, Message.UnknownSessionType, parts[0],
          parts.length > 1 ? parts[1] : SessionType.lookup("").fix());
      return;
    }
    if (fallback.isPresent() && fallback.get() instanceof String) {
      checkName(field, source, (String) fallback.get(), report);
    } else if (fallback.isPresent() && fallback.get() instanceof SessionType
        && ((SessionType) fallback.get()).storeArtifactId().isEmpty()) {
      SessionType.Lookup unsupported = SessionType.lookup(((SessionType) fallback.get()).configName());
      Positions.onValue(report, field, source, Message.UnsupportedSessionType, unsupported.reason(), unsupported.fix());
    }
  }

  private Optional<SessionType> checkName(SettingField field, ValueSource source, String name, Report report) {
    SessionType.Lookup lookup = SessionType.lookup(name);
    switch (lookup.match()) {
      case NULL_TYPE:
        Positions.onValue(report, field, source, Message.NullSessionType, "'" + name + "'");
        return Optional.empty();
      case NO_STORE:
        Positions.onValue(report, field, source, Message.UnsupportedSessionType, lookup.reason(), lookup.fix());
        return Optional.empty();
      case UNKNOWN:
        Positions.onValue(report, field, source, Message.UnknownSessionType, lookup.reason(),
            lookup.hint() != null ? "write '" + lookup.hint() + "' (or SessionType." + lookup.hint().toUpperCase(java.util.Locale.ROOT) + ")"
                : lookup.fix() + ", or a SessionType constant");
        return Optional.empty();
      case ALIAS:
        Positions.onValue(report, field, source, Message.SessionTypeAlias, name, lookup.type().configName(),
            lookup.type().name());
        return Optional.of(lookup.type());
      default:
        return Optional.of(lookup.type());
    }
  }

  private void checkStoreModule(SettingField field, ValueSource source, SessionType type, Report report) {
    String storeClass = type.storeClassName().orElseThrow();
    if (elements.getTypeElement(storeClass) == null) {
      Positions.onValue(report, field, source, Message.MissingStoreModule, type.configName(),
          "dev.sessionconfig:" + type.storeArtifactId().orElseThrow(), type.storeArtifactId().orElseThrow());
    }
  }
}
