package dev.sessionconfig.runtime;

/** The real process environment. */
enum SystemConfigSource implements ConfigSource {
  INSTANCE;

  @Override
  public String getenv(String name) {
    return System.getenv(name);
  }

  @Override
  public String getProperty(String name) {
    return System.getProperty(name);
  }

  @Override
  public String description() {
    return "the system environment";
  }

  @Override
  public String toString() {
    return "ConfigSource.system()";
  }
}
