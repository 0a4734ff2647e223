package dev.sessionconfig.runtime;

/**
 * The loader the annotation processor generated for one {@code @SessionConfig} class, as frameworks find it: each
 * {@code ConfigLoader} has a nested {@code ConfigLoader.Provider} implementing this, listed in the compilation's
 * {@code META-INF/services/dev.sessionconfig.runtime.GeneratedLoader}. The Spring Boot starter finds the
 * application's config this way; plain code calls the loader's static methods instead.
 */
public interface GeneratedLoader {

  /** The fully qualified name of the {@code @SessionConfig} class this loader reads. */
  String configClass();

  /**
   * The loader's {@code load(source)}: the settings, with every lookup answered by {@code source}.
   *
   * @throws SessionConfigException listing every problem, one per line
   */
  SessionSettings load(ConfigSource source);

  /** The loader's {@code describe(source)}: each effective setting and where it came from, secrets masked. */
  String describe(ConfigSource source);
}
