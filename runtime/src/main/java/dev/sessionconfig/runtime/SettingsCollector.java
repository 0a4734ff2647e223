package dev.sessionconfig.runtime;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.SettingRules;
import dev.sessionconfig.runtime.values.AttributeTypes;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gathers a config class's settings as its generated loader finds them, then validates them all at once.
 * Called by generated {@code <Class>Loader}s; public only for them.
 */
public final class SettingsCollector {
  private final String configClass;
  private final boolean development;
  private final ConfigSource source;
  private final Map<Setting, Found> found = new EnumMap<>(Setting.class);
  /** The settings whose field could not be read because the config class failed to initialize, and why. */
  private final Map<Setting, String> uninitialized = new EnumMap<>(Setting.class);
  private String initializationFailure;

  /**
   * A setting as found: its origin, and its normalized value or why there is none.
   *
   * @param unsetReason why there is no value (the default applies), e.g. {@code environment variable K is not set}
   * @param problem why the value cannot be used: a startup problem
   * @param weakening a warning that the environment made a cookie setting weaker than its default, or {@code null}
   */
  private record Found(String origin, Object value, String unsetReason, String problem, String weakening) {
    static Found value(String origin, Object value) {
      return new Found(origin, value, null, null, null);
    }

    static Found unset(String origin, String reason) {
      return new Found(origin, null, reason, null, null);
    }

    static Found problem(String origin, String problem) {
      return new Found(origin, null, null, problem, null);
    }

    Found withWeakening(String warning) {
      return new Found(origin, value, unsetReason, problem, warning);
    }
  }

  private SettingsCollector(String configClass, boolean development, ConfigSource source) {
    this.configClass = configClass;
    this.development = development;
    this.source = source;
  }

  /** Starts collecting the settings of {@code configClass}, answering lookups from {@code source}. */
  public static SettingsCollector forConfig(String configClass, boolean development, ConfigSource source) {
    return new SettingsCollector(configClass, development, source);
  }

  /** A value the processor knew at compile time, declared by {@code field}. */
  public SettingsCollector constant(Setting setting, String field, Object value) {
    String origin = "constant " + field;
    if (value == null) {
      found.put(setting, Found.unset(origin, field + " is null"));
    } else {
      accept(setting, origin, value);
    }
    return this;
  }

  /**
   * A value the field's initializer looks up, replayed against this collector's source with the initializer's
   * own conversions ({@code Boolean.parseBoolean}...), each applied strictly.
   */
  public SettingsCollector lookup(Setting setting, Lookup lookup) {
    String origin = lookup.describe();
    try {
      Object value = lookup.resolve(source);
      if (value == null) {
        found.put(setting, Found.unset(origin, lookup.missing()));
        return this;
      }
      accept(setting, origin, value);
      Found accepted = found.get(setting);
      if (accepted.value() != null) {
        weakening(setting, accepted.value(), lookup).ifPresent(warning -> found.put(setting, accepted.withWeakening(warning)));
      }
    } catch (Lookup.UnusableValue e) {
      found.put(setting, Found.problem(origin, !e.needsOrigin() ? e.getMessage()
          : setting.isSecret() ? "the value of " + lookup.sourceList() + " cannot be converted" + " (from " + origin + ")"
          : e.getMessage() + " (from " + origin + ")"));
    } catch (IOException | RuntimeException e) {
      found.put(setting, Found.problem(origin, origin + " cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    return this;
  }

  /**
   * A warning when {@code value}, found by {@code lookup}, makes the session cookie weaker than the value the
   * setting has when nothing is set: the code's own fallback, else the setting's default.
   */
  private static Optional<String> weakening(Setting setting, Object value, Lookup lookup) {
    Optional<Object> baseline = valueWhenUnset(setting, lookup).or(setting::defaultValue);
    return baseline.flatMap(base -> SettingRules.weakening(setting, value, base).map(consequence ->
        setting + ": " + display(setting, value) + " (from " + lookup.describe() + ") is weaker than the default, "
            + display(setting, base) + ": " + consequence + ". Unless that is meant, unset " + lookup.sourceList()
            + " or set it to " + display(setting, base) + "."));
  }

  /** What the lookup's code gives when nothing is set (its fallback), normalized; empty when nothing. */
  private static Optional<Object> valueWhenUnset(Setting setting, Lookup lookup) {
    try {
      return lookup.valueWhenUnset().map(setting::normalize);
    } catch (RuntimeException e) {
      return Optional.empty(); // the code has no usable value of its own: the setting's default applies
    }
  }

  /**
   * A value only the field itself can give (its initializer is not a lookup the processor recognised).
   * {@code seen} are the lookups the processor saw inside that initializer, named when the value is missing.
   */
  public SettingsCollector field(Setting setting, String field, Supplier<?> read, Lookup... seen) {
    String origin = "field " + field;
    Object value;
    try {
      value = read.get();
    } catch (RuntimeException | LinkageError e) {
      // The class's static initializer failed: one problem for the class, naming every field it left unread. Its
      // exception message is not shown: it may quote a secret.
      if (initializationFailure == null) {
        initializationFailure = rootCause(e).getClass().getName();
      }
      uninitialized.put(setting, field + " (" + setting + unsetLookups(seen) + ")");
      return this;
    }
    if (value == null) {
      found.put(setting, Found.unset(origin, field + " is null" + unsetLookups(seen)));
    } else {
      accept(setting, origin, value);
    }
    return this;
  }

  /** The validated settings. */
  public SessionSettings settings() {
    Evaluation evaluation = evaluate();
    if (evaluation.hasProblems()) {
      throw new SessionConfigException(configClass, evaluation.problems());
    }
    if (!evaluation.warnings.isEmpty()) {
      // Looked up only when there is something to say: starting the logging backend costs the loader's cold start.
      System.Logger log = System.getLogger("dev.sessionconfig");
      for (String warning : evaluation.warnings) {
        log.log(System.Logger.Level.WARNING, configClass + ": " + warning);
      }
    }
    return new SessionSettings(configClass, development, evaluation.values);
  }

  /** Each setting's effective value (secrets masked) and where it came from, then any problems. */
  public String describe() {
    Evaluation evaluation = evaluate();
    StringBuilder text = new StringBuilder("Session settings of ").append(configClass)
        .append(development ? " (development)" : "").append(" from ").append(source.description()).append(':');
    SessionType type = (SessionType) evaluation.values.get(Setting.SESSION_TYPE);
    for (Setting setting : Setting.values()) {
      boolean relevant = setting.store().map(store -> store == type).orElse(true);
      if (!relevant && !found.containsKey(setting)) {
        continue;
      }
      Object value = evaluation.values.get(setting);
      text.append(System.lineSeparator()).append(String.format("  %-30s = %-24s (%s)",
          setting.name(), value == null ? "<not set>" : display(setting, value), evaluation.origins.get(setting)));
    }
    for (String problem : evaluation.problems()) {
      text.append(System.lineSeparator()).append("  problem: ").append(problem);
    }
    for (String warning : evaluation.warnings) {
      text.append(System.lineSeparator()).append("  warning: ").append(warning);
    }
    return text.toString();
  }

  /** A value as it may be printed: secrets masked, passwords in URLs masked. */
  static String display(Setting setting, Object value) {
    if (setting.isSecret()) {
      return value instanceof List ? "[" + "****, ".repeat(((List<?>) value).size()).replaceAll(", $", "") + "]" : "****";
    }
    if (setting.mayCarryCredentials() && value instanceof String) {
      return SettingRules.maskCredentials((String) value);
    }
    if (setting.kind() == Setting.ValueKind.FILE_MODE) {
      return String.format("0%o", (Integer) value);
    }
    if (value instanceof SessionType) {
      return ((SessionType) value).configName();
    }
    return String.valueOf(value);
  }

  private static final class Evaluation {
    final Map<Setting, Object> values = new EnumMap<>(Setting.class);
    final Map<Setting, String> origins = new EnumMap<>(Setting.class);
    /** Problems by setting, so they are listed in the catalogue's order whichever rule found them. */
    final Map<Setting, List<String>> problems = new EnumMap<>(Setting.class);
    final List<String> warnings = new ArrayList<>();

    /** Problems of the config class as a whole, listed after those of single settings. */
    final List<String> classProblems = new ArrayList<>();

    void problem(Setting setting, String text) {
      problems.computeIfAbsent(setting, s -> new ArrayList<>()).add(setting + ": " + text);
    }

    List<String> problems() {
      List<String> all = new ArrayList<>();
      problems.values().forEach(all::addAll);
      all.addAll(classProblems);
      return all;
    }

    boolean hasProblems() {
      return !problems.isEmpty() || !classProblems.isEmpty();
    }
  }

  private Evaluation evaluate() {
    Evaluation result = new Evaluation();
    for (Setting setting : Setting.values()) {
      Found entry = found.get(setting);
      if (uninitialized.containsKey(setting)) {
        result.origins.put(setting, "field " + uninitialized.get(setting) + ", whose class failed to initialize");
      } else if (entry == null) {
        result.origins.put(setting, "default");
        putDefault(result, setting);
      } else if (entry.problem() != null) {
        result.origins.put(setting, entry.origin());
        result.problem(setting, entry.problem());
      } else if (entry.value() == null) {
        result.origins.put(setting, entry.unsetReason() + "; default");
        putDefault(result, setting);
      } else {
        result.origins.put(setting, entry.origin());
        result.values.put(setting, entry.value());
      }
    }
    if (initializationFailure != null) {
      result.classProblems.add(initializationProblem());
    }
    requireSessionType(result);
    requireSecretKey(result);
    applyStoreDefaults(result);
    if (!result.values.containsKey(Setting.SESSION_FILE_DIR)) {
      // Under the user's home, which no other local user can create first: in the shared temp directory anyone
      // could make the directory before the application and read every session in it.
      result.values.put(Setting.SESSION_FILE_DIR,
          java.nio.file.Path.of(System.getProperty("user.home"), ".sessionconfig", "sessions").toString());
    }
    if (!result.hasProblems()) {
      for (SettingRules.Violation violation : SettingRules.checkCombination(result.values)) {
        report(result, violation, result.origins.get(violation.setting()));
      }
    }
    // Weak values were accepted by accept(); they are reported here, as warnings: one per setting, the one
    // naming the environment value that weakened it when there is one.
    for (Map.Entry<Setting, Found> entry : found.entrySet()) {
      Setting setting = entry.getKey();
      Found value = entry.getValue();
      if (value.value() == null) {
        continue;
      }
      if (value.weakening() != null) {
        result.warnings.add(value.weakening());
        continue;
      }
      Optional<SettingRules.Violation> violation = SettingRules.check(setting, value.value());
      if (violation.isPresent() && violation.get().severity() == SettingRules.Severity.WEAK) {
        report(result, violation.get(), value.origin());
      }
    }
    return result;
  }

  /** The one problem of a config class whose static initializer failed, naming the settings it left unread. */
  private String initializationProblem() {
    StringBuilder fields = new StringBuilder();
    for (String field : uninitialized.values()) {
      fields.append(fields.length() == 0 ? "" : ", ").append(field);
    }
    return configClass + ": initializing it failed (" + initializationFailure + "), so the loader cannot read "
        + (uninitialized.size() == 1 ? "the field " : "the fields ") + fields;
  }

  private static void putDefault(Evaluation result, Setting setting) {
    Optional<Object> value = setting.defaultValue();
    if (value.isPresent()) {
      result.values.put(setting, value.get());
    }
  }

  private void requireSessionType(Evaluation result) {
    if (!result.values.containsKey(Setting.SESSION_TYPE) && !hasProblem(Setting.SESSION_TYPE)) {
      Found entry = found.get(Setting.SESSION_TYPE);
      if (uninitialized.containsKey(Setting.SESSION_TYPE)) {
        return; // reported with the class's initialization
      }
      result.problem(Setting.SESSION_TYPE, (entry != null ? entry.unsetReason() : "not declared in " + configClass)
          + "; sessions need a store, e.g. 'filesystem'");
    }
  }

  private void requireSecretKey(Evaluation result) {
    if (result.values.containsKey(Setting.SECRET_KEY) || hasProblem(Setting.SECRET_KEY)
        || uninitialized.containsKey(Setting.SECRET_KEY)) {
      return;
    }
    Found entry = found.get(Setting.SECRET_KEY);
    String reason = entry != null ? entry.unsetReason() : "not declared in " + configClass;
    if (development) {
      byte[] key = new byte[64];
      new SecureRandom().nextBytes(key);
      result.values.put(Setting.SECRET_KEY, Secret.of(key));
      result.origins.put(Setting.SECRET_KEY, "random key for this process (development config)");
      result.warnings.add("SECRET_KEY: " + reason + "; using a random key for this process only (development"
          + " config): sessions end when the process does. Set SECRET_KEY to keep them.");
    } else {
      result.problem(Setting.SECRET_KEY, reason);
    }
  }

  private void applyStoreDefaults(Evaluation result) {
    SessionType type = (SessionType) result.values.get(Setting.SESSION_TYPE);
    if (type == null) {
      return;
    }
    Optional<Setting> connectionSetting = Setting.connectionSettingOf(type);
    if (connectionSetting.isEmpty()) {
      return;
    }
    Setting connection = connectionSetting.get();
    Found entry = found.get(connection);
    boolean given = entry != null && entry.value() != null;
    if (given || hasProblem(connection) || uninitialized.containsKey(connection)) {
      return;
    }
    Optional<Object> fallback = connection.defaultValue();
    String reason = entry != null ? entry.unsetReason() : "not declared in " + configClass;
    if (fallback.isPresent()) {
      result.warnings.add(connection + ": " + reason + "; using " + display(connection, fallback.get()));
    } else {
      result.problem(connection, reason + "; the " + type.configName() + " store needs it");
    }
  }

  private boolean hasProblem(Setting setting) {
    Found entry = found.get(setting);
    return entry != null && entry.problem() != null;
  }

  private void accept(Setting setting, String origin, Object raw) {
    try {
      Object value = setting.isSecret() ? secretValue(setting, raw)
          : setting.kind() == Setting.ValueKind.TYPE_LIST ? attributeTypes(raw)
          : setting.normalize(raw);
      Optional<SettingRules.Violation> violation = SettingRules.check(setting, value);
      found.put(setting, violation.isPresent() && violation.get().severity() != SettingRules.Severity.WEAK
          ? Found.problem(origin, violation.get().text() + " (from " + origin + ")")
          : Found.value(origin, value));
    } catch (IllegalArgumentException e) {
      found.put(setting, Found.problem(origin, e.getMessage() + " (from " + origin + ")"));
    }
  }

  private static Object secretValue(Setting setting, Object raw) {
    if (setting == Setting.SECRET_KEY_FALLBACKS) {
      Object items = raw instanceof String ? setting.parse((String) raw) : setting.normalize(raw);
      List<Secret> secrets = new ArrayList<>();
      int index = 0;
      for (Object item : (List<?>) items) {
        index++;
        if (item == null) {
          continue; // an old key that is not configured (its variable is unset) is simply not accepted
        }
        Secret secret = toSecret(item);
        Optional<String> problem = SettingRules.checkSecret(secret.bytes());
        if (problem.isPresent()) {
          throw new IllegalArgumentException("fallback key " + index + " " + problem.get());
        }
        secrets.add(secret);
      }
      return List.copyOf(secrets);
    }
    Secret secret = toSecret(raw);
    if (setting == Setting.SECRET_KEY) {
      Optional<String> problem = SettingRules.checkSecret(secret.bytes());
      if (problem.isPresent()) {
        throw new IllegalArgumentException("the key " + problem.get());
      }
    }
    return secret;
  }

  /** SESSION_ATTRIBUTE_TYPES: as a generated loader registers it, or the classes the config class's field holds. */
  private static AttributeTypes attributeTypes(Object raw) {
    if (raw instanceof AttributeTypes) {
      return (AttributeTypes) raw;
    }
    if (raw instanceof Object[]) {
      return AttributeTypes.ofClasses(java.util.Arrays.asList((Object[]) raw));
    }
    if (raw instanceof Iterable) {
      return AttributeTypes.ofClasses((Iterable<?>) raw);
    }
    throw new IllegalArgumentException("a " + raw.getClass().getName() + " is not a list of classes; list them,"
        + " e.g. List.of(Cart.class, Role.class)");
  }

  private static Secret toSecret(Object raw) {
    if (raw instanceof char[]) {
      return Secret.of((char[]) raw);
    }
    if (raw instanceof byte[]) {
      return Secret.of((byte[]) raw);
    }
    if (raw instanceof String) {
      return Secret.of((String) raw);
    }
    throw new IllegalArgumentException("a " + raw.getClass().getSimpleName() + " is not a secret; use a String, char[] or byte[]");
  }

  private static void report(Evaluation result, SettingRules.Violation violation, String origin) {
    String text = violation.text() + " (from " + origin + ")";
    if (violation.severity() == SettingRules.Severity.WEAK) {
      result.warnings.add(violation.setting() + ": " + text);
    } else {
      result.problem(violation.setting(), text);
    }
  }

  private String unsetLookups(Lookup... seen) {
    List<String> missing = new ArrayList<>();
    for (Lookup lookup : seen) {
      try {
        if (lookup.resolve(source) == null) {
          missing.add(lookup.missing());
        }
      } catch (IOException | Lookup.UnusableValue | RuntimeException e) {
        missing.add(lookup.describe() + " cannot be read");
      }
    }
    return missing.isEmpty() ? "" : "; " + String.join("; ", missing);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
