package dev.sessionconfig.processor.facts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A read of something that ships with the application's code: a class-path resource, packaged into its artifact, or
 * a file inside its source tree. A key read from one is in every copy of the artifact, as a literal would be.
 *
 * @param origin what is read
 * @param name the resource's name or the file's path as written in the code; empty when computed at run time
 */
public record ShippedRead(Origin origin, Optional<String> name) {

  /** What ships. */
  public enum Origin {
    /** A class-path resource: {@code getResourceAsStream}, {@code ClassLoader.getResource}... */
    CLASS_PATH_RESOURCE,
    /** A file at a path inside the project's source tree, such as {@code src/main/resources/key}. */
    SOURCE_TREE_FILE
  }

  public ShippedRead {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Whether a path written in the code lies inside a project's source tree, by the layout every Java build shares:
   * a relative path whose first directory is {@code src} (relative paths resolve against the project directory when
   * the application runs from it), or any path through {@code src/main/} or {@code src/test/}. A path elsewhere,
   * such as {@code /run/secrets/key} or {@code config/key}, may well be outside the code, so it is not.
   */
  public static boolean insideSourceTree(String path) {
    String normalized = path.replace('\\', '/');
    List<String> segments = List.of(normalized.split("/+"));
    int first = 0;
    while (first < segments.size() && (segments.get(first).equals(".") || segments.get(first).isEmpty())) {
      first++;
    }
    boolean relative = !normalized.startsWith("/") && !normalized.matches("^[A-Za-z]:.*");
    if (relative && first < segments.size() - 1 && segments.get(first).equals("src")) {
      return true;
    }
    for (int i = 0; i + 2 < segments.size(); i++) {
      if (segments.get(i).equals("src") && (segments.get(i + 1).equals("main") || segments.get(i + 1).equals("test"))) {
        return true;
      }
    }
    return false;
  }
}
