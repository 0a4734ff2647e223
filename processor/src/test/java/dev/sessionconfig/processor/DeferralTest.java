package dev.sessionconfig.processor;

import static com.google.testing.compile.Compiler.javac;
import static dev.sessionconfig.processor.Compiler.diagnostics;
import static dev.sessionconfig.processor.Compiler.lineOf;
import static dev.sessionconfig.processor.Compiler.source;
import static dev.sessionconfig.processor.Compiler.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A config that depends on a type another processor generates is checked in the round after that type appears,
 * whichever processor runs first (as AutoValue tests its own deferral); a type that never appears is reported as
 * {@code [UnresolvedType]}, beside javac's own error.
 */
class DeferralTest {
  private static final String KEY = "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");";
  private static final String TYPE = "  static final String SESSION_TYPE = \"filesystem\";";
  private static final String SECRET = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-not-a-placeholder";
  /** javac (17) fails with an AssertionError when asked to attribute this while Missing is unresolved. */
  private static final String UNATTRIBUTABLE = "  static List<Missing> ALL = switch (1) { default -> Z; };";

  /** Which of the two processors javac calls first in each round. */
  enum Order {
    GENERATOR_FIRST,
    SESSIONCONFIG_FIRST;

    List<Processor> of(Processor generator) {
      return this == GENERATOR_FIRST ? List.of(generator, new SessionConfigProcessor())
          : List.of(new SessionConfigProcessor(), generator);
    }
  }

  /** A generated superclass with good settings: the loader is written once it exists, and replays its lookups. */
  @ParameterizedTest
  @EnumSource(Order.class)
  void aConfigExtendingAGeneratedBaseIsCheckedOnceTheBaseExists(Order order) throws Throwable {
    GeneratingProcessor generator = new GeneratingProcessor(source("com.acme.GeneratedBase",
        "public class GeneratedBase {", KEY, TYPE, "}"));
    Compilation compilation = compile(order, generator,
        source("com.acme.Config", "@SessionConfig", "public class Config extends GeneratedBase {", "}"));

    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    assertTrue(generator.roundOf("com.acme.GeneratedBase") < generator.roundOf("com.acme.ConfigLoader"),
        "the loader follows the base: " + generator.rounds);
    SessionSettings settings = (SessionSettings) new GeneratedClasses(compilation).call("com.acme.ConfigLoader",
        "load", new Class<?>[] {ConfigSource.class}, ConfigSource.of(Map.of("SECRET_KEY", SECRET)));
    assertEquals(SessionType.FILESYSTEM, settings.sessionType());
    assertEquals(SECRET, settings.secretKey().reveal());
  }

  /** The seed's typo, in a generated superclass: reported on its line in the generated file. */
  @ParameterizedTest
  @EnumSource(Order.class)
  void aTypoInAGeneratedBaseIsReportedWhereItIs(Order order) {
    JavaFileObject base = source("com.acme.GeneratedBase", "public class GeneratedBase {", KEY,
        "  static final String SESSION_TYPE = \"memcache\";", "}");
    Compilation compilation = compile(order, new GeneratingProcessor(base),
        source("com.acme.Config", "@SessionConfig", "public class Config extends GeneratedBase {", "}"));

    List<Diagnostic<? extends JavaFileObject>> unknown = withId(compilation, "UnknownSessionType");
    assertEquals(1, unknown.size(), diagnostics(compilation));
    assertTrue(unknown.get(0).getMessage(null).contains("did you mean 'memcached'?"), diagnostics(compilation));
    assertTrue(unknown.get(0).getSource().getName().endsWith("com/acme/GeneratedBase.java"), diagnostics(compilation));
    assertEquals(lineOf(base, "SESSION_TYPE"), unknown.get(0).getLineNumber());
    assertNothingMissingReported(compilation);
  }

  static Stream<Arguments> generatedConstants() {
    return Stream.of(Order.values()).flatMap(order -> Stream.of(
        Arguments.of(order, "filesystem", null),
        Arguments.of(order, "memcache", "UnknownSessionType"),
        Arguments.of(order, "null", "NullSessionType")));
  }

  /** A constant of a generated class in an initializer: judged once the class exists, on the config's line. */
  @ParameterizedTest(name = "[{index}] {0}: \"{1}\"")
  @MethodSource("generatedConstants")
  void aConstantOfAGeneratedClassIsJudgedOnceItExists(Order order, String value, String expectedId) {
    GeneratingProcessor generator = new GeneratingProcessor(source("com.acme.Keys",
        "public final class Keys {", "  public static final String TYPE = \"" + value + "\";", "}"));
    JavaFileObject config = source("com.acme.Config", "@SessionConfig", "public class Config {", KEY,
        "  static final String SESSION_TYPE = Keys.TYPE; // here", "}");
    Compilation compilation = compile(order, generator, config);

    if (expectedId == null) {
      assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
      assertTrue(compilation.generatedSourceFile("com.acme.ConfigLoader").isPresent());
    } else {
      List<Diagnostic<? extends JavaFileObject>> found = withId(compilation, expectedId);
      assertEquals(1, found.size(), diagnostics(compilation));
      assertEquals(lineOf(config, "// here"), found.get(0).getLineNumber());
    }
    assertNothingMissingReported(compilation);
  }

  /** Fields whose declared type is generated, also as a type argument or array component, wait for it. */
  @ParameterizedTest
  @EnumSource(Order.class)
  void fieldsOfAGeneratedTypeWaitForIt(Order order) {
    GeneratingProcessor generator = new GeneratingProcessor(source("com.acme.Names", "public final class Names {",
        "  public static List<Names> all() { return List.of(); }", "}"));
    Compilation compilation = compile(order, generator, source("com.acme.Config", "@SessionConfig",
        "public class Config {", KEY, TYPE,
        "  static final Names DEFAULT = null;",
        "  static final Names[] SOME = {};",
        "  static final List<? extends Names> ALL = switch (SESSION_TYPE) { default -> Names.all(); };",
        "}"));

    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    assertTrue(generator.roundOf("com.acme.Names") < generator.roundOf("com.acme.ConfigLoader"),
        generator.rounds.toString());
  }

  static Stream<Arguments> neverGenerated() {
    List<Arguments> cases = new ArrayList<>();
    for (boolean withGenerator : new boolean[] {true, false}) {
      cases.add(Arguments.of(withGenerator, "because Missing never",
          "public class Config extends Missing {\n" + KEY + "\n" + TYPE));
      cases.add(Arguments.of(withGenerator, "initializer of com.acme.Config.SESSION_TYPE",
          "public class Config {\n" + KEY + "\n  static final String SESSION_TYPE = Missing.TYPE;"));
      cases.add(Arguments.of(withGenerator, "because Missing never",
          "public class Config {\n" + KEY + "\n" + TYPE + "\n  static final Missing HOLDER = null;"));
      cases.add(Arguments.of(withGenerator, "because Missing never",
          "public class Config {\n" + KEY + "\n" + TYPE + "\n  static final List<Missing> ALL = List.of();"));
      // These crashed javac (its own AssertionError) when the processor attributed them before waiting.
      cases.add(Arguments.of(withGenerator, "because Missing never",
          "public class Config {\n" + KEY + "\n" + TYPE + "\n" + UNATTRIBUTABLE));
      cases.add(Arguments.of(withGenerator, "because Missing never", "public class Config {\n"
          + "  static final String SECRET_KEY;\n  static { SECRET_KEY = System.getenv(\"SECRET_KEY\"); }\n" + TYPE
          + "\n" + UNATTRIBUTABLE));
    }
    return cases.stream();
  }

  /** A type that never appears: [UnresolvedType] on the annotation once processing is over, and javac's error. */
  @ParameterizedTest(name = "[{index}] other processor: {0}; {2}")
  @MethodSource("neverGenerated")
  void aTypeThatNeverAppearsIsReportedAsUnresolved(boolean withGenerator, String waitedFor, String body) {
    List<String> lines = new ArrayList<>(List.of("@SessionConfig // here"));
    lines.addAll(List.of(body.split("\n")));
    lines.add("}");
    JavaFileObject config = source("com.acme.Config", lines.toArray(String[]::new));
    List<Processor> processors = withGenerator
        ? Order.SESSIONCONFIG_FIRST.of(new GeneratingProcessor(source("com.acme.Unrelated", "class Unrelated {}")))
        : List.of(new SessionConfigProcessor());
    Compilation compilation = javac().withProcessors(processors).compile(withTrigger(config));

    assertEquals(Compilation.Status.FAILURE, compilation.status());
    List<Diagnostic<? extends JavaFileObject>> unresolved = withId(compilation, "UnresolvedType");
    assertEquals(1, unresolved.size(), diagnostics(compilation));
    assertEquals(lineOf(config, "// here"), unresolved.get(0).getLineNumber());
    assertTrue(unresolved.get(0).getMessage(null).contains(waitedFor), diagnostics(compilation));
    assertTrue(compilation.errors().stream().anyMatch(e -> e.getMessage(null).contains("cannot find symbol")),
        "javac reports the missing symbol itself:\n" + diagnostics(compilation));
    assertTrue(withId(compilation, "InternalError").isEmpty(), diagnostics(compilation));
  }

  /**
   * The config is fine, but its secret comes from a class that javac cannot attribute yet: that class's code is not
   * read (the secret counts as opaque), so only javac's own errors are reported.
   */
  @ParameterizedTest
  @EnumSource(Order.class)
  void codeOfAClassJavacCannotAttributeYetIsNotRead(Order order) {
    GeneratingProcessor generator = new GeneratingProcessor(source("com.acme.Unrelated", "class Unrelated {}"));
    Compilation compilation = compile(order, generator,
        source("com.acme.Keys", "class Keys {", UNATTRIBUTABLE,
            "  static String secret() { return System.getenv(\"SECRET_KEY\"); }", "}"),
        source("com.acme.Config", "@SessionConfig", "public class Config {",
            "  static final String SECRET_KEY = Keys.secret();", TYPE, "}"));

    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertTrue(compilation.errors().stream().allMatch(e -> e.getMessage(null).contains("cannot find symbol")),
        diagnostics(compilation));
  }

  private static Compilation compile(Order order, Processor generator, JavaFileObject... sources) {
    Compilation compilation = javac().withProcessors(order.of(generator)).compile(withTrigger(sources));
    assertTrue(withId(compilation, "InternalError").isEmpty(), diagnostics(compilation));
    return compilation;
  }

  /** Nothing was checked too early, while the generated type was missing. */
  private static void assertNothingMissingReported(Compilation compilation) {
    for (String id : List.of("MissingSessionType", "MissingSecretKey", "UnresolvedType")) {
      assertTrue(withId(compilation, id).isEmpty(), diagnostics(compilation));
    }
    assertFalse(diagnostics(compilation).contains("cannot find symbol"), diagnostics(compilation));
  }

  /** The sources, and a class carrying {@code @Generate}, the annotation that sets the generator off. */
  private static JavaFileObject[] withTrigger(JavaFileObject... sources) {
    return Stream.concat(Stream.of(sources), Stream.of(source("com.acme.Generate", "public @interface Generate {}"),
        source("com.acme.Trigger", "@Generate class Trigger {}"))).toArray(JavaFileObject[]::new);
  }

  /**
   * Another processor of the user's build, set off by its own annotation as AutoValue's or Immutables' are: writes
   * its sources in the first round, and records each round's root types so a test can tell in which round a type
   * appeared. Claims nothing.
   *
   * <p>Not a universal ({@code "*"}) processor: javac calls one of those only while some annotation is unclaimed,
   * and the SessionConfig processor claims {@code @SessionConfig} (which keeps {@code -Xlint:all} quiet), so a
   * universal processor after it would not run in a round whose only annotation is {@code @SessionConfig}.
   */
  @SupportedAnnotationTypes("com.acme.Generate")
  static final class GeneratingProcessor extends AbstractProcessor {
    private final List<JavaFileObject> sources;
    final List<Set<String>> rounds = new ArrayList<>();

    GeneratingProcessor(JavaFileObject... sources) {
      this.sources = List.of(sources);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      Set<String> roots = new TreeSet<>();
      for (Element root : round.getRootElements()) {
        roots.add(((TypeElement) root).getQualifiedName().toString());
      }
      rounds.add(roots);
      if (rounds.size() == 1) {
        sources.forEach(this::write);
      }
      return false;
    }

    /** The round (from 1) whose root types include {@code qualifiedName}. */
    int roundOf(String qualifiedName) {
      for (int i = 0; i < rounds.size(); i++) {
        if (rounds.get(i).contains(qualifiedName)) {
          return i + 1;
        }
      }
      throw new AssertionError(qualifiedName + " appeared in no round: " + rounds);
    }

    private void write(JavaFileObject source) {
      String name = source.getName().replaceFirst("^/", "").replaceFirst("\\.java$", "").replace('/', '.');
      try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        writer.write(source.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
