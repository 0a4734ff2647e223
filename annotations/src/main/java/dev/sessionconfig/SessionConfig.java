package dev.sessionconfig;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose static upper-case fields are session settings, the way Flask's
 * {@code app.config.from_object(Config)} reads a Python class.
 *
 * <p>The annotation processor checks the class when it is compiled (a wrong or missing setting fails the
 * build) and generates {@code <Class>Loader} next to it, with {@code load()}, {@code load(ConfigSource)},
 * {@code describe(ConfigSource)} and, when the Servlet API is on the class path, {@code initApp(...)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SessionConfig {

  /**
   * A configuration for development only. When its {@code SECRET_KEY} is not set at startup, the loader
   * generates a random key for this process and logs a warning, instead of failing: sessions then last only
   * as long as the process. A literal key is still an error.
   */
  boolean development() default false;
}
