package dev.sessionconfig.runtime;

import dev.sessionconfig.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks one of several config classes (DevelopmentConfig, ProductionConfig...) by an environment variable,
 * the way a Flask app picks {@code config[os.environ['APP_ENV']]}. An unknown name fails with the list of
 * known ones and a "did you mean"; an unset variable picks the default, if one is given. What is picked is up
 * to the caller: a loader's {@code load}, its {@code initApp}, or anything else.
 *
 * <pre>{@code
 * SessionSettings settings = ConfigSelector.<Function<ConfigSource, SessionSettings>>byEnvironment("APP_ENV")
 *     .option("development", DevelopmentConfigLoader::load)
 *     .option("production", ProductionConfigLoader::load)
 *     .orDefault("development")
 *     .select(ConfigSource.system())
 *     .apply(ConfigSource.system());
 * }</pre>
 *
 * @param <T> what each option is
 */
public final class ConfigSelector<T> {
  private final String variable;
  private final Map<String, T> options = new LinkedHashMap<>();
  private String defaultName;

  private ConfigSelector(String variable) {
    this.variable = variable;
  }

  /** A selector reading the environment variable {@code variable}. */
  public static <T> ConfigSelector<T> byEnvironment(String variable) {
    return new ConfigSelector<>(variable);
  }

  /** Adds {@code option} under {@code name}. */
  public ConfigSelector<T> option(String name, T option) {
    if (options.putIfAbsent(name, option) != null) {
      throw new IllegalArgumentException("config '" + name + "' is already an option");
    }
    return this;
  }

  /** The option to use when the variable is not set; without one, an unset variable is an error. */
  public ConfigSelector<T> orDefault(String name) {
    if (!options.containsKey(name)) {
      throw new IllegalArgumentException("default '" + name + "' is not one of the options " + options.keySet());
    }
    this.defaultName = name;
    return this;
  }

  /**
   * The name the variable selects in {@code source}.
   *
   * @throws SessionConfigException when it is unset without a default, or names no option
   */
  public String selectedName(ConfigSource source) {
    String name = source.getenv(variable);
    if (name == null) {
      if (defaultName == null) {
        throw new SessionConfigException("selected by " + variable, List.of(variable
            + ": environment variable " + variable + " is not set; set it to one of " + options.keySet()));
      }
      return defaultName;
    }
    if (name.isBlank()) {
      // Set but empty is a deployment mistake more often than a choice: it must not quietly pick the default.
      throw new SessionConfigException("selected by " + variable, List.of(variable + ": environment variable "
          + variable + " is set but empty; " + (defaultName == null ? "" : "unset it for '" + defaultName + "', or ")
          + "set it to one of " + options.keySet()));
    }
    if (!options.containsKey(name.trim())) {
      String hint = Names.closest(name.trim(), options.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("");
      throw new SessionConfigException("selected by " + variable, List.of(variable + ": environment variable "
          + variable + " is '" + name + "', which names no config; " + hint + "use one of " + options.keySet()));
    }
    return name.trim();
  }

  /** The option the variable selects in {@code source}. */
  public T select(ConfigSource source) {
    return options.get(selectedName(source));
  }
}
