package com.example.shop;

import dev.sessionconfig.runtime.ConfigSelector;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.SessionSettings;
import java.util.function.Function;

/** Picks a config by APP_ENV, shows where each setting comes from, then loads and validates it. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    ConfigSelector<Function<ConfigSource, SessionSettings>> selector = ConfigSelector
        .<Function<ConfigSource, SessionSettings>>byEnvironment("APP_ENV")
        .option("development", DevelopmentConfigLoader::load)
        .option("production", ProductionConfigLoader::load)
        .orDefault("development");
    ConfigSource source = ConfigSource.system();
    String name = selector.selectedName(source);
    String description = name.equals("production")
        ? ProductionConfigLoader.describe(source) : DevelopmentConfigLoader.describe(source);
    System.out.println(description);
    try {
      SessionSettings settings = selector.select(source).apply(source);
      System.out.println("Loaded " + name + " settings: store " + settings.sessionType().configName()
          + ", idle timeout " + settings.permanentSessionLifetime() + ", secure cookie " + settings.cookieSecure());
    } catch (SessionConfigException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }
}
