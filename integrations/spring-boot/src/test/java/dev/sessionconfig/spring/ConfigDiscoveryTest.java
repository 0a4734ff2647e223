package dev.sessionconfig.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.GeneratedLoader;
import dev.sessionconfig.runtime.SessionSettings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the starter finds the application's loader in the service file the processor writes. */
class ConfigDiscoveryTest {
  @TempDir
  Path dir;

  @Test
  void theOnlyLoaderIsUsedWithoutBeingNamed() throws IOException {
    assertEquals("com.acme.ProductionConfig", ConfigDiscovery.find(loaders(Production.class), null).configClass());
  }

  @Test
  void twoLoadersWithoutAChoiceAreAStartupErrorNamingBothAndTheProperty() throws IOException {
    StarterSetupException e = assertThrows(StarterSetupException.class,
        () -> ConfigDiscovery.find(loaders(Production.class, Development.class), null));
    assertEquals("2 @SessionConfig classes were found (com.acme.DevelopmentConfig, com.acme.ProductionConfig) and"
        + " none is chosen.", e.problem());
    assertEquals("Set the property sessionconfig.config-class to the one to use, e.g."
        + " sessionconfig.config-class=com.acme.ProductionConfig in application.properties or the environment"
        + " variable SESSIONCONFIG_CONFIGCLASS.", e.fix());
  }

  @Test
  void theChoiceIsByFullOrSimpleName() throws IOException {
    ClassLoader both = loaders(Production.class, Development.class);
    assertEquals("com.acme.DevelopmentConfig", ConfigDiscovery.find(both, "com.acme.DevelopmentConfig").configClass());
    assertEquals("com.acme.ProductionConfig", ConfigDiscovery.find(both, " ProductionConfig ").configClass());
  }

  @Test
  void aChoiceOfNoConfigNamesTheOnesThereAre() throws IOException {
    StarterSetupException e = assertThrows(StarterSetupException.class,
        () -> ConfigDiscovery.find(loaders(Production.class, Development.class), "StagingConfig"));
    assertEquals("The property sessionconfig.config-class names StagingConfig, which is no @SessionConfig class of"
        + " this application.", e.problem());
    assertEquals("Set it to one of: com.acme.DevelopmentConfig, com.acme.ProductionConfig.", e.fix());
  }

  @Test
  void noLoaderSaysHowToGetOne() throws IOException {
    StarterSetupException e = assertThrows(StarterSetupException.class, () -> ConfigDiscovery.find(loaders(), null));
    assertEquals("No @SessionConfig class was found.", e.problem());
    assertEquals(true, e.fix().contains("sessionconfig-processor on the compiler's annotation processor path"),
        e.fix());
  }

  /** A class loader whose service file lists {@code providers}, as the processor would write it. */
  private ClassLoader loaders(Class<?>... providers) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    StringBuilder lines = new StringBuilder();
    for (Class<?> provider : providers) {
      lines.append(provider.getName()).append('\n');
    }
    Files.writeString(services.resolve(GeneratedLoader.class.getName()), lines);
    // Parent: the platform loader would not see the test classes; this test's own loader holds no service file.
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  public static final class Production extends Fake {
    public Production() {
      super("com.acme.ProductionConfig");
    }
  }

  public static final class Development extends Fake {
    public Development() {
      super("com.acme.DevelopmentConfig");
    }
  }

  abstract static class Fake implements GeneratedLoader {
    private final String configClass;

    Fake(String configClass) {
      this.configClass = configClass;
    }

    @Override
    public String configClass() {
      return configClass;
    }

    @Override
    public SessionSettings load(ConfigSource source) {
      throw new UnsupportedOperationException("not loaded in these tests");
    }

    @Override
    public String describe(ConfigSource source) {
      throw new UnsupportedOperationException("not described in these tests");
    }
  }
}
