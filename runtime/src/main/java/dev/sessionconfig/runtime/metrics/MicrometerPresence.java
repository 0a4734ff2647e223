package dev.sessionconfig.runtime.metrics;

/** Whether Micrometer can be used: asked once, so that no Micrometer class is touched without it. */
final class MicrometerPresence {
  static final boolean AVAILABLE = present("io.micrometer.core.instrument.Metrics");

  private MicrometerPresence() {}

  private static boolean present(String className) {
    try {
      Class.forName(className, false, MicrometerPresence.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
