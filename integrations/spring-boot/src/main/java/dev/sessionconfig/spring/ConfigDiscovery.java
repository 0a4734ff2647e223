package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.GeneratedLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the application's {@code @SessionConfig} loader among those the annotation processor listed in
 * {@code META-INF/services}: the only one, or the one the property {@value #PROPERTY} names.
 */
final class ConfigDiscovery {
  static final String PROPERTY = "sessionconfig.config-class";

  private ConfigDiscovery() {}

  /**
   * @param chosen the property's value, or null when unset: a fully qualified or a simple class name
   * @throws StarterSetupException when there is no loader, several and no choice, or no such choice
   */
  static GeneratedLoader find(ClassLoader classLoader, String chosen) {
    List<GeneratedLoader> loaders = new ArrayList<>();
    try {
      ServiceLoader.load(GeneratedLoader.class, classLoader).forEach(loaders::add);
    } catch (ServiceConfigurationError e) {
      throw new StarterSetupException("A generated session config loader listed in META-INF/services"
          + " cannot be loaded (" + e.getMessage() + ").", "Rebuild the application so that the annotation"
          + " processor lists its current @SessionConfig classes only.", e);
    }
    if (chosen != null && !chosen.isBlank()) {
      return choose(loaders, chosen.trim());
    }
    if (loaders.size() == 1) {
      return loaders.get(0);
    }
    if (loaders.isEmpty()) {
      throw new StarterSetupException("No @SessionConfig class was found.", "Annotate the application's"
          + " session config class with @dev.sessionconfig.SessionConfig and put dev.sessionconfig:"
          + "sessionconfig-processor on the compiler's annotation processor path, so that its loader is generated"
          + " and listed for the starter.", null);
    }
    throw new StarterSetupException(loaders.size() + " @SessionConfig classes were found (" + names(loaders)
        + ") and none is chosen.", "Set the property " + PROPERTY + " to the one to use, e.g. "
        + PROPERTY + "=" + loaders.get(0).configClass() + " in application.properties or the environment variable"
        + " SESSIONCONFIG_CONFIGCLASS.", null);
  }

  private static GeneratedLoader choose(List<GeneratedLoader> loaders, String chosen) {
    List<GeneratedLoader> matching = loaders.stream()
        .filter(loader -> loader.configClass().equals(chosen) || simpleName(loader.configClass()).equals(chosen))
        .toList();
    if (matching.size() == 1) {
      return matching.get(0);
    }
    if (matching.isEmpty()) {
      throw new StarterSetupException("The property " + PROPERTY + " names " + chosen + ", which is no"
          + " @SessionConfig class of this application.", "Set it to one of: " + names(loaders) + ".", null);
    }
    throw new StarterSetupException("The property " + PROPERTY + " names " + chosen + ", which several"
        + " @SessionConfig classes are called (" + names(matching) + ").", "Set it to the fully qualified name of one"
        + " of them.", null);
  }

  private static String names(List<GeneratedLoader> loaders) {
    return loaders.stream().map(GeneratedLoader::configClass).sorted().collect(Collectors.joining(", "));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
