package dev.sessionconfig.runtime;

import dev.sessionconfig.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Picks one of several config classes (DevelopmentConfig, ProductionConfig...) by an environment variable,
 * the way a Flask app picks {@code config[os.environ['APP_ENV']]}. An unknown name fails with the list of
 * known ones; an unset variable picks the default, if one is given.
 *
 * <pre>{@code
 * SessionSettings settings = ConfigSelector.byEnvironment("APP_ENV")
 *     .option("development", DevelopmentConfigLoader::load)
 *     .option("production", ProductionConfigLoader::load)
 *     .orDefault("development")
 *     .load(ConfigSource.system());
 * }</pre>
 */
public final class ConfigSelector {
  private final String variable;
  private final Map<String, Function<ConfigSource, SessionSettings>> options = new LinkedHashMap<>();
  private String defaultName;

  private ConfigSelector(String variable) {
    this.variable = variable;
  }

  /** A selector reading the environment variable {@code variable}. */
  public static ConfigSelector byEnvironment(String variable) {
    return new ConfigSelector(variable);
  }

  /** Adds the config loaded by {@code loader} under {@code name}. */
  public ConfigSelector option(String name, Function<ConfigSource, SessionSettings> loader) {
    if (options.putIfAbsent(name, loader) != null) {
      throw new IllegalArgumentException("config '" + name + "' is already an option");
    }
    return this;
  }

  /** The option to use when the variable is not set; without one, an unset variable is an error. */
  public ConfigSelector orDefault(String name) {
    if (!options.containsKey(name)) {
      throw new IllegalArgumentException("default '" + name + "' is not one of the options " + options.keySet());
    }
    this.defaultName = name;
    return this;
  }

  /** The name the variable selects in {@code source}. */
  public String selectedName(ConfigSource source) {
    String name = source.getenv(variable);
    if (name == null || name.isBlank()) {
      if (defaultName == null) {
        throw new SessionConfigException("selected by " + variable, List.of(variable
            + ": environment variable " + variable + " is not set; set it to one of " + options.keySet()));
      }
      return defaultName;
    }
    if (!options.containsKey(name.trim())) {
      String hint = Names.closest(name.trim(), options.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("");
      throw new SessionConfigException("selected by " + variable, List.of(variable + ": environment variable "
          + variable + " is '" + name + "', which names no config; " + hint + "use one of " + options.keySet()));
    }
    return name.trim();
  }

  /** Loads the selected config's settings from {@code source}. */
  public SessionSettings load(ConfigSource source) {
    return options.get(selectedName(source)).apply(source);
  }
}
