package dev.sessionconfig.processor.validate;

import dev.sessionconfig.processor.Message;
import dev.sessionconfig.processor.Report;
import dev.sessionconfig.processor.facts.MisplacedConfig;

/**
 * {@code [NotAConfigClass]}: {@code @SessionConfig} on a type the loader cannot read settings from. Checked before
 * the class is read, since there is no config class to read then.
 */
public final class MisplacedAnnotation {
  private MisplacedAnnotation() {}

  public static void check(MisplacedConfig shape, Report report) {
    String fix = shape.isClass() ? "make it a top-level class or a static nested class that is not private"
        : "put the settings in a class: @SessionConfig public class " + shape.name()
            + " { static final String SECRET_KEY = System.getenv(\"SECRET_KEY\"); ... }";
    report.at(shape.at(), Message.NotAConfigClass, shape.name(), shape.problem(), fix);
  }
}
