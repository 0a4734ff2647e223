package dev.sessionconfig.processor;

import static dev.sessionconfig.processor.Compiler.assertCompilesCleanly;
import static dev.sessionconfig.processor.Compiler.compile;
import static dev.sessionconfig.processor.Compiler.config;
import static dev.sessionconfig.processor.Compiler.diagnostics;
import static dev.sessionconfig.processor.Compiler.lineOf;
import static dev.sessionconfig.processor.Compiler.source;
import static dev.sessionconfig.processor.Compiler.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A setting given its value where the generated loader does not look, for every setting: an assignment outside the
 * config's static initialization, or a system property the config reads that {@code main} sets. Secrets keep
 * {@code [SecretAssignedOutsideConfig]}; every other setting gets {@code [SettingAssignedOutsideConfig]}. The marked
 * line is in the file that assigns, which is the last one given.
 */
class AssignedOutsideConfigTest {
  private static final String KEY = "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");";
  private static final String TYPE = "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;";

  private static JavaFileObject app(String... body) {
    String[] lines = new String[body.length + 2];
    lines[0] = "public class App {";
    System.arraycopy(body, 0, lines, 1, body.length);
    lines[lines.length - 1] = "}";
    return source("com.acme.App", lines);
  }

  static Stream<Arguments> firing() {
    return Stream.of(
        Arguments.of("SettingAssignedOutsideConfig", "in method main() of Config", new JavaFileObject[] {config(
            KEY, TYPE, "  static String SESSION_COOKIE_NAME = \"sid\";",
            "  public static void main(String[] args) {",
            "    SESSION_COOKIE_NAME = \"app_session\"; // here",
            "  }")}),
        Arguments.of("SettingAssignedOutsideConfig", "in method start() of App", new JavaFileObject[] {
            config(KEY, TYPE, "  static boolean SESSION_COOKIE_SECURE;"),
            app("  void start() {", "    Config.SESSION_COOKIE_SECURE = true; // here", "  }")}),
        Arguments.of("SettingAssignedOutsideConfig", "in the constructor of App", new JavaFileObject[] {
            config(KEY, "  static SessionType SESSION_TYPE = SessionType.FILESYSTEM;"),
            app("  App() {", "    Config.SESSION_TYPE = SessionType.FILESYSTEM; // here", "  }")}),
        Arguments.of("SettingAssignedOutsideConfig", "system property app.cookie", new JavaFileObject[] {
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAME = System.getProperty(\"app.cookie\");"),
            app("  public static void main(String[] args) {",
                "    System.setProperty(\"app.cookie\", \"sid\"); // here",
                "  }")}),
        Arguments.of("SettingAssignedOutsideConfig", "system property sessions.lifetime.days", new JavaFileObject[] {
            config(KEY, TYPE, "  static final Duration PERMANENT_SESSION_LIFETIME =",
                "      Duration.ofDays(Long.getLong(\"sessions.lifetime.days\", 7));"),
            app("  static final String DAYS = \"sessions.lifetime.days\";",
                "  public static void main(String... args) {",
                "    System.getProperties().put(DAYS, \"30\"); // here",
                "  }")}),
        Arguments.of("SecretAssignedOutsideConfig", "system property app.key", new JavaFileObject[] {
            config(TYPE, "  static final String SECRET_KEY = System.getProperty(\"app.key\");"),
            app("  public static void main(String[] args) {",
                "    System.getProperties().setProperty(\"app.key\", System.getenv(\"KEY\")); // here",
                "  }")}));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("firing")
  void firesOnTheMarkedLine(String id, String named, JavaFileObject[] files) {
    JavaFileObject file = files[files.length - 1];
    Compilation compilation = compile(files);
    List<Diagnostic<? extends JavaFileObject>> found = withId(compilation, id);
    assertEquals(1, found.size(), diagnostics(compilation));
    Diagnostic<? extends JavaFileObject> error = found.get(0);
    assertEquals(Diagnostic.Kind.ERROR, error.getKind());
    assertEquals(file.getName(), error.getSource().getName(), diagnostics(compilation));
    assertEquals(lineOf(file, "// here"), error.getLineNumber(), diagnostics(compilation));
    assertTrue(error.getMessage(null).contains(named) && error.getMessage(null).contains("Fix:"),
        error.getMessage(null));
    String other = id.equals("SecretAssignedOutsideConfig") ? "SettingAssignedOutsideConfig"
        : "SecretAssignedOutsideConfig";
    assertTrue(withId(compilation, other).isEmpty(), diagnostics(compilation));
  }

  static Stream<Arguments> silent() {
    return Stream.of(
        Arguments.of("settings set in the static initializer", new JavaFileObject[] {config(KEY, TYPE,
            "  static final String SESSION_COOKIE_NAME;", "  static boolean SESSION_COOKIE_SECURE = false;",
            "  static {",
            "    SESSION_COOKIE_NAME = System.getenv().getOrDefault(\"COOKIE\", \"sid\");",
            "    SESSION_COOKIE_SECURE = true;",
            "  }")}),
        Arguments.of("a local variable named like a setting, in main", new JavaFileObject[] {
            config(KEY, TYPE), app("  public static void main(String[] args) {",
                "    String SESSION_COOKIE_NAME = \"x\";", "    SESSION_COOKIE_NAME = \"y\";", "  }")}),
        Arguments.of("a property set in main that no setting reads", new JavaFileObject[] {
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAME = System.getProperty(\"app.cookie\");"),
            app("  public static void main(String[] args) {",
                "    System.setProperty(\"app.other\", \"x\");", "  }")}),
        Arguments.of("a property a setting reads, set by a test or a helper rather than main", new JavaFileObject[] {
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAME = System.getProperty(\"app.cookie\");"),
            app("  static void beforeAll() {", "    System.setProperty(\"app.cookie\", \"sid\");", "  }",
                "  public static void main(String[] args) {",
                "    Runnable later = () -> System.setProperty(\"app.cookie\", \"sid\");", "  }")}),
        Arguments.of("a method named main that is no entry point", new JavaFileObject[] {
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAME = System.getProperty(\"app.cookie\");"),
            app("  static String main(String[] args) {",
                "    return System.setProperty(\"app.cookie\", \"sid\");", "  }")}),
        Arguments.of("a property of the same name on a map of the application", new JavaFileObject[] {
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAME = System.getProperty(\"app.cookie\");"),
            app("  public static void main(String[] args) {",
                "    Properties mine = new Properties();", "    mine.setProperty(\"app.cookie\", \"sid\");",
                "    new HashMap<String, String>().put(\"app.cookie\", \"sid\");", "  }")}));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("silent")
  void correctCodeIsAccepted(String description, JavaFileObject[] files) {
    assertCompilesCleanly(files);
  }

  /** A literal key set as a property in main is two mistakes, each reported where it is; the key never printed. */
  @Test
  void aLiteralKeySetAsAPropertyInMainIsAlsoALiteralKey() {
    JavaFileObject config = config(TYPE, "  static final String SECRET_KEY = System.getProperty(\"app.key\");");
    JavaFileObject app = app("  public static void main(String[] args) {",
        "    System.setProperty(\"app.key\", // statement", "        \"hunter2-literal\"); // literal", "  }");
    Compilation compilation = compile(config, app);
    List<Diagnostic<? extends JavaFileObject>> outside = withId(compilation, "SecretAssignedOutsideConfig");
    List<Diagnostic<? extends JavaFileObject>> literal = withId(compilation, "LiteralSecretKey");
    assertEquals(1, outside.size(), diagnostics(compilation));
    assertEquals(1, literal.size(), diagnostics(compilation));
    assertEquals(lineOf(app, "// statement"), outside.get(0).getLineNumber());
    assertEquals(lineOf(app, "// literal"), literal.get(0).getLineNumber());
    assertFalse(diagnostics(compilation).contains("hunter2"), diagnostics(compilation));
  }
}
