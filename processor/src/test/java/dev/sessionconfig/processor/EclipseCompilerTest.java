package dev.sessionconfig.processor;

import static dev.sessionconfig.processor.Compiler.lineOf;
import static dev.sessionconfig.processor.Compiler.source;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.runtime.ConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under Eclipse's compiler (ecj), which has no javac Tree API: it says once per compilation which
 * checks it skips, runs every check that needs only elements, and writes loaders that ecj compiles. Every case runs
 * on two runtimes: this JDK, where {@code Trees.instance} rejects ecj's environment, and one without the
 * {@code jdk.compiler} module (an IDE's), where merely linking a class that names the Tree API fails.
 */
class EclipseCompilerTest {
  private static final String KEY = "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");";
  private static final String TYPE = "  static final String SESSION_TYPE = \"filesystem\";";

  @TempDir
  Path dir;

  /** Where ecj runs, and so which of its failures the processor meets when it asks for javac's trees. */
  enum Runtime {
    JDK,
    WITHOUT_JDK_COMPILER;

    Processor processor() {
      if (this == JDK) {
        return new SessionConfigProcessor();
      }
      try {
        return (Processor) new WithoutTreeApi().loadClass(SessionConfigProcessor.class.getName())
            .getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Runtime.class)
  void eachCompilationSaysOnceWhichChecksItSkips(Runtime runtime) {
    for (int compilation = 0; compilation < 2; compilation++) {
      Result result = compile(runtime, List.of(),
          source("com.acme.Config", "@SessionConfig", "public class Config {", KEY, TYPE, "}"),
          source("com.acme.shop.ShopConfig", "@SessionConfig", "public class ShopConfig {", KEY, TYPE, "}"),
          source("com.acme.Broken", "@SessionConfig", "public class Broken {", KEY, "}"));

      List<String> notes = result.messages("TreesUnavailable");
      assertEquals(1, notes.size(), result.toString());
      assertEquals(Diagnostic.Kind.NOTE, result.withId("TreesUnavailable").get(0).getKind());
      assertTrue(notes.get(0).contains("SecretAssignedOutsideConfig") && notes.get(0).contains("LiteralSecretFallback"),
          notes.get(0));
      assertEquals(1, result.withId("MissingSessionType").size(), result.toString());
    }
  }

  static Stream<Arguments> elementChecks() {
    List<Arguments> checks = List.of(
        Arguments.of("UnknownSessionType", "did you mean 'memcached'?",
            config(KEY, "  static final String SESSION_TYPE = \"memcache\"; // here")),
        Arguments.of("NullSessionType", "null session",
            config(KEY, "  static final String SESSION_TYPE = \"null\"; // here")),
        Arguments.of("LiteralSecretKey", "System.getenv(\"SECRET_KEY\")",
            config("  static final String SECRET_KEY = \"literal\"; // here", TYPE)),
        Arguments.of("MissingSessionType", "no secret key was set",
            source("com.acme.Config", "@SessionConfig // here", "public class Config {", KEY, "}")),
        Arguments.of("WrongSettingType", "Duration",
            config(KEY, TYPE, "  static final String PERMANENT_SESSION_LIFETIME = \"7 days\"; // here")),
        Arguments.of("InvalidSettingValue", "at least 16 bytes",
            config(KEY, TYPE, "  static final int SESSION_ID_LENGTH = 8; // here")),
        Arguments.of("InstanceSetting", "make it static",
            config(KEY, TYPE, "  final String SESSION_COOKIE_NAME = \"sid\"; // here")),
        Arguments.of("InaccessibleSetting", "package-private", config(KEY, "  private " + TYPE.strip() + " // here")),
        Arguments.of("UnknownSetting", "Did you mean SESSION_COOKIE_NAME?",
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAMES = \"sid\"; // here")),
        Arguments.of("NotAConfigClass", "an interface",
            source("com.acme.Config", "@SessionConfig // here", "public interface Config {", KEY, TYPE, "}")));
    return Stream.of(Runtime.values()).flatMap(runtime -> checks.stream()
        .map(check -> Arguments.of(Stream.concat(Stream.of(runtime), Stream.of(check.get())).toArray())));
  }

  /** A check that needs no trees fires under ecj as under javac, on the marked line. */
  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("elementChecks")
  void checksThatNeedNoTreesStillRun(Runtime runtime, String id, String text, JavaFileObject file) {
    Result result = compile(runtime, List.of(), file);

    long line = lineOf(file, "// here");
    assertTrue(result.withId(id).stream().anyMatch(d -> d.getLineNumber() == line
            && d.getSource().getName().endsWith(file.getName()) && d.getMessage(Locale.ROOT).contains(text)),
        "expected [" + id + "] on line " + line + " mentioning \"" + text + "\":\n" + result);
  }

  @ParameterizedTest
  @EnumSource(Runtime.class)
  void aGoodConfigGetsALoaderThatEcjCompiles(Runtime runtime) {
    // -enableJavadoc as Eclipse's IDE does by default: the loader imports a type for its Javadoc only.
    Result result = compile(runtime, List.of("-enableJavadoc"), config(KEY, TYPE));

    assertTrue(result.success(), result.toString());
    assertTrue(Files.isRegularFile(result.generated().resolve("com/acme/ConfigLoader.java")), result.toString());
    assertTrue(Files.isRegularFile(result.classes().resolve("com/acme/ConfigLoader.class")), result.toString());
    assertEquals(List.of(), result.diagnostics().stream()
        .filter(d -> d.getSource() != null && Path.of(d.getSource().toUri()).startsWith(result.generated()))
        .map(d -> d.getMessage(Locale.ROOT)).toList(), "the loader compiles without warnings");
  }

  /** Random units, valid and broken, reach the processor without an internal error; valid ones get loaders. */
  @ParameterizedTest
  @EnumSource(Runtime.class)
  void fuzzedConfigsNeverFailTheProcessor(Runtime runtime) {
    ConfigFuzzer fuzzer = new ConfigFuzzer(new Random(17));
    for (ConfigFuzzer.Profile profile : ConfigFuzzer.Profile.values()) {
      List<ConfigFuzzer.Unit> units = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        units.add(fuzzer.unit("fuzz.c" + i, profile, 0.5));
      }
      Result result = compile(runtime, List.of(),
          units.stream().map(ConfigFuzzer.Unit::file).toArray(JavaFileObject[]::new));
      if (profile == ConfigFuzzer.Profile.VALID) {
        assertTrue(result.success(), result.toString());
        units.stream().flatMap(unit -> unit.expectedLoaders().stream()).forEach(loader -> assertTrue(
            Files.isRegularFile(result.generated().resolve(loader.replace('.', '/') + ".java")), loader));
      }
    }
  }

  private static JavaFileObject config(String... body) {
    List<String> lines = new ArrayList<>(List.of("@SessionConfig", "public class Config {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return source("com.acme.Config", lines.toArray(String[]::new));
  }

  /**
   * Compiles {@code sources} with ecj ({@code --release 17}) and the processor, class path: the annotations and
   * the runtime, as a user's build has them. Fails on an {@code [InternalError]} or an exception out of ecj.
   */
  private Result compile(Runtime runtime, List<String> extraOptions, JavaFileObject... sources) {
    Path root = newDirectory("compilation");
    Path classes = newDirectory(root.resolve("classes"));
    Path generated = newDirectory(root.resolve("generated"));
    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-d", classes.toString(),
        "-s", generated.toString(), "-classpath", classPathOf(SessionConfig.class, ConfigSource.class)));
    options.addAll(extraOptions);
    boolean success;
    try (StandardJavaFileManager files = ecj.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      JavaCompiler.CompilationTask task = ecj.getTask(new PrintWriter(output), files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(write(root.resolve("src"), sources)));
      task.setProcessors(List.of(runtime.processor()));
      success = task.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Result result = new Result(success, diagnostics.getDiagnostics(), generated, classes, output.toString());
    assertEquals(List.of(), result.messages("InternalError"), result.toString());
    return result;
  }

  /** What one ecj run reported and where it wrote. */
  private record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated,
      Path classes, String output) {

    List<Diagnostic<? extends JavaFileObject>> withId(String id) {
      return diagnostics.stream().filter(d -> d.getMessage(Locale.ROOT).startsWith("[" + id + "]")).toList();
    }

    List<String> messages(String id) {
      return withId(id).stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Override
    public String toString() {
      return diagnostics.stream()
          .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n", "ecj " + (success ? "succeeded" : "failed") + ":\n", "\n" + output));
    }
  }

  private static List<Path> write(Path root, JavaFileObject... sources) {
    List<Path> paths = new ArrayList<>();
    for (JavaFileObject source : sources) {
      Path path = root.resolve(source.getName());
      try {
        Files.createDirectories(path.getParent());
        Files.writeString(path, source.getCharContent(true));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      paths.add(path);
    }
    return paths;
  }

  private Path newDirectory(String prefix) {
    try {
      return Files.createTempDirectory(dir, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path newDirectory(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jars (or class directories) the given classes were loaded from. */
  private static String classPathOf(Class<?>... classes) {
    return Stream.of(classes).map(type -> {
      try {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      } catch (URISyntaxException e) {
        throw new AssertionError(e);
      }
    }).collect(Collectors.joining(java.io.File.pathSeparator));
  }

  /**
   * Loads the processor's own classes itself, and has no javac Tree API: like a runtime without the
   * {@code jdk.compiler} module, where a class that links against {@code com.sun.source} fails to load.
   */
  private static final class WithoutTreeApi extends ClassLoader {
    WithoutTreeApi() {
      super(EclipseCompilerTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("com.sun.source.") || name.startsWith("com.sun.tools.javac.")) {
        throw new ClassNotFoundException(name);
      }
      if (!name.startsWith(SessionConfigProcessor.class.getPackageName() + ".")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
