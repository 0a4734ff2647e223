package dev.sessionconfig.processor;

import static dev.sessionconfig.processor.Compiler.compile;
import static dev.sessionconfig.processor.Compiler.compileWith;
import static dev.sessionconfig.processor.Compiler.diagnostics;
import static dev.sessionconfig.processor.Compiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.SessionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated loader: its source against a golden file, and what it does when run. */
class LoaderTest {
  private static final String KEY = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-not-a-placeholder";
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  /** A config using every kind of origin the loader knows. */
  private static final JavaFileObject RICH_CONFIG = source("com.acme.Config",
      "@SessionConfig",
      "public class Config {",
      "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
      "  static final String[] SECRET_KEY_FALLBACKS = {System.getenv(\"OLD_KEY\")};",
      "  static final String SESSION_TYPE = System.getenv().getOrDefault(\"SESSION_TYPE\", \"filesystem\");",
      "  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofDays(7);",
      "  static final long SESSION_ABSOLUTE_LIFETIME = 12 * 3600;",
      "  static final String SESSION_COOKIE_NAME = \"sid\";",
      "  static final boolean SESSION_COOKIE_SECURE = Boolean.parseBoolean(System.getenv(\"COOKIE_SECURE\"));",
      "  static final String SESSION_FILE_DIR = System.getProperty(\"sessions.dir\");",
      "}");

  private static JavaFileObject typedConfig() {
    return source("com.acme.Config",
        "@SessionConfig",
        "public class Config {",
        "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
        "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;",
        "  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofDays(7);",
        "}");
  }

  @Test
  void generatedLoaderMatchesGoldenFile() throws IOException {
    for (Map.Entry<String, JavaFileObject> golden : Map.of("RichConfigLoader.java", RICH_CONFIG,
        "TypedConfigLoader.java", typedConfig()).entrySet()) {
      Compilation compilation = compile(golden.getValue());
      String generated = compilation.generatedSourceFile("com.acme.ConfigLoader").orElseThrow(
          () -> new AssertionError(diagnostics(compilation))).getCharContent(true).toString();
      Path file = GOLDEN.resolve(golden.getKey());
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(file, generated);
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), generated,
          "generated loader differs from " + file + " (rerun with -Dgolden.update=true after reviewing)");
    }
  }

  @Test
  void outputIsIdenticalAcrossBuilds() throws IOException {
    String first = compile(RICH_CONFIG).generatedSourceFile("com.acme.ConfigLoader").orElseThrow()
        .getCharContent(true).toString();
    String second = compile(RICH_CONFIG).generatedSourceFile("com.acme.ConfigLoader").orElseThrow()
        .getCharContent(true).toString();
    assertEquals(first, second);
  }

  @Test
  void generatedCodeCompilesWithoutWarningsUnderXlintAll() {
    Compilation compilation = compileWith(List.of("-Xlint:all", "-Werror"), RICH_CONFIG);
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    assertTrue(compilation.warnings().isEmpty(), diagnostics(compilation));
  }

  @Test
  void initAppAndItsListenerAreGeneratedOnlyWithTheServletApi() throws IOException {
    String withServlet = compile(typedConfig()).generatedSourceFile("com.acme.ConfigLoader").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(withServlet.contains("public static SessionInterface initApp(ServletContext context) {"), withServlet);
    assertTrue(withServlet.contains("public static final class Listener implements ServletContextListener {"),
        withServlet);
    List<java.io.File> withoutServletApi = java.util.Arrays.stream(System.getProperty("java.class.path")
            .split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains("jakarta.servlet-api"))
        .map(java.io.File::new).collect(java.util.stream.Collectors.toList());
    Compilation plain = com.google.testing.compile.Compiler.javac().withProcessors(new SessionConfigProcessor())
        .withClasspath(withoutServletApi).compile(typedConfig());
    assertEquals(Compilation.Status.SUCCESS, plain.status(), diagnostics(plain));
    String withoutServlet = plain.generatedSourceFile("com.acme.ConfigLoader").orElseThrow()
        .getCharContent(true).toString();
    assertFalse(withoutServlet.contains("initApp"), withoutServlet);
    assertTrue(withoutServlet.contains("public static SessionSettings load(ConfigSource source)"), withoutServlet);
  }

  /**
   * Every loader of a compilation is listed once in the service file frameworks read, as its Provider; a config
   * that fails to compile gets no loader and no line.
   */
  @Test
  void theServiceFileListsTheProviderOfEveryLoaderWritten() throws Exception {
    JavaFileObject production = source("com.acme.ProductionConfig", "@SessionConfig",
        "public class ProductionConfig extends Config {",
        "  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofHours(1);", "}");
    JavaFileObject broken = source("com.acme.other.BrokenConfig", "@SessionConfig", "public class BrokenConfig {",
        "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
        "  static final String SESSION_TYPE = \"memcache\";", "}");
    Compilation twoGood = compile(typedConfig(), production);
    assertEquals(Compilation.Status.SUCCESS, twoGood.status(), diagnostics(twoGood));
    assertEquals("com.acme.ConfigLoader$Provider\ncom.acme.ProductionConfigLoader$Provider\n",
        serviceFile(twoGood));
    Path out = Files.createTempDirectory("services");
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      files.setLocation(javax.tools.StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
      files.setLocation(javax.tools.StandardLocation.SOURCE_OUTPUT, List.of(out.toFile()));
      javax.tools.JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostic -> { }, List.of(
          "-classpath", System.getProperty("java.class.path"), "-proc:only"), null, List.of(typedConfig(), broken));
      task.setProcessors(List.of(new SessionConfigProcessor()));
      assertFalse(task.call(), "the broken config fails the build");
    }
    assertEquals("com.acme.ConfigLoader$Provider\n", Files.readString(
        out.resolve("META-INF/services/dev.sessionconfig.runtime.GeneratedLoader")), "the broken one is not listed");

    GeneratedClasses classes = new GeneratedClasses(twoGood);
    dev.sessionconfig.runtime.GeneratedLoader provider = (dev.sessionconfig.runtime.GeneratedLoader)
        classes.loadClass("com.acme.ProductionConfigLoader$Provider").getConstructor().newInstance();
    assertEquals("com.acme.ProductionConfig", provider.configClass());
    assertEquals(Duration.ofHours(1),
        provider.load(ConfigSource.of(Map.of("SECRET_KEY", KEY))).permanentSessionLifetime());
  }

  private static String serviceFile(Compilation compilation) throws IOException {
    return compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
            "META-INF/services/dev.sessionconfig.runtime.GeneratedLoader")
        .orElseThrow(() -> new AssertionError("no service file: " + diagnostics(compilation)))
        .getCharContent(true).toString();
  }

  @Test
  void aDeprecatedConfigStillCompilesWithoutWarnings() {
    Compilation compilation = compileWith(List.of("-Xlint:all", "-Werror"), source("com.acme.Config",
        "@Deprecated(forRemoval = true)", "@SessionConfig", "public class Config {",
        "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
        "  @Deprecated static final String SESSION_TYPE = System.getenv(\"SESSION_TYPE\") + \"\";",
        "  @Deprecated static final String SESSION_COOKIE_NAME = \"sid\";", "}"));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    assertTrue(compilation.warnings().isEmpty(), diagnostics(compilation));
  }

  @Test
  void loaderReplaysLookupsAgainstTheGivenSource() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(compile(typedConfig()));
    SessionSettings settings = (SessionSettings) classes.call("com.acme.ConfigLoader", "load",
        new Class<?>[] {ConfigSource.class}, ConfigSource.of(Map.of("SECRET_KEY", KEY)));
    assertEquals(SessionType.FILESYSTEM, settings.sessionType());
    assertEquals(KEY, settings.secretKey().reveal());
    assertEquals(Duration.ofDays(7), settings.permanentSessionLifetime());
  }

  @Test
  void loaderListsEveryProblemWithItsSource() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(compile(RICH_CONFIG));
    SessionConfigException e = assertThrows(SessionConfigException.class, () -> classes.call("com.acme.ConfigLoader",
        "load", new Class<?>[] {ConfigSource.class}, ConfigSource.of(Map.of("SESSION_TYPE", "memcache"))));
    assertEquals("SECRET_KEY: environment variable SECRET_KEY is not set", e.problems().get(0));
    assertTrue(e.problems().get(1).startsWith("SESSION_TYPE: 'memcache' is not a session type; did you mean 'memcached'?"),
        e.getMessage());
    assertTrue(e.problems().get(1).endsWith("(from environment variable SESSION_TYPE, else the fallback in the code)"),
        e.getMessage());
    assertEquals(2, e.problems().size(), e.getMessage());
  }

  @Test
  void describeNamesSourcesAndMasksSecrets() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(compile(RICH_CONFIG));
    String description = (String) classes.call("com.acme.ConfigLoader", "describe", new Class<?>[] {ConfigSource.class},
        ConfigSource.of(Map.of("SECRET_KEY", KEY), Map.of("sessions.dir", "/srv/sessions")));
    assertFalse(description.contains(KEY), description);
    assertTrue(description.matches("(?s).*SECRET_KEY +=\\s+\\*\\*\\*\\* +\\(environment variable SECRET_KEY\\).*"), description);
    assertTrue(description.matches("(?s).*SESSION_FILE_DIR +=\\s+/srv/sessions +\\(system property sessions.dir\\).*"), description);
    assertTrue(description.matches("(?s).*SESSION_COOKIE_NAME +=\\s+sid +\\(constant com.acme.Config.SESSION_COOKIE_NAME\\).*"), description);
    assertTrue(description.matches("(?s).*SESSION_COOKIE_SECURE +=\\s+false +\\(environment variable COOKIE_SECURE, else false as Boolean.parseBoolean reads a missing value\\).*"),
        description);
    assertTrue(description.contains("(field com.acme.Config.SECRET_KEY_FALLBACKS)"), description);
  }
}
