package dev.sessionconfig.processor.read;


import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.LookupTree;
import dev.sessionconfig.processor.evaluate.ValueSource;
import dev.sessionconfig.processor.evaluate.ValueSource.Kind;
import dev.sessionconfig.processor.evaluate.ValueSourceAnalyzer;
import dev.sessionconfig.processor.facts.EnumConstant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classifies the value of {@code Config.SECRET_KEY} in small compiled sources. The secret written in the code
 * is always {@code hunter2}, so that every test can check it never shows in a description.
 */
class ValueSourceAnalyzerTest {
  private static final String SECRET = "hunter";

  static Stream<Arguments> literals() {
    return Stream.of(
        literal("string literal", "static final String SECRET_KEY = \"hunter2\";"),
        literal("empty string", "static final String SECRET_KEY = \"\";"),
        literal("text block", "static final String SECRET_KEY = \"\"\"\n    hunter2\n    \"\"\";"),
        literal("concatenation", "static final String SECRET_KEY = \"hun\" + \"ter2\";"),
        literal("ternary of literals",
            "static boolean debug; static final String SECRET_KEY = debug ? \"hunter2\" : \"hunter3\";"),
        literal("parentheses and a cast", "static final Object SECRET_KEY = ((Object) (\"hunter2\"));"),
        literal("char literal", "static final char SECRET_KEY = 'h';"),
        literal("number literal", "static final long SECRET_KEY = 20_000L;"),
        literal("char[] array literal", "static final char[] SECRET_KEY = new char[] {'h', 'u'};"),
        literal("byte[] array literal", "static final byte[] SECRET_KEY = new byte[] {1, 2};"),
        literal("array initializer", "static final byte[] SECRET_KEY = {1, 2};"),
        literal("zeroed array", "static final byte[] SECRET_KEY = new byte[32];"),
        literal("toCharArray()", "static final char[] SECRET_KEY = \"hunter2\".toCharArray();"),
        literal("getBytes(UTF_8)", "static final byte[] SECRET_KEY = \"hunter2\".getBytes(StandardCharsets.UTF_8);"),
        literal("getBytes()", "static final byte[] SECRET_KEY = \"hunter2\".getBytes();"),
        literal("new String(char[])", "static final String SECRET_KEY = new String(new char[] {'h'});"),
        literal("String.valueOf(char[])", "static final String SECRET_KEY = String.valueOf(new char[] {'h'});"),
        literal("String.valueOf(int)", "static final String SECRET_KEY = String.valueOf(12345);"),
        literal("String.join", "static final String SECRET_KEY = String.join(\"-\", \"hun\", \"ter2\");"),
        literal("String.format", "static final String SECRET_KEY = String.format(\"%s%d\", \"hunter\", 2);"),
        literal("trim()", "static final String SECRET_KEY = \" hunter2 \".trim();"),
        literal("strip()", "static final String SECRET_KEY = \" hunter2 \".strip();"),
        literal("substring()", "static final String SECRET_KEY = \"xhunter2\".substring(1);"),
        literal("toUpperCase()", "static final String SECRET_KEY = \"hunter2\".toUpperCase(Locale.ROOT);"),
        literal("toLowerCase()", "static final String SECRET_KEY = \"HUNTER2\".toLowerCase();"),
        literal("concat()", "static final String SECRET_KEY = \"hun\".concat(\"ter2\");"),
        literal("repeat()", "static final String SECRET_KEY = \"hunter2\".repeat(2);"),
        literal("replace()", "static final String SECRET_KEY = \"hunter2\".replace('2', '3');"),
        literal("intern()", "static final String SECRET_KEY = \"hunter2\".intern();"),
        literal("StringBuilder chain",
            "static final String SECRET_KEY = new StringBuilder(\"hun\").append(\"ter\").append(2).toString();"),
        literal("Base64 decoding", "static final byte[] SECRET_KEY = Base64.getDecoder().decode(\"aHVudGVyMg==\");"),
        literal("Base64 URL decoding", "static final byte[] SECRET_KEY = Base64.getUrlDecoder().decode(\"aHVudGVyMg\");"),
        literal("Base64 decoded into a String", "static final String SECRET_KEY ="
            + " new String(Base64.getDecoder().decode(\"aHVudGVyMg==\"), StandardCharsets.UTF_8);"),
        literal("HexFormat decoding", "static final byte[] SECRET_KEY = HexFormat.of().parseHex(\"cafe\");"),
        literal("List.of", "static final List<String> SECRET_KEY = List.of(\"hunter2\", \"hunter3\");"),
        literal("Arrays.asList", "static final List<String> SECRET_KEY = Arrays.asList(\"hunter2\");"),
        literal("Set.of", "static final Set<String> SECRET_KEY = Set.of(\"hunter2\");"),
        literal("BigInteger bytes", "static final byte[] SECRET_KEY = new java.math.BigInteger(\"12345\").toByteArray();"),
        literal("Duration.ofDays", "static final Duration SECRET_KEY = Duration.ofDays(7);"),
        literal("requireNonNull of a literal", "static final String SECRET_KEY = Objects.requireNonNull(\"hunter2\");"),
        literal("Optional of a literal", "static final String SECRET_KEY = Optional.of(\"hunter2\").get();"),
        literal("constant of another class", "static final String SECRET_KEY = Keys.DEV;",
            "class Keys { static final String DEV = \"hunter2\"; }"),
        literal("interface constant", "static final String SECRET_KEY = Keys.DEV;",
            "interface Keys { String DEV = \"hunter2\"; }"),
        literal("concatenation with another class's constant", "static final String SECRET_KEY = Keys.PREFIX + \"ter2\";",
            "class Keys { static final String PREFIX = \"hun\"; }"),
        literal("non-final static", "static String dev = \"hunter2\"; static final String SECRET_KEY = dev;"),
        literal("static final initialized by a method",
            "static final String DEV = \"hunter2\".trim(); static final String SECRET_KEY = DEV;"),
        literal("other class's non-constant static", "static final String SECRET_KEY = Keys.DEV;",
            "class Keys { static String DEV = String.valueOf(\"hunter2\"); }"),
        literal("other field assigned in a static block",
            "static String dev; static { dev = \"hunter2\"; } static final String SECRET_KEY = dev;"),
        literal("static-block assignment", "static final String SECRET_KEY; static { SECRET_KEY = \"hunter2\"; }"),
        literal("field of an enum constant", "static final String SECRET_KEY = Keys.DEV.key;",
            "enum Keys { DEV(\"hunter2\"); final String key; Keys(String key) { this.key = key; } }"),
        literal("enum constant's name()", "static final String SECRET_KEY = Keys.HUNTER2.name();", "enum Keys { HUNTER2 }"),
        literal("enum constant's toString()", "static final String SECRET_KEY = Keys.HUNTER2.toString();",
            "enum Keys { HUNTER2 }"),
        literal("same-unit method returning a literal",
            "static final String SECRET_KEY = devKey(); static String devKey() { return \"hunter2\"; }"),
        literal("method with literal returns only", "static boolean debug; static final String SECRET_KEY = devKey();"
            + " static String devKey() { if (debug) { return \"hunter2\"; } return \"hunter3\"; }"),
        literal("other unit's method returning a literal", "static final String SECRET_KEY = Keys.dev();",
            "class Keys { static String dev() { return \"hunter2\"; } }"),
        literal("record accessor", "static final String SECRET_KEY = new Keys().dev();",
            "record Keys() { String dev() { return \"hunter2\"; } }"),
        literal("enum constant's method", "static final String SECRET_KEY = Keys.DEV.key();",
            "enum Keys { DEV; String key() { return \"hunter2\"; } }"),
        literal("local variable in a static block",
            "static final String SECRET_KEY; static { String key = \"hunter2\"; SECRET_KEY = key; }"),
        literal("local variable built with +=",
            "static final String SECRET_KEY; static { String key = \"hun\"; key += \"ter2\"; SECRET_KEY = key; }"),
        literal("array element", "static final String[] KEYS = {\"hunter2\"}; static final String SECRET_KEY = KEYS[0];"),
        literal("switch expression", "static int mode; static final String SECRET_KEY = switch (mode) {"
            + " case 1 -> \"hunter2\"; default -> { yield \"hunter3\"; } };"),
        literal("method with a parameter",
            "static String id(String value) { return value; } static final String SECRET_KEY = id(\"hunter2\");"),
        literal("final field of an object built in the source",
            "static final String SECRET_KEY = new Holder(\"hunter2\").value;",
            "class Holder { final String value; Holder(String value) { this.value = value; } }"),
        literal("field set through this(...)", "static final String SECRET_KEY = new Holder().value();",
            "class Holder { private final String value; Holder() { this(\"hunter2\"); }"
                + " Holder(String value) { this.value = value; } String value() { return value; } }"),
        literal("record component through its accessor",
            "static final String SECRET_KEY = new Login(\"admin\", \"hunter2\").password();",
            "record Login(String user, String password) {}"),
        literal("instance method reading a field", "static final String SECRET_KEY = new Holder(\"hunter2\").get();",
            "class Holder { private final String value; Holder(String value) { this.value = value; }"
                + " String get() { return this.value.strip(); } }"),
        literal("varargs element", "static final String SECRET_KEY = first(\"hunter2\", \"hunter3\");"
            + " static String first(String... values) { return values[0]; }"),
        literal("for-each over varargs", "static final String SECRET_KEY = first(null, \"hunter2\");"
            + " static String first(String... values) { for (String v : values) { if (v != null) { return v; } }"
            + " return null; }"),
        literal("array filled with a literal in place", "static final char[] SECRET_KEY;"
            + " static { char[] key = new char[8]; Arrays.fill(key, 'h'); SECRET_KEY = key; }"),
        literal("enum constant's text", "static final String SECRET_KEY = String.valueOf(Keys.HUNTER2);",
            "enum Keys { HUNTER2 }"),
        literal("supplier field of a literal",
            "static final Supplier<String> DEV = () -> \"hunter2\"; static final String SECRET_KEY = DEV.get();"));
  }

  static Stream<Arguments> lookups() {
    return Stream.of(
        lookup("getenv", "environment variable SECRET_KEY",
            "static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");"),
        lookup("getenv of another class's constant name", "environment variable APP_KEY",
            "static final String SECRET_KEY = System.getenv(Names.KEY);",
            "class Names { static final String KEY = \"APP_KEY\"; }"),
        lookup("getenv of a concatenated name", "environment variable APP_KEY",
            "static final String PREFIX = \"APP_\"; static final String SECRET_KEY = System.getenv(PREFIX + \"KEY\");"),
        lookup("getenv().get", "environment variable K", "static final String SECRET_KEY = System.getenv().get(\"K\");"),
        lookup("environment map in a local", "environment variable K", "static final String SECRET_KEY;"
            + " static { Map<String, String> env = System.getenv(); SECRET_KEY = env.get(\"K\"); }"),
        lookup("getProperty", "system property app.key", "static final String SECRET_KEY = System.getProperty(\"app.key\");"),
        lookup("getProperties().getProperty", "system property app.key",
            "static final String SECRET_KEY = System.getProperties().getProperty(\"app.key\");"),
        lookup("requireNonNull", "environment variable K",
            "static final String SECRET_KEY = Objects.requireNonNull(System.getenv(\"K\"), \"K is not set\");"),
        lookup("Optional orElseThrow()", "environment variable K",
            "static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"K\")).orElseThrow();"),
        lookup("Optional orElseThrow(supplier)", "environment variable K",
            "static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"K\"))"
                + ".orElseThrow(IllegalStateException::new);"),
        lookup("Optional get()", "environment variable K",
            "static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"K\")).get();"),
        lookup("Files.readString(Path.of)", "file /run/secrets/k", "static final String SECRET_KEY = read();"
            + " static String read() { try { return Files.readString(Path.of(\"/run/secrets/k\")); }"
            + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }"),
        lookup("Files.readString(Paths.get) in a static block", "file /run/secrets/k",
            "static final String SECRET_KEY; static { String key;"
                + " try { key = Files.readString(Paths.get(\"/run/secrets\", \"k\")); }"
                + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } SECRET_KEY = key; }"),
        lookup("new String(Files.readAllBytes)", "file /run/secrets/k", "static final String SECRET_KEY = read();"
            + " static String read() { try { return new String(Files.readAllBytes(Path.of(\"/run/secrets/k\")),"
            + " StandardCharsets.UTF_8); } catch (java.io.IOException e) { throw new IllegalStateException(e); } }"),
        lookup("Files.readAllBytes", "file /run/secrets/k", "static final byte[] SECRET_KEY = read();"
            + " static byte[] read() { try { return Files.readAllBytes(Path.of(\"/run/secrets/k\")); }"
            + " catch (java.io.IOException e) { throw new IllegalStateException(e); } }"),
        lookup("strip()", "environment variable K", "static final String SECRET_KEY = System.getenv(\"K\").strip();"),
        lookup("Optional orElse(another lookup)", "environment variable A, else environment variable B",
            "static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"A\")).orElse(System.getenv(\"B\"));"),
        lookup("ternary of two lookups", "environment variable A, else environment variable B",
            "static final String A = System.getenv(\"A\"); static final String B = System.getenv(\"B\");"
                + " static final String SECRET_KEY = A != null ? A : B;"),
        lookup("requireNonNullElse of two lookups", "environment variable A, else environment variable B",
            "static final String SECRET_KEY = Objects.requireNonNullElse(System.getenv(\"A\"), System.getenv(\"B\"));"),
        lookup("getOrDefault of another lookup", "environment variable A, else environment variable B",
            "static final String SECRET_KEY = System.getenv().getOrDefault(\"A\", System.getenv(\"B\"));"),
        lookup("getOrDefault with null", "environment variable K",
            "static final String SECRET_KEY = System.getenv().getOrDefault(\"K\", null);"),
        lookup("getProperty with null", "system property k",
            "static final String SECRET_KEY = System.getProperty(\"k\", null);"),
        lookup("static field holding a lookup", "environment variable K",
            "static final String ENV = System.getenv(\"K\"); static final String SECRET_KEY = ENV;"),
        lookup("method returning a lookup", "environment variable K",
            "static final String SECRET_KEY = key(); static String key() { return System.getenv(\"K\"); }"),
        lookup("local variable stripped in place", "environment variable K", "static final String SECRET_KEY;"
            + " static { String key = System.getenv(\"K\"); key = key.strip(); SECRET_KEY = key; }"),
        lookup("field of an enum constant built from a lookup", "environment variable PROD_KEY",
            "static final String SECRET_KEY = Keys.PROD.key;", "enum Keys { PROD(\"PROD_KEY\"); final String key;"
                + " Keys(String variable) { this.key = System.getenv(variable); } }"));
  }

  static Stream<Arguments> fallbacks() {
    String replayed = "environment variable K, else the fallback in the code";
    return Stream.of(
        fallback("getOrDefault", replayed,
            "static final String SECRET_KEY = System.getenv().getOrDefault(\"K\", \"hunter2\");"),
        fallback("getProperty with a default", "system property k, else the fallback in the code",
            "static final String SECRET_KEY = System.getProperty(\"k\", \"hunter2\");"),
        fallback("requireNonNullElse", replayed,
            "static final String SECRET_KEY = Objects.requireNonNullElse(System.getenv(\"K\"), \"hunter2\");"),
        fallback("requireNonNullElseGet with a lambda", replayed,
            "static final String SECRET_KEY = Objects.requireNonNullElseGet(System.getenv(\"K\"), () -> \"hunter2\");"),
        fallback("requireNonNullElseGet with a block lambda", replayed, "static final String SECRET_KEY ="
            + " Objects.requireNonNullElseGet(System.getenv(\"K\"), () -> { return \"hunter2\"; });"),
        fallback("Optional orElse", replayed,
            "static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"K\")).orElse(\"hunter2\");"),
        fallback("Optional orElseGet with a lambda", replayed,
            "static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"K\")).orElseGet(() -> \"hunter2\");"),
        fallback("Optional orElseGet with a method reference", replayed, "static String dev() { return \"hunter2\"; }"
            + " static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"K\")).orElseGet(Config::dev);"),
        fallback("Optional map(String::strip) orElse", replayed, "static final String SECRET_KEY ="
            + " Optional.ofNullable(System.getenv(\"K\")).map(String::strip).orElse(\"hunter2\");"),
        fallback("field != null ? field : literal", replayed,
            "static final String ENV = System.getenv(\"K\"); static final String SECRET_KEY = ENV != null ? ENV : \"hunter2\";"),
        fallback("field == null ? literal : field", replayed,
            "static final String ENV = System.getenv(\"K\"); static final String SECRET_KEY = ENV == null ? \"hunter2\" : ENV;"),
        fallback("getenv != null ? getenv : literal", replayed, "static final String SECRET_KEY ="
            + " System.getenv(\"K\") != null ? System.getenv(\"K\") : \"hunter2\";"),
        fallback("Objects.nonNull(local) ? local : literal in a static block", replayed, "static final String SECRET_KEY;"
            + " static { String env = System.getenv(\"K\"); SECRET_KEY = Objects.nonNull(env) ? env : \"hunter2\"; }"),
        fallback("isEmpty() ? literal : field", null,
            "static final String ENV = System.getenv(\"K\"); static final String SECRET_KEY = ENV.isEmpty() ? \"hunter2\" : ENV;"),
        fallback("isBlank() ? literal : field", null,
            "static final String ENV = System.getenv(\"K\"); static final String SECRET_KEY = ENV.isBlank() ? \"hunter2\" : ENV;"),
        fallback("Guava firstNonNull", replayed,
            "static final String SECRET_KEY = MoreObjects.firstNonNull(System.getenv(\"K\"), \"hunter2\");",
            "class MoreObjects { static <T> T firstNonNull(T a, T b) { return a != null ? a : b; } }"),
        fallback("Commons defaultIfNull", replayed,
            "static final String SECRET_KEY = ObjectUtils.defaultIfNull(System.getenv(\"K\"), \"hunter2\");",
            "class ObjectUtils { static <T> T defaultIfNull(T a, T b) { return a != null ? a : b; } }"),
        fallback("Objects.toString with a default", replayed,
            "static final String SECRET_KEY = Objects.toString(System.getenv(\"K\"), \"hunter2\");"),
        fallback("default assigned in a static block", null, "static String key = System.getenv(\"K\");"
            + " static { if (key == null) { key = \"hunter2\"; } } static final String SECRET_KEY = key;"),
        fallback("method returning a default", null, "static final String SECRET_KEY = key(); static String key() {"
            + " String value = System.getenv(\"K\"); if (value == null) { return \"hunter2\"; } return value; }"),
        fallback("helper with a default argument", replayed, "static final String SECRET_KEY = env(\"K\", \"hunter2\");"
            + " static String env(String name, String fallback) { String v = System.getenv(name);"
            + " return v != null ? v : fallback; }"),
        fallback("helper of a wrapper object", replayed,
            "static final String SECRET_KEY = new Env(System.getenv()).get(\"K\", \"hunter2\");",
            "class Env { private final Map<String, String> vars; Env(Map<String, String> vars) { this.vars = vars; }"
                + " String get(String k, String d) { return vars.getOrDefault(k, d); } }"),
        fallback("getProperty with a default on any Properties", null,
            "static final Properties P = new Properties(); static final String SECRET_KEY = P.getProperty(\"k\", \"hunter2\");"),
        fallback("transformed lookup with a default", null, "static final char[] SECRET_KEY ="
            + " System.getenv().getOrDefault(\"K\", \"hunter2\").toCharArray();"),
        fallback("literal under a flag", null,
            "static boolean debug; static final String SECRET_KEY = debug ? \"hunter2\" : System.getenv(\"K\");"));
  }

  static Stream<Arguments> opaques() {
    return Stream.of(
        opaque("unknown method with a literal argument", "", "static final String SECRET_KEY = Vault.read(\"secret/app\");",
            "class Vault { static String read(String path) { throw new UnsupportedOperationException(path); } }"),
        opaque("JDK method outside the value types", "",
            "static final String SECRET_KEY = java.security.KeyStore.getDefaultType();"),
        opaque("random UUID", "", "static final String SECRET_KEY = UUID.randomUUID().toString();"),
        opaque("toCharArray() of a lookup", "environment variable K",
            "static final char[] SECRET_KEY = System.getenv(\"K\").toCharArray();"),
        opaque("lookup with a literal appended", "environment variable K",
            "static final String SECRET_KEY = System.getenv(\"K\") + \"hunter2\";"),
        opaque("two lookups concatenated", "environment variable A, environment variable B",
            "static final String SECRET_KEY = System.getenv(\"A\") + System.getenv(\"B\");"),
        opaque("mutable field of an object", "", "static final String SECRET_KEY = new Holder(\"hunter2\").value;",
            "class Holder { String value; Holder(String value) { this.value = value; } }"),
        opaque("recursive helper", "environment variable K", "static final String SECRET_KEY = key(\"K\", 3);"
            + " static String key(String k, int n) { return n == 0 ? System.getenv(k) : key(k, n - 1); }"),
        opaque("array filled by SecureRandom", "", "static final byte[] SECRET_KEY;"
            + " static { byte[] key = new byte[32]; new java.security.SecureRandom().nextBytes(key); SECRET_KEY = key; }"),
        opaque("StringBuilder appended a lookup", "environment variable K", "static final String SECRET_KEY;"
            + " static { StringBuilder b = new StringBuilder(\"x\"); b.append(System.getenv(\"K\")); SECRET_KEY = b.toString(); }"),
        opaque("pattern variable", "", "static Object o; static final String SECRET_KEY = o instanceof String s ? s : null;"),
        opaque("overridable method of an unknown receiver", "",
            "static Provider provider; static final String SECRET_KEY = provider.key();",
            "interface Provider { default String key() { return \"hunter2\"; } }"),
        opaque("method cycle", "",
            "static final String SECRET_KEY = a(); static String a() { return b(); } static String b() { return a(); }"),
        opaque("field cycle", "",
            "static String a = Config.b; static String b = Config.a; static final String SECRET_KEY = a;"));
  }

  static Stream<Arguments> unresolved() {
    return Stream.of(
        unresolved("unknown class", "static final String SECRET_KEY = Missing.KEY;"),
        unresolved("unknown identifier", "static final String SECRET_KEY = MISSING;"),
        unresolved("unknown method", "static final String SECRET_KEY = missing();"),
        unresolved("unknown name of a lookup", "static final String SECRET_KEY = System.getenv(Missing.NAME);"),
        unresolved("unknown class constructed", "static final String SECRET_KEY = new Missing().toString();"),
        unresolved("unknown class in a followed field",
            "static String other = Missing.KEY; static final String SECRET_KEY = other;"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"literals", "lookups", "fallbacks", "opaques", "unresolved"})
  void classifies(String shape, Kind expected, String description, String[] sources) {
    Javac javac = Javac.analyze(sources);
    if (expected != Kind.UNRESOLVED) {
      assertEquals(List.of(), javac.errors(), "the test source must compile");
    }
    ValueSource source = javac.analyzer().classify(javac.secretKeyValue());

    assertEquals(expected, source.kind(), source::toString);
    switch (expected) {
      case LOOKUP:
        assertEquals(description, source.lookup().orElseThrow().describe());
        assertEquals(source.lookup().orElseThrow().sources(), source.seen());
        break;
      case LITERAL_FALLBACK:
        assertEquals(Optional.ofNullable(description), source.lookup().map(LookupTree::describe));
        break;
      case OPAQUE:
        assertEquals(description, source.seen().stream().map(LookupTree::describe).collect(Collectors.joining(", ")));
        break;
      default:
        assertTrue(source.lookup().isEmpty());
    }
    assertFalse(source.toString().contains(SECRET), source::toString);
  }

  static Stream<Arguments> values() {
    return Stream.of(
        value("\"hun\" + \"ter2\"", "hunter2"),
        value("1 + 2 * 3", 7),
        value("'a' + 1", 98),
        value("(char) ('a' + 1)", 'b'),
        value("\"x\" + 1.5 + 'c' + true + null", "x1.5ctruenull"),
        value("10L * 3", 30L),
        value("7 / 2", 3),
        value("-7 >>> 28", 15),
        value("1L << 40", 1L << 40),
        value("!false && 2 > 1", true),
        value("(byte) 200", (byte) -56),
        value("LONG", 5L, "static long LONG = 5;"),
        value("Math.max(3, 7)", 7),
        value("Integer.parseInt(\"42\")", 42),
        value("\"abc\".toUpperCase(Locale.ROOT)", "ABC"),
        value("String.format(\"%s-%d\", \"a\", 1)", "a-1"),
        value("String.join(\",\", List.of(\"a\", \"b\"))", "a,b"),
        value("new StringBuilder(\"a\").append('b').append(1).toString()", "ab1"),
        value("new StringBuilder(\"ab\").length()", 2),
        value("Base64.getDecoder().decode(\"YWJj\")", List.of((byte) 97, (byte) 98, (byte) 99)),
        value("new String(Base64.getDecoder().decode(\"YWJj\"), StandardCharsets.UTF_8)", "abc"),
        value("HexFormat.of().parseHex(\"cafe\")", List.of((byte) 0xca, (byte) 0xfe)),
        value("Duration.ofDays(7)", Duration.ofDays(7)),
        value("Duration.ofHours(2)", Duration.ofHours(2)),
        value("Duration.ofMinutes(MINUTES)", Duration.ofMinutes(30), "static final int MINUTES = 30;"),
        value("Duration.ofSeconds(90)", Duration.ofSeconds(90)),
        value("Duration.ofMillis(1500)", Duration.ofMillis(1500)),
        value("Duration.ZERO", Duration.ZERO),
        value("Duration.parse(\"P7D\")", Duration.ofDays(7)),
        value("Duration.of(7, java.time.temporal.ChronoUnit.DAYS)", Duration.ofDays(7)),
        value("java.util.concurrent.TimeUnit.DAYS.toSeconds(7)", 604_800L),
        value("Store.REDIS", new EnumConstant("com.acme.Store", "REDIS"), "enum Store { FILESYSTEM, REDIS }"),
        value("Store.valueOf(\"REDIS\")", new EnumConstant("com.acme.Store", "REDIS"), "enum Store { FILESYSTEM, REDIS }"),
        value("Store.REDIS.name()", "REDIS", "enum Store { FILESYSTEM, REDIS }"),
        value("Store.REDIS.ordinal()", 1, "enum Store { FILESYSTEM, REDIS }"),
        value("Store.REDIS.toString()", "redis",
            "enum Store { REDIS { @Override public String toString() { return \"redis\"; } } }"),
        value("List.of(\"a\", \"b\")", List.of("a", "b")),
        value("Arrays.asList(\"a\", \"b\")", List.of("a", "b")),
        value("new String[] {\"a\", \"b\"}", List.of("a", "b")),
        value("new char[] {'a', 'b'}", List.of('a', 'b')),
        value("new byte[] {1, 2}", List.of((byte) 1, (byte) 2)),
        value("true ? \"a\" : \"b\"", "a"),
        value("new String[] {\"a\", \"b\"}[1]", "b"),
        value("new String[] {\"a\", \"b\"}.length", 2),
        value("Keys.DEV", "hunter2", "class Keys { static final String DEV = \"hunter2\"; }"),
        value("Keys.DEV.key", "hunter2",
            "enum Keys { DEV(\"hunter2\"); final String key; Keys(String key) { this.key = key; } }"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void computesTheValueOfLiterals(String expression, Object expected, String[] sources) {
    Javac javac = Javac.analyze(sources);
    assertEquals(List.of(), javac.errors(), "the test source must compile");

    ValueSource source = javac.analyzer().classify(javac.secretKeyValue());

    assertEquals(Kind.LITERAL, source.kind());
    assertEquals(Optional.of(expected), source.value());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void leavesValuesItDoesNotComputeEmpty(String expression, String[] sources) {
    Javac javac = Javac.analyze(sources);
    assertEquals(List.of(), javac.errors(), "the test source must compile");

    ValueSource source = javac.analyzer().classify(javac.secretKeyValue());

    assertEquals(Kind.LITERAL, source.kind());
    assertEquals(Optional.empty(), source.value());
    assertFalse(source.isNullLiteral());
  }

  static Stream<Arguments> leavesValuesItDoesNotComputeEmpty() {
    return Stream.of(
        Arguments.of("ternary on a lookup", secretKeyIs("System.getenv(\"DEBUG\") != null ? \"a\" : \"b\"")),
        Arguments.of("array read through a variable",
            secretKeyIs("KEYS[1]", "static final String[] KEYS = {\"a\", \"b\"}; static { KEYS[1] = \"c\"; }")),
        Arguments.of("huge repeat()", secretKeyIs("\"x\".repeat(1 << 20)")),
        Arguments.of("zeroed array", secretKeyIs("new byte[32]")),
        Arguments.of("Set.of (no fixed order)", secretKeyIs("Set.of(\"a\", \"b\")")),
        Arguments.of("division by zero", secretKeyIs("7 / 0")),
        Arguments.of("decoding that throws", secretKeyIs("Base64.getDecoder().decode(\"!\")")),
        Arguments.of("StringBuilder read through a variable",
            secretKeyIs("SB.toString()", "static final StringBuilder SB = new StringBuilder(\"a\");"
                + " static { SB.append(\"b\"); }")));
  }

  @Test
  void nullIsALiteralWithoutValue() {
    ValueSource source = classifySecretKey("static final String SECRET_KEY = null;");

    assertEquals(Kind.LITERAL, source.kind());
    assertTrue(source.isNullLiteral());
    assertEquals(Optional.empty(), source.value());
  }

  @Test
  void literalCulpritIsTheLiteralItself() {
    ValueSource source = classifySecretKey("static final String SECRET_KEY = ((\"hunter2\"));");

    LiteralTree literal = assertInstanceOf(LiteralTree.class, source.culprit());
    assertEquals("hunter2", literal.getValue());
  }

  @Test
  void fallbackCulpritIsTheHardCodedDefault() {
    ValueSource source = classifySecretKey(
        "static final String SECRET_KEY = System.getenv().getOrDefault(\"K\", \"hunter2\");");

    LiteralTree literal = assertInstanceOf(LiteralTree.class, source.culprit());
    assertEquals("hunter2", literal.getValue());
    assertEquals(LookupTree.env("K").orElse("hunter2"), source.lookup().orElseThrow());
  }

  @Test
  void fallbackCulpritInAnotherDeclarationIsTheReferenceToIt() {
    ValueSource source = classifySecretKey("static final String WITH_DEFAULT = System.getProperty(\"k\", \"hunter2\");"
        + " static final String SECRET_KEY = WITH_DEFAULT;");

    IdentifierTree reference = assertInstanceOf(IdentifierTree.class, source.culprit());
    assertEquals("WITH_DEFAULT", reference.getName().toString());
    assertEquals(LookupTree.property("k").orElse("hunter2"), source.lookup().orElseThrow());
  }

  @Test
  void lookupCulpritIsTheWholeExpression() {
    Javac javac = Javac.analyze(Javac.config("static final String SECRET_KEY = System.getenv(\"K\").strip();"));
    TreePath value = javac.secretKeyValue();

    ValueSource source = javac.analyzer().classify(value);

    assertEquals(value.getLeaf(), source.culprit());
    assertInstanceOf(MethodInvocationTree.class, source.culprit());
    assertEquals(value.getCompilationUnit(), source.culpritPath().getCompilationUnit());
  }

  @Test
  void replaysTheStructureOfCombinedLookups() {
    assertEquals(LookupTree.env("K").stripped(),
        classifySecretKey("static final String SECRET_KEY = System.getenv(\"K\").trim();").lookup().orElseThrow());
    assertEquals(LookupTree.env("A").or(LookupTree.env("B").orElse("hunter2")), classifySecretKey(
        "static final String SECRET_KEY = Optional.ofNullable(System.getenv(\"A\"))"
            + ".orElse(System.getenv().getOrDefault(\"B\", \"hunter2\"));").lookup().orElseThrow());
    assertEquals(LookupTree.file("/run/secrets/k").stripped().orElse("hunter2"), classifySecretKey(
        "static final Path FILE = Path.of(\"/run\").resolve(\"secrets/k\"); static final String SECRET_KEY = read();"
            + " static String read() { try { String text = Files.readString(FILE).strip();"
            + " return text != null ? text : \"hunter2\"; } catch (java.io.IOException e) { return null; } }")
        .lookup().orElseThrow());
  }

  @Test
  void opaqueListsEveryLookupInside() {
    ValueSource source = classifySecretKey("static final String SECRET_KEY ="
        + " Vault.read(System.getenv(\"VAULT_PATH\"), System.getProperty(\"vault.role\"));",
        "class Vault { static String read(String path, String role) { throw new UnsupportedOperationException(); } }");

    assertEquals(Kind.OPAQUE, source.kind());
    assertEquals(List.of(LookupTree.env("VAULT_PATH"), LookupTree.property("vault.role")), source.seen());
  }

  @Test
  void listsClassifyElementByElement() {
    ValueSource source = classifySecretKey(
        "static final List<String> SECRET_KEY = List.of(System.getenv(\"NEW_KEY\"), \"hunter2\");");

    assertEquals(Kind.OPAQUE, source.kind());
    assertEquals(List.of(Kind.LOOKUP, Kind.LITERAL),
        source.elements().stream().map(ValueSource::kind).collect(Collectors.toList()));
  }

  /**
   * Helpers that call the next helper twice, 30 deep, would take 2^30 steps to follow fully: the evaluation gives up
   * after a bounded number of steps (OPAQUE, a miss and never a false alarm) instead of hanging the compiler.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void helpersCallingHelpersTwiceStayBounded() {
    StringBuilder helpers = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      helpers.append(" static String h").append(i).append("(String s) { return h").append(i + 1).append("(s) + h")
          .append(i + 1).append("(s.strip()); }");
    }
    helpers.append(" static String h30(String s) { return s; }");

    ValueSource source = classifySecretKey("static final String SECRET_KEY = h0(System.getenv(\"K\"));" + helpers);

    assertEquals(Kind.OPAQUE, source.kind());
  }

  @Test
  void deepExpressionsDoNotOverflowTheStack() {
    String sum = String.join(" + ", java.util.Collections.nCopies(3_000, "\"a\""));

    ValueSource source = classifySecretKey("static final String SECRET_KEY = " + sum + ";");

    assertEquals(Kind.LITERAL, source.kind());
    assertEquals(Optional.of("a".repeat(3_000)), source.value());
  }

  @Test
  void toStringNeverShowsALiteral() {
    ValueSource literal = classifySecretKey("static final String SECRET_KEY = \"hunter2\";");
    ValueSource fallback = classifySecretKey(
        "static final String SECRET_KEY = System.getenv().getOrDefault(\"K\", \"hunter2\");");

    assertEquals("ValueSource[LITERAL]", literal.toString());
    assertEquals("ValueSource[LITERAL_FALLBACK environment variable K, else the fallback in the code]",
        fallback.toString());
  }

  @Test
  void treeLessClassifications() {
    assertEquals(Optional.of("hunter2"), ValueSource.constant("hunter2").value());
    assertNull(ValueSource.constant("hunter2").culprit());
    assertEquals(Kind.OPAQUE, ValueSource.unknown().kind());
    assertFalse(ValueSource.constant("hunter2").toString().contains(SECRET));
  }

  /** In a processor, javac has not attributed initializers yet, and may not know a class a later round makes. */
  @Nested
  class DuringAnnotationProcessing {
    @Test
    void classifiesUnattributedTreesAndDefersToTheRoundThatGeneratesAClass(@TempDir Path output) {
      List<String> rounds = new ArrayList<>();
      Processor classifier = new RecordingProcessor(env -> {
        ValueSource source = classifyInRound(env);
        rounds.add(source.kind() + source.lookup().map(lookup -> " " + lookup).orElse(""));
        if (rounds.size() == 1) {
          generate(env, "com.acme.Generated", "package com.acme; class Generated { static final String NAME = \"KEY\"; }");
        }
      });

      List<String> errors = Javac.process(List.of(classifier), output,
          Javac.config("static final String SECRET_KEY = System.getenv(Generated.NAME).strip();"));

      assertEquals(List.of(), errors);
      assertEquals(List.of("UNRESOLVED", "LOOKUP environment variable KEY"), rounds);
    }

    private ValueSource classifyInRound(ProcessingEnvironment env) {
      Trees trees = TreeSupport.of(env).orElseThrow();
      TypeElement config = env.getElementUtils().getTypeElement("com.acme.Config");
      VariableElement field = ElementFilter.fieldsIn(config.getEnclosedElements()).get(0);
      TreePath declaration = trees.getPath(field);
      TreePath initializer = new TreePath(declaration, ((VariableTree) declaration.getLeaf()).getInitializer());
      return new ValueSourceAnalyzer(trees, env.getElementUtils(), env.getTypeUtils()).classify(initializer);
    }

    private void generate(ProcessingEnvironment env, String name, String source) {
      try (Writer writer = env.getFiler().createSourceFile(name).openWriter()) {
        writer.write(source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Nested
  class TreeSupportOf {
    @Test
    void givesJavacsTrees(@TempDir Path output) {
      List<Boolean> present = new ArrayList<>();
      Javac.process(List.of(new RecordingProcessor(env -> present.add(TreeSupport.of(env).isPresent()))), output,
          Javac.config(""));

      assertEquals(List.of(true), present);
    }

    @Test
    void isEmptyUnderTheEclipseCompiler(@TempDir Path directory) throws IOException {
      Path source = Files.writeString(directory.resolve("Config.java"), Javac.HEADER + Javac.config(""));
      List<Boolean> present = new ArrayList<>();
      JavaCompiler ecj = new org.eclipse.jdt.internal.compiler.tool.EclipseCompiler();
      StandardJavaFileManager files = ecj.getStandardFileManager(null, null, StandardCharsets.UTF_8);
      JavaCompiler.CompilationTask task = ecj.getTask(null, files, null, List.of("-17", "-proc:only"), null,
          files.getJavaFileObjects(source));
      task.setProcessors(List.of(new RecordingProcessor(env -> present.add(TreeSupport.of(env).isPresent()))));

      assertTrue(task.call());
      assertEquals(List.of(false), present);
    }

    @Test
    void isEmptyForAnEnvironmentOfAnotherCompiler() {
      ProcessingEnvironment foreign = (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
          });

      assertEquals(Optional.empty(), TreeSupport.of(foreign));
    }
  }

  /** Runs {@code onRound} in each processing round but the last. */
  private static final class RecordingProcessor extends AbstractProcessor {
    private final Consumer<ProcessingEnvironment> onRound;

    RecordingProcessor(Consumer<ProcessingEnvironment> onRound) {
      this.onRound = onRound;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!round.processingOver()) {
        onRound.accept(processingEnv);
      }
      return false;
    }
  }

  private static ValueSource classifySecretKey(String members, String... otherUnits) {
    Javac javac = Javac.analyze(sources(members, otherUnits));
    assertEquals(List.of(), javac.errors(), "the test source must compile");
    return javac.analyzer().classify(javac.secretKeyValue());
  }

  private static String[] sources(String members, String... otherUnits) {
    String[] sources = Arrays.copyOf(new String[] {Javac.config(members)}, otherUnits.length + 1);
    System.arraycopy(otherUnits, 0, sources, 1, otherUnits.length);
    return sources;
  }

  private static Arguments row(Kind kind, String shape, String description, String members, String... others) {
    return Arguments.of(kind + ": " + shape, kind, description, sources(members, others));
  }

  private static Arguments literal(String shape, String members, String... others) {
    return row(Kind.LITERAL, shape, null, members, others);
  }

  private static Arguments lookup(String shape, String description, String members, String... others) {
    return row(Kind.LOOKUP, shape, description, members, others);
  }

  private static Arguments fallback(String shape, String replay, String members, String... others) {
    return row(Kind.LITERAL_FALLBACK, shape, replay, members, others);
  }

  private static Arguments opaque(String shape, String seen, String members, String... others) {
    return row(Kind.OPAQUE, shape, seen, members, others);
  }

  private static Arguments unresolved(String shape, String members) {
    return row(Kind.UNRESOLVED, shape, null, members);
  }

  private static Arguments value(String expression, Object expected, String... declarations) {
    return Arguments.of(expression, expected, secretKeyIs(expression, declarations));
  }

  /**
   * Sources where {@code Object SECRET_KEY = expression}; each declaration is a member of Config before it, or
   * a unit of its own when it declares a type.
   */
  private static String[] secretKeyIs(String expression, String... declarations) {
    StringBuilder members = new StringBuilder();
    List<String> units = new ArrayList<>();
    for (String declaration : declarations) {
      if (declaration.matches("(?s)(class|enum|interface|record) .*")) {
        units.add(declaration);
      } else {
        members.append(declaration).append('\n');
      }
    }
    members.append("static final Object SECRET_KEY = ").append(expression).append(';');
    return sources(members.toString(), units.toArray(new String[0]));
  }
}
