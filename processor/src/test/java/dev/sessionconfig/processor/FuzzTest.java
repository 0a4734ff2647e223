package dev.sessionconfig.processor;

import static com.google.testing.compile.Compiler.javac;
import static dev.sessionconfig.processor.Compiler.compileWith;
import static dev.sessionconfig.processor.Compiler.diagnostics;
import static dev.sessionconfig.processor.Compiler.source;
import static dev.sessionconfig.processor.Compiler.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.testing.compile.Compilation;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles thousands of random, often broken, config classes ({@link ConfigFuzzer}) and checks that the processor
 * never fails: no exception out of javac, and no {@code [InternalError]} (javac's own assertions on units that do
 * not parse aside, see {@link #isJavacAssertion}). Valid units must also compile cleanly and get their loaders.
 * Repeatable: {@code -Dfuzz.seed=N} runs one seed, {@code -Dfuzz.count=N} sets how many classes each seed writes
 * (default 500, for 3000 in all). A failure names its seed and prints the units that cause it.
 */
class FuzzTest {
  private static final long[] SEEDS = {1, 2, 3, 4, 5, 6};
  private static final int COUNT = Integer.getInteger("fuzz.count", 500);
  /** Units per javac run: one file and package each, so a run costs about as much as one big compilation. */
  private static final int BATCH = 50;
  /** The profile of each batch in turn: a quarter valid, a quarter with one defect, half anything. */
  private static final List<ConfigFuzzer.Profile> PROFILES = List.of(ConfigFuzzer.Profile.VALID,
      ConfigFuzzer.Profile.ONE_DEFECT, ConfigFuzzer.Profile.ANY, ConfigFuzzer.Profile.ANY);
  private static final double DAMAGE_RATE = 0.5;
  /**
   * javac skips annotation processing for the whole compilation when one file fails to parse; this option makes
   * it process the error-recovered trees anyway, as an IDE does, so broken units still reach the processor.
   */
  private static final String PROCESS_DESPITE_PARSE_ERRORS = "-XDshould-stop.ifError=FLOW";
  /** javac prints only the first 100 errors and warnings: a batch has more, and each must be seen. */
  private static final List<String> SHOW_ALL = List.of("-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000");
  private static final Pattern ID = Pattern.compile("^\\[(\\w+)\\]");
  /** The first frame of an AssertionError's stack trace, as an [InternalError] prints it. */
  private static final Pattern JAVAC_ASSERTION = Pattern.compile("(?s)java\\.lang\\.AssertionError.*?\\n\\s*at (\\S+)");

  private final Set<String> idsSeen = new TreeSet<>();
  private int units;
  private int unparseable;
  private int successes;
  private int loaders;
  private int javacOwnFailures;
  private int javacAsserts;

  @TestFactory
  Stream<DynamicTest> fuzz() {
    Stream<DynamicTest> seeds = seeds().mapToObj(seed -> dynamicTest("seed " + seed, () -> run(seed)));
    return Stream.concat(seeds, Stream.of(dynamicTest("the generator reaches the checks", this::notTrivial)));
  }

  private static LongStream seeds() {
    String only = System.getProperty("fuzz.seed");
    return only != null ? LongStream.of(Long.parseLong(only)) : LongStream.of(SEEDS);
  }

  private void run(long seed) {
    ConfigFuzzer fuzzer = new ConfigFuzzer(new Random(seed));
    for (int batch = 0; batch * BATCH < COUNT; batch++) {
      ConfigFuzzer.Profile profile = PROFILES.get(batch % PROFILES.size());
      List<ConfigFuzzer.Unit> batchUnits = new ArrayList<>();
      for (int i = 0; i < Math.min(BATCH, COUNT - batch * BATCH); i++) {
        batchUnits.add(fuzzer.unit("fuzz.c" + i, profile, DAMAGE_RATE));
      }
      Batch current = new Batch(seed, batch, batchUnits);
      units += batchUnits.size();
      if (profile == ConfigFuzzer.Profile.VALID) {
        current.compileValid();
      } else {
        current.compileAny();
      }
    }
  }

  private void notTrivial() {
    System.out.printf("FuzzTest: %d units (%d do not parse), %d clean compilations, %d loaders, %d javac failures"
        + " with an idle processor too, %d javac asserts on units that do not parse, IDs seen: %s%n",
        units, unparseable, successes, loaders, javacOwnFailures, javacAsserts, idsSeen);
    assumeTrue(System.getProperty("fuzz.seed") == null && units >= 3000,
        "the generator is judged on a run of every seed; one seed only reproduces");
    assertTrue(idsSeen.size() >= 20, "diagnostic IDs seen: " + idsSeen);
    assertTrue(successes >= units / BATCH / PROFILES.size(), "successful compilations: " + successes);
    assertTrue(loaders >= units / PROFILES.size(), "loaders generated: " + loaders);
    assertTrue(unparseable >= units / 10, "units that do not parse: " + unparseable + " of " + units);
  }

  /**
   * Found by this test: javac processes a unit that does not parse when told to carry on after errors (as IDEs do);
   * the processor then attributed its error-recovered trees, javac's own AssertionError escaped, and javac died.
   * Such a unit is now checked from its elements alone.
   */
  @Test
  void aUnitThatDoesNotParseIsCheckedFromItsElementsOnly() {
    Compilation compilation = compileWith(List.of(PROCESS_DESPITE_PARSE_ERRORS), source("com.acme.Config",
        "@SessionConfig",
        "public class Config {",
        "  static final String SECRET_KEY;",
        "  static final String SESSION_TYPE = \"memcache\";",
        "  static { try { SECRET_KEY = System.getenv(\"SECRET_KEY\"); catch } (RuntimeException e) { throw e; } }",
        "}"));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of(), internalErrors(compilation));
    assertEquals(1, withId(compilation, "UnknownSessionType").size(), diagnostics(compilation));
  }

  /**
   * Found by this test: a unit that does not parse declares a local variable named like a setting; resolving every
   * variable made javac attribute that unit's error-recovered trees, and javac's own AssertionError killed it. Only
   * fields and assignments named like settings are resolved now.
   */
  @Test
  void aLocalNamedLikeASettingInAUnitThatDoesNotParseIsNotResolved() {
    Compilation compilation = compileWith(List.of(PROCESS_DESPITE_PARSE_ERRORS),
        source("com.acme.Config", "@SessionConfig", "public final class Config {"),
        source("com.acme.App", "public class App {", "  void run() {", "    @Deprecated",
            "  public static final volatile byte[] SECRET_KEY = Optional.ofNullable(System.getenv(\"OLD_KEY\"))"
                + ".orElseGet(() -> (long) null.concat(Env.DEV.key()));"));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of(), internalErrors(compilation));
    assertEquals(1, withId(compilation, "MissingSessionType").size(), diagnostics(compilation));
  }

  /**
   * Found by this test: {@code @SessionConfig class interface Base} does not parse, and javac recovers a class named
   * {@code <error>}; reading it built a code generator's class name, which rejects that name, and the processor
   * reported an [InternalError]. Names stay text until a class passes every rule.
   */
  @Test
  void aConfigClassWhoseNameDoesNotParseIsNoInternalError() {
    Compilation compilation = compileWith(List.of(PROCESS_DESPITE_PARSE_ERRORS), source("com.acme.Config",
        "@SessionConfig",
        "class interface Base {",
        "  static final String SESSION_COOKIE_PATH = System.getProperty(\"app.key\", \"/\");",
        "}",
        "@SessionConfig",
        "public class Config {",
        "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
        "}"));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of(), internalErrors(compilation));
  }

  /**
   * Found by this test (a run of 2,000 units per seed): after a record header that does not parse, javac's recovery
   * nests the next classes in a class named {@code <error>}; a valid config there passed every rule, and writing its
   * loader named that class. A config generated code cannot name gets no loader; javac reports the syntax error.
   */
  @Test
  void aConfigNestedInAClassWhoseNameDoesNotParseGetsNoLoader() {
    Compilation compilation = compileWith(List.of(PROCESS_DESPITE_PARSE_ERRORS), source("com.acme.Config",
        "record Pair(String first, String second enum ) {}",
        "public class Config {",
        "  @SessionConfig",
        "  public static class Inner {",
        "    static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
        "    static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;",
        "  }",
        "}"));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of(), internalErrors(compilation));
  }

  /**
   * Found by this test (a run of 1,500 units per seed): asking javac what {@code true.concat(...)} calls, inside a
   * conditional's arguments, trips javac's own assert in its error recovery, which became an [InternalError]. javac
   * reports the type errors itself; the initializer is now simply unknown to the processor.
   */
  @Test
  void javacsOwnAssertOnCodeWithTypeErrorsIsNoInternalError() {
    Compilation compilation = compileWith(List.of(), source("com.acme.Config",
        "@SessionConfig",
        "public class Config {",
        "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
        "  static final String SESSION_TYPE =",
        "      \"a\" != null ? \"b\" : Arrays.asList(true.concat(System.getenv(\"K\")));",
        "}"));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(List.of(), internalErrors(compilation));
  }

  /** One javac run's worth of units, with what is needed to report and reproduce a failure. */
  private final class Batch {
    private final long seed;
    private final int index;
    private final List<ConfigFuzzer.Unit> units;

    Batch(long seed, int index, List<ConfigFuzzer.Unit> units) {
      this.seed = seed;
      this.index = index;
      this.units = units;
    }

    /** Valid units compile without errors, and each gets the loaders it should. */
    void compileValid() {
      Compilation compilation = compile(units, SHOW_ALL)
          .orElseThrow(() -> new AssertionError(failure(units, "javac failed on valid units", "")));
      assertEquals(Compilation.Status.SUCCESS, compilation.status(),
          failure(units, "valid units did not compile", diagnostics(compilation)));
      for (ConfigFuzzer.Unit unit : units) {
        for (String loader : unit.expectedLoaders()) {
          assertTrue(compilation.generatedSourceFile(loader).isPresent(),
              failure(List.of(unit), "no " + loader + " was generated", diagnostics(compilation)));
        }
      }
    }

    /** Units that parse are compiled as a build would; those that do not, as an IDE would. */
    void compileAny() {
      Set<String> broken = unparseable(units);
      unparseable += broken.size();
      List<ConfigFuzzer.Unit> parsing = units.stream().filter(u -> !broken.contains(u.qualifiedName())).toList();
      List<ConfigFuzzer.Unit> notParsing = units.stream().filter(u -> broken.contains(u.qualifiedName())).toList();
      if (!parsing.isEmpty()) {
        compile(parsing, SHOW_ALL);
      }
      if (!notParsing.isEmpty()) {
        compile(notParsing, Stream.concat(SHOW_ALL.stream(), Stream.of(PROCESS_DESPITE_PARSE_ERRORS)).toList());
      }
    }

    /**
     * Compiles, failing with the culprits' sources on an {@code [InternalError]} or on an exception out of javac;
     * empty when javac fails on these units with an idle processor too.
     */
    private Optional<Compilation> compile(List<ConfigFuzzer.Unit> group, List<String> options) {
      Compilation compilation;
      try {
        compilation = compileWith(options, files(group));
      } catch (RuntimeException | Error e) {
        if (failsWithIdleProcessor(group, options)) {
          javacOwnFailures++;
          return Optional.empty();
        }
        throw new AssertionError(failure(culprits(group, options), "javac " + options + " threw " + e, ""), e);
      }
      List<String> internal = new ArrayList<>(internalErrors(compilation));
      if (options.contains(PROCESS_DESPITE_PARSE_ERRORS)) {
        int all = internal.size();
        internal.removeIf(FuzzTest::isJavacAssertion);
        javacAsserts += all - internal.size();
      }
      if (!internal.isEmpty()) {
        throw new AssertionError(failure(culprits(group, options), "[InternalError] reported by javac " + options,
            String.join("\n", internal)));
      }
      record(compilation);
      return Optional.of(compilation);
    }

    /** The units that fail on their own; all of them when only their combination does. */
    private List<ConfigFuzzer.Unit> culprits(List<ConfigFuzzer.Unit> group, List<String> options) {
      List<ConfigFuzzer.Unit> alone = group.stream().filter(unit -> failsAlone(unit, options)).toList();
      return alone.isEmpty() ? group : alone;
    }

    private String failure(List<ConfigFuzzer.Unit> culprits, String what, String diagnostics) {
      StringBuilder text = new StringBuilder("seed ").append(seed).append(", batch ").append(index).append(": ")
          .append(what).append(". Reproduce with -Dtest=FuzzTest -Dfuzz.seed=").append(seed)
          .append(" -Dfuzz.count=").append((index + 1) * BATCH).append('\n').append(diagnostics);
      for (ConfigFuzzer.Unit unit : culprits) {
        text.append("\n--- ").append(unit.qualifiedName()).append(unit.damaged() ? " (damaged)" : "").append(" ---\n")
            .append(unit.text());
      }
      return text.toString();
    }
  }

  private void record(Compilation compilation) {
    if (compilation.status() == Compilation.Status.SUCCESS) { // compile-testing shows no files of a failed one
      successes++;
      loaders += (int) compilation.generatedSourceFiles().stream()
          .filter(file -> file.getName().endsWith("Loader.java")).count();
    }
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      Matcher id = ID.matcher(message(d));
      if (id.find() && !id.group(1).equals("InternalError")) { // a tolerated one is no check reached
        idsSeen.add(id.group(1));
      }
    }
  }

  private static boolean failsAlone(ConfigFuzzer.Unit unit, List<String> options) {
    try {
      return !internalErrors(compileWith(options, unit.file())).isEmpty();
    } catch (RuntimeException | Error e) {
      return !failsWithIdleProcessor(List.of(unit), options);
    }
  }

  /**
   * Whether javac fails on {@code units} with a processor that does nothing: annotation processing alone takes
   * javac down paths where, on error-recovered trees, it has bugs of its own (JDK 17: an AssertionError validating
   * type annotations of a switch expression).
   */
  private static boolean failsWithIdleProcessor(List<ConfigFuzzer.Unit> units, List<String> options) {
    try {
      javac().withProcessors(new IdleProcessor()).withOptions(options).compile(files(units));
      return false;
    } catch (RuntimeException | Error e) {
      return true;
    }
  }

  /**
   * An [InternalError] whose cause is javac's own assertion, tripped while it attributes the error-recovered trees
   * of units that do not parse. The processor skips a unit whose trees visibly failed to parse, but javac's recovery
   * leaves some broken units looking whole (a lambda without its arrow); it reports the assertion instead of letting
   * javac crash, and that is all it can do for them.
   */
  private static boolean isJavacAssertion(String internalError) {
    Matcher cause = JAVAC_ASSERTION.matcher(internalError);
    return cause.find() && cause.group(1).startsWith("jdk.compiler/com.sun.tools.javac.");
  }

  private static List<String> internalErrors(Compilation compilation) {
    return compilation.diagnostics().stream().map(FuzzTest::message)
        .filter(m -> m.contains("[InternalError]")).toList();
  }

  /** A diagnostic's text. javac formats its own lazily, which can fail after compiling error-recovered trees. */
  private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
    try {
      return diagnostic.getMessage(null);
    } catch (RuntimeException e) {
      return "(javac could not format this diagnostic: " + e + ")";
    }
  }

  /** Takes part in every round and does nothing. */
  @SupportedAnnotationTypes("*")
  private static final class IdleProcessor extends AbstractProcessor {
    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

  private static JavaFileObject[] files(List<ConfigFuzzer.Unit> units) {
    return units.stream().map(ConfigFuzzer.Unit::file).toArray(JavaFileObject[]::new);
  }

  /** The names of the units that javac's parser rejects, found by parsing alone (much cheaper than compiling). */
  private static Set<String> unparseable(List<ConfigFuzzer.Unit> units) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
    List<JavaFileObject> files = List.of(files(units));
    try {
      ((JavacTask) javac.getTask(null, null, errors, List.of("-proc:none"), null, files)).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> broken = new HashSet<>();
    for (Diagnostic<? extends JavaFileObject> d : errors.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        broken.add(d.getSource().getName());
      }
    }
    return units.stream().filter(unit -> broken.contains(unit.file().getName()))
        .map(ConfigFuzzer.Unit::qualifiedName).collect(Collectors.toSet());
  }
}
