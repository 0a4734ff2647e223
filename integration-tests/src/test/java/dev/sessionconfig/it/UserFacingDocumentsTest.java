package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.testing.UserFacingText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What users read speaks of the product alone: no README, and no file of any module's {@code src/main} (diagnostics,
 * exception messages, log lines, javadoc and comments, resources), refers to a document users never had ("the
 * seed", "SPEC section N", "the article", an issue number). The processor's message catalogue has its own test.
 */
class UserFacingDocumentsTest {
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "test", "it", "node_modules");

  @Test
  void noReadmeOrMainSourceRefersToADocumentUsersDoNotHave() throws IOException {
    Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(root.resolve("README.md")) && Files.isDirectory(root.resolve("runtime/src/main")),
        "not the repository's root: " + root);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(file -> root.relativize(file).getNameCount() == 1 || !skipped(root.relativize(file)))
          .filter(file -> file.getFileName().toString().equals("README.md") || inMainSources(root.relativize(file)))
          .forEach(files::add);
    }
    assertTrue(files.size() > 100, "too few files found under " + root + ": " + files.size());
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException binary) {
        continue; // not text
      }
      for (int i = 0; i < lines.size(); i++) {
        for (String reference : UserFacingText.references(lines.get(i))) {
          problems.add(root.relativize(file) + ":" + (i + 1) + ": " + reference);
        }
      }
    }
    assertEquals("", String.join("\n", problems));
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative.getParent()) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean inMainSources(Path relative) {
    for (int i = 0; i + 1 < relative.getNameCount(); i++) {
      if (relative.getName(i).toString().equals("src") && relative.getName(i + 1).toString().equals("main")) {
        return true;
      }
    }
    return false;
  }
}
