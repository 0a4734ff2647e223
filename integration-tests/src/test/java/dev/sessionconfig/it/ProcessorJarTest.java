package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor's jar runs alone, as Bazel, Ant and build scripts call javac: {@code javac -processorpath
 * sessionconfig-processor.jar}, with the user's libraries (the annotations and the runtime) on the class path only.
 * A good config compiles and gets its loader; a broken one fails with the check's own diagnostic, never
 * {@code [InternalError]} or a {@code NoClassDefFoundError}. On the JDK that runs the tests, and on JDK 25 where it
 * is installed.
 */
class ProcessorJarTest {
  private static final String GOOD = String.join("\n",
      "package com.example.app;",
      "",
      "import dev.sessionconfig.SessionConfig;",
      "import dev.sessionconfig.SessionType;",
      "",
      "@SessionConfig",
      "public class Config {",
      "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
      "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;",
      "}",
      "");

  @TempDir
  Path work;

  /** The JDKs to run javac from: this one, and JDK 25 where it is installed. */
  static Stream<Path> jdks() {
    List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
    Path jdk25 = Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    if (Files.isExecutable(jdk25.resolve("bin/javac")) && !jdk25.equals(jdks.get(0))) {
      jdks.add(jdk25);
    } else {
      System.err.println("ProcessorJarTest: no JDK 25 at " + jdk25 + ", javac of " + jdks.get(0) + " only");
    }
    return jdks.stream();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aGoodConfigCompilesWithTheProcessorJarAlone(Path jdk) throws Exception {
    Result result = javac(jdk, GOOD);
    assertEquals(0, result.exitCode, result.output);
    assertFalse(result.output.contains("error"), result.output);
    Path loader = work.resolve("generated/com/example/app/ConfigLoader.java");
    assertTrue(Files.isRegularFile(loader), "no loader generated:\n" + result.output);
    assertTrue(Files.isRegularFile(work.resolve("classes/com/example/app/ConfigLoader.class")), result.output);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aBrokenConfigFailsWithItsOwnDiagnostic(Path jdk) throws Exception {
    Result result = javac(jdk, GOOD.replace("SessionType SESSION_TYPE = SessionType.FILESYSTEM",
        "String SESSION_TYPE = \"memcache\""));
    assertEquals(1, result.exitCode, result.output);
    int line = List.of(GOOD.split("\n")).indexOf("  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;") + 1;
    assertTrue(result.output.contains("Config.java:" + line + ": error: [UnknownSessionType]"), result.output);
    assertTrue(result.output.contains("did you mean 'memcached'?"), result.output);
    assertFalse(result.output.contains("[InternalError]") || result.output.contains("NoClassDefFoundError"),
        result.output);
  }

  private Result javac(Path jdk, String config) throws IOException, InterruptedException {
    Path source = work.resolve("src/com/example/app/Config.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, config);
    List<String> command = List.of(jdk.resolve("bin/javac").toString(),
        "-processorpath", jar("processor.jar"),
        "-classpath", jar("annotations.jar") + File.pathSeparator + jar("runtime.jar"),
        "--release", "17",
        "-d", work.resolve("classes").toString(),
        "-s", work.resolve("generated").toString(),
        source.toString());
    Files.createDirectories(work.resolve("classes"));
    Files.createDirectories(work.resolve("generated"));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(javac.waitFor(2, TimeUnit.MINUTES), "javac did not finish");
    return new Result(javac.exitValue(), String.join(" ", command) + "\n" + output);
  }

  /** A jar the build made (the module's packaged artifact: for the processor, the shaded jar users get). */
  private static String jar(String property) {
    String path = System.getProperty(property);
    assertTrue(path != null && Files.isRegularFile(Path.of(path)), "no " + property + " at " + path
        + ": package the module first (./test.sh, or mvn install)");
    return path;
  }

  private record Result(int exitCode, String output) {}
}
