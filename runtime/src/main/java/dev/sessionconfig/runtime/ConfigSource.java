package dev.sessionconfig.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a generated loader looks up the environment variables, system properties and files that a config
 * class's initializers read. {@link #system()} in production, {@link #of(Map)} in tests.
 */
public interface ConfigSource {

  /** The environment variable's value, or {@code null} when it is not set. */
  String getenv(String name);

  /** The system property's value, or {@code null} when it is not set. */
  String getProperty(String name);

  /** The file's whole content as UTF-8 text, as {@code Files.readString} would return it. */
  default String readFile(String path) throws IOException {
    return Files.readString(Path.of(path));
  }

  /** A short description for {@code describe} output. */
  default String description() {
    return getClass().getSimpleName();
  }

  /** The process's real environment, system properties and files. */
  static ConfigSource system() {
    return SystemConfigSource.INSTANCE;
  }

  /** The given environment variables, no system properties, and the real file system. */
  static ConfigSource of(Map<String, String> environment) {
    return of(environment, Map.of());
  }

  /** The given environment variables and system properties, and the real file system. */
  static ConfigSource of(Map<String, String> environment, Map<String, String> properties) {
    Map<String, String> env = Map.copyOf(environment);
    Map<String, String> props = Map.copyOf(properties);
    return new ConfigSource() {
      @Override
      public String getenv(String name) {
        return env.get(name);
      }

      @Override
      public String getProperty(String name) {
        return props.get(name);
      }

      @Override
      public String description() {
        return "a given map";
      }

      @Override
      public String toString() {
        return "ConfigSource.of(" + env.keySet() + ", " + props.keySet() + ")";
      }
    };
  }
}
