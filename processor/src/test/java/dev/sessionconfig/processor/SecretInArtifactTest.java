package dev.sessionconfig.processor;

import static dev.sessionconfig.processor.Compiler.assertCompilesCleanly;
import static dev.sessionconfig.processor.Compiler.compile;
import static dev.sessionconfig.processor.Compiler.compileWith;
import static dev.sessionconfig.processor.Compiler.config;
import static dev.sessionconfig.processor.Compiler.diagnostics;
import static dev.sessionconfig.processor.Compiler.lineOf;
import static dev.sessionconfig.processor.Compiler.source;
import static dev.sessionconfig.processor.Compiler.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code [SecretInArtifact]}: a secret read from a class-path resource or from a file inside the source tree ships in
 * every copy of the artifact. Fires on the line marked {@code // here}, with the resource's name, in every shape the
 * JDK offers to read one; stays silent on the twin that reads the same key from outside the artifact.
 */
class SecretInArtifactTest {
  private static final String TYPE = "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;";
  private static final String KEY = "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");";

  /** {@code static String name()}: the text of the stream that {@code open} opens, stripped. */
  private static String[] reader(String name, String open) {
    return new String[] {
        "  static String " + name + "() {",
        "    try (java.io.InputStream in = " + open + ") {",
        "      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();",
        "    } catch (java.io.IOException e) {",
        "      throw new java.io.UncheckedIOException(e);",
        "    }",
        "  }"};
  }

  /** {@code static Properties name()}: the properties loaded from the stream or reader {@code open} opens. */
  private static String[] properties(String name, String type, String open) {
    return new String[] {
        "  static Properties " + name + "() {",
        "    Properties properties = new Properties();",
        "    try (" + type + " in = " + open + ") {",
        "      properties.load(in);",
        "    } catch (java.io.IOException e) {",
        "      throw new java.io.UncheckedIOException(e);",
        "    }",
        "    return properties;",
        "  }"};
  }

  private static String[] with(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  static Stream<Arguments> firing() {
    return Stream.of(
        Arguments.of("/keys/session.key", config(TYPE,
            "  static final String SECRET_KEY = text(Config.class.getResourceAsStream(\"/keys/session.key\")); // here",
            "  private static String text(java.io.InputStream stream) {",
            "    try (java.io.InputStream in = stream) {",
            "      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();",
            "    } catch (java.io.IOException e) {",
            "      throw new java.io.UncheckedIOException(e);",
            "    }",
            "  }")),
        Arguments.of("/keys/session.key", config(TYPE,
            "  static final String SECRET_KEY = key(); // here",
            "  private static String key() {",
            "    try (java.io.InputStream in = Config.class.getResourceAsStream(\"/keys/session.key\")) {",
            "      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();",
            "    } catch (java.io.IOException e) {",
            "      throw new java.io.UncheckedIOException(e);",
            "    }",
            "  }")),
        Arguments.of("session.key", config(TYPE,
            "  static final byte[] SECRET_KEY = bytes(); // here",
            "  private static byte[] bytes() {",
            "    try {",
            "      return Thread.currentThread().getContextClassLoader().getResourceAsStream(\"session.key\")",
            "          .readAllBytes();",
            "    } catch (java.io.IOException e) {",
            "      throw new java.io.UncheckedIOException(e);",
            "    }",
            "  }")),
        Arguments.of("keys/dev.key", config(TYPE,
            "  static final String SECRET_KEY = fromUrl(); // here",
            "  static String fromUrl() {",
            "    try {",
            "      java.net.URL url = ClassLoader.getSystemResource(\"keys/dev.key\");",
            "      return java.nio.file.Files.readString(java.nio.file.Path.of(url.toURI()));",
            "    } catch (Exception e) {",
            "      throw new IllegalStateException(e);",
            "    }",
            "  }")),
        Arguments.of("/application.properties", config(with(properties("settings", "java.io.InputStream",
                "Config.class.getResourceAsStream(\"/application.properties\")"), TYPE,
            "  static final String SECRET_KEY = settings().getProperty(\"session.secret\"); // here"))),
        Arguments.of("/db.properties", config(KEY,
            "  static final SessionType SESSION_TYPE = SessionType.JDBC;",
            "  static final String SESSION_JDBC_URL = System.getenv(\"DATABASE_URL\");",
            "  static final Properties DB = new Properties();",
            "  static {",
            "    try { DB.load(Config.class.getResourceAsStream(\"/db.properties\")); }",
            "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
            "  }",
            "  static final String SESSION_JDBC_PASSWORD = DB.getProperty(\"password\"); // here")),
        Arguments.of("/old.key", config(with(reader("oldKey", "Config.class.getResourceAsStream(\"/old.key\")"),
            KEY, TYPE,
            "  static final List<String> SECRET_KEY_FALLBACKS = List.of(System.getenv(\"OLD_KEY\"),",
            "      oldKey()); // here"))),
        Arguments.of("dev.key", config(with(reader("devKey", "Config.class.getResourceAsStream(\"dev.key\")"), TYPE,
            "  static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"SECRET_KEY\"))",
            "      .orElseGet(Config::devKey); // here"))),
        Arguments.of("a class-path resource", config(with(reader("key",
                "Config.class.getClassLoader().getResourceAsStream(System.getProperty(\"key.resource\"))"), TYPE,
            "  static final String SECRET_KEY = key(); // here"))),
        Arguments.of("src/main/resources/session.key", config(TYPE,
            "  static final String SECRET_KEY = file(); // here",
            "  static String file() {",
            "    try { return java.nio.file.Files.readString(java.nio.file.Path.of(\"src/main/resources/session.key\")); }",
            "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
            "  }")),
        Arguments.of("src/main/resources/app.properties", config(with(properties("local", "java.io.Reader",
                "new java.io.FileReader(\"./src/main/resources/app.properties\")"), TYPE,
            "  static final String SECRET_KEY = local().getProperty(\"secret\"); // here"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("firing")
  void warnsOnTheMarkedLineNamingWhatShips(String named, JavaFileObject file) {
    Compilation compilation = compile(file);
    List<Diagnostic<? extends JavaFileObject>> found = withId(compilation, "SecretInArtifact");
    assertEquals(1, found.size(), diagnostics(compilation));
    Diagnostic<? extends JavaFileObject> warning = found.get(0);
    assertEquals(Diagnostic.Kind.WARNING, warning.getKind(), diagnostics(compilation));
    assertEquals(lineOf(file, "// here"), warning.getLineNumber(), diagnostics(compilation));
    String text = warning.getMessage(null);
    assertTrue(text.contains(named) && text.contains("ships in every copy") && text.contains("Fix:")
        && text.contains("System.getenv("), text);
    // A warning, nothing else: the processor's test class path has no JDBC store, hence that error only.
    assertTrue(compilation.errors().stream().allMatch(e -> e.getMessage(null).startsWith("[MissingStoreModule]")),
        diagnostics(compilation));
  }

  static Stream<Arguments> silent() {
    return Stream.of(
        Arguments.of("a secrets file outside the code", config(TYPE,
            "  static final String SECRET_KEY = file();",
            "  static String file() {",
            "    try { return java.nio.file.Files.readString(java.nio.file.Path.of(\"/run/secrets/session.key\")); }",
            "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
            "  }")),
        Arguments.of("a properties file of the deployment", config(with(properties("local", "java.io.Reader",
                "new java.io.FileReader(\"/etc/app/app.properties\")"), TYPE,
            "  static final String SECRET_KEY = local().getProperty(\"secret\");"))),
        Arguments.of("a resource that names the environment variable holding the key", config(with(
            properties("settings", "java.io.InputStream", "Config.class.getResourceAsStream(\"/application.properties\")"),
            TYPE, "  static final String SECRET_KEY = System.getenv(settings().getProperty(\"secret.variable\"));"))),
        Arguments.of("a resource that names the key in a key-management service", config(with(
            reader("vaultPath", "Config.class.getResourceAsStream(\"/vault-path\")"), TYPE,
            "  static final String SECRET_KEY = Vault.secret(vaultPath());",
            "  static class Vault {",
            "    static native String secret(String path);",
            "  }"))),
        Arguments.of("settings that are no secrets read from a class-path resource", config(with(
            reader("cookieName", "Config.class.getResourceAsStream(\"/cookie-name\")"), KEY, TYPE,
            "  static final String SESSION_COOKIE_NAME = cookieName();"))),
        Arguments.of("a shipped key in a class that suppresses the warning", source("com.acme.Config", with(
            new String[] {"@SessionConfig", "@SuppressWarnings(\"sessionconfig:SecretInArtifact\")",
                "public class Config {", TYPE, "  static final String SECRET_KEY = devKey();"},
            with(reader("devKey", "Config.class.getResourceAsStream(\"/dev.key\")"), "}")))),
        Arguments.of("a shipped key on a field that suppresses the warning", config(with(
            reader("devKey", "Config.class.getResourceAsStream(\"/dev.key\")"), TYPE,
            "  @SuppressWarnings(\"sessionconfig:SecretInArtifact\")",
            "  static final String SECRET_KEY = devKey();"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("silent")
  void keysFromOutsideTheArtifactAreAccepted(String description, JavaFileObject file) {
    assertCompilesCleanly(file);
  }

  @Test
  void warningsAsErrorsMakesItFatal() {
    JavaFileObject file = config(with(reader("devKey", "Config.class.getResourceAsStream(\"/dev.key\")"), TYPE,
        "  static final String SECRET_KEY = devKey(); // here"));
    Compilation strict = compileWith(List.of("-Asessionconfig.warningsAsErrors=true"), file);
    assertEquals(Compilation.Status.FAILURE, strict.status(), diagnostics(strict));
    List<Diagnostic<? extends JavaFileObject>> found = withId(strict, "SecretInArtifact");
    assertEquals(1, found.size(), diagnostics(strict));
    assertEquals(Diagnostic.Kind.ERROR, found.get(0).getKind());
    assertEquals(lineOf(file, "// here"), found.get(0).getLineNumber());
  }
}
