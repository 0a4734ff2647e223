package dev.sessionconfig.it.store;

/** The session stores the suite runs against. */
public enum StoreKind {
  FILESYSTEM("filesystem"),
  REDIS("redis");

  private final String configName;

  StoreKind(String configName) {
    this.configName = configName;
  }

  /** The SESSION_TYPE value that selects it. */
  public String configName() {
    return configName;
  }

  @Override
  public String toString() {
    return configName;
  }
}
