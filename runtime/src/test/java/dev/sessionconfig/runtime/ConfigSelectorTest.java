package dev.sessionconfig.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionconfig.Setting;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConfigSelectorTest {
  private static final String KEY = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-not-a-placeholder";

  private static SessionSettings load(String name, ConfigSource source) {
    return SettingsCollector.forConfig(name, false, source)
        .lookup(Setting.SECRET_KEY, Lookup.env("SECRET_KEY"))
        .constant(Setting.SESSION_TYPE, name + ".SESSION_TYPE", "filesystem").settings();
  }

  private final ConfigSelector<Function<ConfigSource, SessionSettings>> selector = ConfigSelector
      .<Function<ConfigSource, SessionSettings>>byEnvironment("APP_ENV")
      .option("development", source -> load("DevelopmentConfig", source))
      .option("production", source -> load("ProductionConfig", source));

  private SessionSettings load(ConfigSource source) {
    return selector.select(source).apply(source);
  }

  @Test
  void picksTheNamedConfig() {
    assertEquals("ProductionConfig", load(ConfigSource.of(Map.of("APP_ENV", "production", "SECRET_KEY", KEY))).configClass());
  }

  @Test
  void unknownNameFailsWithSuggestion() {
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> load(ConfigSource.of(Map.of("APP_ENV", "prodution"))));
    assertEquals(List.of("APP_ENV: environment variable APP_ENV is 'prodution', which names no config; did you mean"
        + " 'production'? use one of [development, production]"), e.problems());
  }

  @Test
  void unsetVariableUsesTheDefaultOrFails() {
    assertThrows(SessionConfigException.class, () -> load(ConfigSource.of(Map.of())));
    assertEquals("development", selector.orDefault("development").selectedName(ConfigSource.of(Map.of())));
  }

  @Test
  void aVariableSetButEmptyIsAProblemNotTheDefault() {
    SessionConfigException e = assertThrows(SessionConfigException.class,
        () -> selector.orDefault("development").selectedName(ConfigSource.of(Map.of("APP_ENV", " "))));
    assertEquals(List.of("APP_ENV: environment variable APP_ENV is set but empty; unset it for 'development', or set"
        + " it to one of [development, production]"), e.problems());
  }
}
