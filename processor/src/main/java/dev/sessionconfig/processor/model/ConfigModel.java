package dev.sessionconfig.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** Everything the loader writer needs for one config class; built only from a class that passed every check. */
public final class ConfigModel {
  private final ClassName configClass;
  private final ClassName loaderClass;
  private final boolean development;
  private final List<SettingModel> settings;
  private final boolean readsDeprecated;
  private final boolean servletApi;

  ConfigModel(ClassName configClass, ClassName loaderClass, boolean development, List<SettingModel> settings,
      boolean readsDeprecated, boolean servletApi) {
    this.servletApi = servletApi;
    this.configClass = configClass;
    this.loaderClass = loaderClass;
    this.development = development;
    this.settings = List.copyOf(settings);
    this.readsDeprecated = readsDeprecated;
  }

  /** Whether the Servlet API and the runtime's servlet integration are on the class path: then initApp is generated. */
  public boolean servletApi() {
    return servletApi;
  }

  /** Whether the loader reads a deprecated class or field, whose warnings it must suppress under -Xlint:all. */
  public boolean readsDeprecated() {
    return readsDeprecated;
  }

  public ClassName configClass() {
    return configClass;
  }

  /** {@code com.acme.ConfigLoader}; {@code com.acme.Outer_ConfigLoader} for a nested {@code Outer.Config}. */
  public ClassName loaderClass() {
    return loaderClass;
  }

  public boolean development() {
    return development;
  }

  /** The declared settings, in the catalogue's order (so the output never depends on declaration order). */
  public List<SettingModel> settings() {
    return settings;
  }
}
