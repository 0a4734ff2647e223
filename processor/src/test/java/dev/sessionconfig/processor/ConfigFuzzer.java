package dev.sessionconfig.processor;

import com.google.testing.compile.JavaFileObjects;
import dev.sessionconfig.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/**
 * Writes random {@code @SessionConfig} compilation units from a seeded {@link Random}, so every unit can be
 * written again from its seed.
 */
final class ConfigFuzzer {

  /** What a unit may contain. */
  enum Profile {
    /** Only choices the processor must accept: the unit compiles cleanly and gets the loaders it names. */
    VALID,
    /** A valid unit with one setting's value replaced by any value of its type, or by any expression. */
    ONE_DEFECT,
    /** Right and wrong names, types, modifiers, initializers and class shapes mixed; often damaged as well. */
    ANY
  }

  /**
   * One generated compilation unit {@code <package>.Config}.
   *
   * @param expectedLoaders for a valid unit, the loaders it must get; empty for the others
   */
  record Unit(String qualifiedName, String text, Profile profile, boolean damaged, List<String> expectedLoaders) {
    JavaFileObject file() {
      return JavaFileObjects.forSourceString(qualifiedName, text);
    }
  }

  private static final String[] STRINGS = {"filesystem", "FileSystem", "memcache", "memcached", "redis", "rediss",
      "jdbc", "sqlalchemy", "postgresql", "cachelib", "mongodb", "dynamodb", "null", "", " ", "Lax", "lax", "None",
      "Strict", "Loose", "sid", "my session", "__Host-sid", "__Secure-sid", "/", "/app", "no/slash", "example.com",
      "-bad-", "session:", "json", "pickle", "P7D", "PT0S", "-5", "604800", "0600", "0644", "redis://localhost:6379",
      "redis://:hunter2@cache:6379", "jdbc:postgresql://db/app", "jdbc:postgresql://u:pw@db/app", "host:11211",
      "host:11211,other:11211", "nohost", "super secret key", "changeme", "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A",
      "\\u0000", "\\n", "\\\"quoted\\\"", "%s", "SECRET_KEY", "SESSION_TYPE"};
  private static final String[] NUMBERS = {"-1", "0", "1", "8", "15", "16", "32", "128", "129", "500", "0600", "0644",
      "0700", "600", "0x7fffffff", "Integer.MAX_VALUE", "Integer.MIN_VALUE", "3600", "86400", "1L << 40", "-1L",
      "604800L", "1.5", "0.0 / 0.0", "'x'", "(byte) 1", "1e3"};
  private static final String[] TYPES = {"String", "int", "long", "boolean", "double", "char", "short", "Integer",
      "Long", "Boolean", "Object", "Duration", "SessionType", "URI", "Path", "char[]", "byte[]", "String[]", "int[]",
      "String[][]", "List<String>", "List<Integer>", "List<Missing>", "Map<String, String>", "Optional<String>",
      "Supplier<String>", "Missing", "com.nowhere.Type", "Config", "Keys", "Env", "Store", "var", "void", "List", "T"};
  private static final String[] ENV_NAMES = {"SECRET_KEY", "SESSION_TYPE", "OLD_KEY", "APP_KEY", "X", ""};
  private static final String[] FAMILY_NAMES = {"SESSION_FOO", "SECRET_KEYS", "SECRET", "PERMANENT_SESSION_LIFETIMES",
      "SESSION_USE_SIGNER", "SESSION_SQLALCHEMY", "SESSION_CLEANUP_N_REQUESTS", "SESSION_", "SESSION_COOKIE_NAMES"};
  private static final String[] OTHER_NAMES = {"NAME", "retries", "X1", "_x", "$weird", "MAX_USERS", "appName", "ID"};
  private static final String[] SUPPRESSED = {"UnknownSetting", "InsecureCookie", "LiteralSecretKey",
      "IrrelevantSetting", "LowercaseSetting", "StraySetting", "MissingStoreSetting", "all", "sessionconfig"};
  private static final String[] EXTRA_TOKENS = {";", "{", "}", "(", ")", ",", ".", "=", "static", "final", "class",
      "null", "\"", "@SessionConfig", "SECRET_KEY", "SESSION_TYPE", "int", "<", ">", "->", "::", "\"\"\"", "/*",
      "extends", "new", "return", "this", "@", "[]", "?", ":", "enum", "record", "interface", "var", "yield"};
  private static final Pattern TOKEN = Pattern.compile(
      "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|//[^\\n]*|[A-Za-z_$][\\w$]*"
          + "|\\d[\\w.]*|\\s+|.");

  private final Random random;

  ConfigFuzzer(Random random) {
    this.random = random;
  }

  /**
   * Writes the unit {@code <packageName>.Config}.
   *
   * @param damageRate the chance that an {@link Profile#ANY} unit is damaged token by token afterwards
   */
  Unit unit(String packageName, Profile profile, double damageRate) {
    List<String> lines = new ArrayList<>(List.of("import java.net.URI;", "import java.nio.file.*;",
        "import java.util.function.*;", ""));
    List<String> loaders = new ArrayList<>();
    if (profile == Profile.ANY) {
      anyUnit(lines);
    } else {
      validUnit(lines, packageName, profile == Profile.ONE_DEFECT, loaders);
    }
    String qualifiedName = packageName + ".Config";
    String text = text(Compiler.source(qualifiedName, lines.toArray(String[]::new)));
    boolean damaged = profile == Profile.ANY && chance(damageRate);
    return new Unit(qualifiedName, damaged ? damage(text) : text, profile, damaged,
        profile == Profile.VALID ? loaders : List.of());
  }

  // ---- valid units: what the processor must accept, and the loaders it must write ----

  private void validUnit(List<String> lines, String packageName, boolean oneDefect, List<String> loaders) {
    List<String> settings = validSettings(oneDefect);
    if (oneDefect) {
      lines.addAll(constants());
    }
    String annotation = chance(0.2) ? "@SessionConfig(development = true)" : "@SessionConfig";
    switch (random.nextInt(5)) {
      case 0: // static nested: the loader is Outer_InnerLoader
        lines.addAll(List.of("public class Config {", "  " + annotation, "  public static class Settings {"));
        settings.forEach(s -> lines.add("  " + s));
        lines.addAll(List.of("  }", "}"));
        loaders.add(packageName + ".Config_SettingsLoader");
        return;
      case 1: // a plain base class holds the secret, the config the rest
        lines.addAll(List.of("class Base {", "  " + settings.get(0), "}", annotation,
            "public class Config extends Base {"));
        lines.addAll(settings.subList(1, settings.size()));
        lines.add("}");
        break;
      default:
        lines.add(annotation);
        lines.add(pick("public class Config {", "public final class Config {", "class Config {"));
        lines.addAll(settings);
        if (chance(0.3)) {
          lines.addAll(List.of("  static final int retries = 3;", "  static String name() { return \"shop\"; }"));
        }
        lines.add("}");
    }
    loaders.add(packageName + ".ConfigLoader");
  }

  /**
   * SECRET_KEY first, SESSION_TYPE, then a few other settings, each declared in a way the processor accepts;
   * with {@code oneDefect}, one of them then gets any value of its type, or any expression.
   */
  private List<String> validSettings(boolean oneDefect) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("String", "SECRET_KEY", pick("System.getenv(\"SECRET_KEY\")",
        "System.getProperty(\"app.key\")", "Objects.requireNonNull(System.getenv(\"APP_KEY\"), \"set APP_KEY\")")));
    fields.add(pick(new Field("SessionType", "SESSION_TYPE", "SessionType.FILESYSTEM"),
        new Field("String", "SESSION_TYPE", "\"filesystem\""), new Field("String", "SESSION_TYPE", "\"FileSystem\""),
        new Field("String", "SESSION_TYPE", "System.getenv(\"SESSION_TYPE\")")));
    List<Field> optional = new ArrayList<>(List.of(
        new Field("List<String>", "SECRET_KEY_FALLBACKS", "List.of(System.getenv(\"OLD_KEY\"))"),
        new Field("boolean", "SESSION_PERMANENT", pick("true", "false")),
        new Field("String", "SESSION_KEY_PREFIX", pick("\"session:\"", "\"app:\"")),
        new Field(pick("int", "Integer"), "SESSION_ID_LENGTH", pick("16", "32", "128")),
        new Field("String", "SESSION_SERIALIZATION_FORMAT", "\"binary\""),
        pick(new Field("Duration", "PERMANENT_SESSION_LIFETIME", "Duration.ofDays(7)"),
            new Field("long", "PERMANENT_SESSION_LIFETIME", "12 * 3600"),
            new Field("int", "PERMANENT_SESSION_LIFETIME", "86400")),
        new Field("Duration", "SESSION_ABSOLUTE_LIFETIME", "Duration.ofHours(12)"),
        new Field("boolean", "SESSION_REFRESH_EACH_REQUEST", pick("true", "false")),
        new Field("String", "SESSION_COOKIE_NAME", pick("\"sid\"", "\"session\"")),
        new Field("String", "SESSION_COOKIE_DOMAIN", "\"example.com\""),
        new Field("String", "SESSION_COOKIE_PATH", pick("\"/\"", "\"/app\"")),
        new Field("boolean", "SESSION_COOKIE_SECURE", pick("true", "false")),
        new Field("boolean", "SESSION_COOKIE_HTTPONLY", "true"),
        new Field("boolean", "SESSION_COOKIE_PARTITIONED", "false"),
        new Field("String", "SESSION_COOKIE_SAMESITE", pick("\"Lax\"", "\"Strict\"")),
        pick(new Field("String", "SESSION_FILE_DIR", "\"/var/lib/app/sessions\""),
            new Field("Path", "SESSION_FILE_DIR", "Path.of(\"/tmp/sessions\")"),
            new Field("String", "SESSION_FILE_DIR", "System.getProperty(\"sessions.dir\")")),
        new Field("int", "SESSION_FILE_THRESHOLD", pick("1", "500")),
        new Field("int", "SESSION_FILE_MODE", pick("0600", "0640"))));
    Collections.shuffle(optional, random);
    fields.addAll(optional.subList(0, random.nextInt(7)));
    if (oneDefect) {
      int at = random.nextInt(fields.size());
      fields.set(at, new Field(fields.get(at).type(), fields.get(at).name(), value(fields.get(at).type())));
    }
    return fields.stream().map(f -> "  " + pick("", "public ") + "static final " + f.type() + " " + f.name() + " = "
        + f.value() + ";").toList();
  }

  private record Field(String type, String name, String value) {}

  // ---- any unit: right and wrong mixed ----

  private void anyUnit(List<String> lines) {
    lines.addAll(helpers());
    List<String> body = members();
    String annotation = annotation();
    switch (random.nextInt(14)) {
      case 0:
        lines.addAll(List.of(annotation, "public interface Config {"));
        break;
      case 1:
        lines.addAll(List.of(annotation, "public enum Config {", "  A, B;"));
        break;
      case 2:
        lines.addAll(List.of(annotation, "public record Config(String a) {"));
        break;
      case 3:
        lines.addAll(List.of(annotation, "public @interface Config {"));
        break;
      case 4:
        nested(lines, annotation, pick("static ", "", "private static ", "public static ", "protected "), body);
        return;
      case 5:
        lines.addAll(List.of("public class Config {", "  void run() {", "    " + annotation, "    class Local {"));
        lines.addAll(body);
        lines.addAll(List.of("    }", "  }", "}"));
        return;
      case 6:
        lines.addAll(List.of(annotation, "public class Config<T extends CharSequence> {"));
        break;
      case 7:
        lines.addAll(base());
        lines.addAll(List.of(annotation, "public class Config extends Base {"));
        break;
      case 8:
        lines.addAll(List.of(annotation, pick("public class Config extends Missing {",
            "public class Config extends Keys {", "public class Config implements Missing {")));
        break;
      default:
        lines.addAll(List.of(annotation, pick("public class Config {", "public final class Config {",
            "public abstract class Config {", "class Config {",
            "public class Config implements java.io.Serializable {")));
    }
    lines.addAll(body);
    lines.add("}");
  }

  private void nested(List<String> lines, String annotation, String modifiers, List<String> body) {
    lines.addAll(List.of(pick("public class Config {", "public interface Config {"), "  " + annotation,
        "  " + modifiers + pick("class", "final class", "enum", "record") + " Inner" + pick("", "()") + " {"));
    lines.addAll(body);
    lines.addAll(List.of("  }", "}"));
  }

  private String annotation() {
    return pick(
        () -> "@SessionConfig",
        () -> "@SessionConfig",
        () -> "@SessionConfig",
        () -> "@SessionConfig(development = " + pick("true", "false") + ")",
        () -> "@dev.sessionconfig.SessionConfig",
        () -> "@SessionConfig @SuppressWarnings(\"sessionconfig:" + pick(SUPPRESSED) + "\")",
        () -> "@SessionConfig(devel = true)",
        () -> "@Deprecated",
        () -> "");
  }

  /** Helper types the members refer to, and sometimes a stray App that sets the secret in main. */
  private List<String> helpers() {
    List<String> lines = new ArrayList<>(constants());
    if (chance(0.2)) {
      lines.addAll(List.of("class App {", "  static final String SESSION_TYPE = " + literal() + ";",
          "  public static void main(String[] args) {", "    Config.SECRET_KEY = " + expression(1) + ";",
          "    System.setProperty(\"app.key\", String.valueOf(" + expression(1) + "));", "  }", "}"));
    }
    return lines;
  }

  /**
   * Constants, an enum with a method, and an application's own enum of store names (some of them no SessionType
   * constant), for expressions to refer to.
   */
  private List<String> constants() {
    return List.of(
        "class Keys {",
        "  static final String NAME = " + literal() + ";",
        "  static final int LENGTH = " + pick(NUMBERS) + ";",
        "  static String dev() { return " + expression(1) + "; }",
        "}",
        "enum Env {",
        "  DEV(" + literal() + "), PROD(System.getenv(\"KEY\"));",
        "  private final String key;",
        "  Env(String key) { this.key = key; }",
        "  String key() { return key; }",
        "}",
        "enum Store {",
        "  FILESYSTEM, REDIS, MEMCACHE, Redis;",
        "  SessionType type() { return SessionType.valueOf(name()); }",
        "}",
        "final class Vars {",
        "  private final java.util.Map<String, String> values;",
        "  private final String prefix;",
        "  Vars(java.util.Map<String, String> values) { this(values, " + literal() + "); }",
        "  Vars(java.util.Map<String, String> values, String prefix) { this.values = values; this.prefix = prefix; }",
        "  String get(String key, String fallback) { return values.getOrDefault(prefix + key, fallback); }",
        "  String require(String key) { return java.util.Objects.requireNonNull(this.values.get(key), key); }",
        "}",
        "record Pair(String first, String second) {}",
        "final class Helpers {",
        "  static String env(String name, String fallback) {",
        "    String v = System.getenv(name); return v == null || v.isBlank() ? fallback : v;",
        "  }",
        "  static String env(String name) { return env(name, null); }",
        "  @SafeVarargs static <T> T first(T... values) {",
        "    for (T v : values) { if (v != null) { return v; } } return null;",
        "  }",
        "  static String twice(String s, int n) { return n <= 0 ? s : twice(s + s, n - 1); }",
        "  static String deep(String s) { return deeper(s) + deeper(s); }",
        "  static String deeper(String s) { return deepest(s) + deepest(s); }",
        "  static String deepest(String s) { return s.strip() + s.trim(); }",
        "  static byte[] random(int n) { byte[] b = new byte[n]; new java.security.SecureRandom().nextBytes(b); return b; }",
        "  static byte[] sha(String s) {",
        "    try { return java.security.MessageDigest.getInstance(\"SHA-256\").digest(s.getBytes()); }",
        "    catch (Exception e) { throw new IllegalStateException(e); }",
        "  }",
        "  static String built(String a, String b) {",
        "    StringBuilder sb = new StringBuilder(); sb.append(a); sb.append(b); return sb.toString();",
        "  }",
        "  static java.util.Properties props(String path) {",
        "    java.util.Properties p = new java.util.Properties();",
        "    try (java.io.InputStream in = new java.io.FileInputStream(path)) { p.load(in); }",
        "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
        "    return p;",
        "  }",
        "}");
  }

  /** A superclass for the config: plain or itself a config, with settings of its own. */
  private List<String> base() {
    List<String> lines = new ArrayList<>();
    if (chance(0.5)) {
      lines.add(annotation());
    }
    lines.add(pick("class Base {", "abstract class Base {", "class Base extends Missing {", "class Base<T> {"));
    for (int i = random.nextInt(4); i > 0; i--) {
      lines.add(fieldDeclaration(fieldName()));
    }
    lines.add("}");
    return lines;
  }

  /** Fields (SECRET_KEY and SESSION_TYPE likely among them), blocks, constructors and methods that set them. */
  private List<String> members() {
    List<String> names = new ArrayList<>();
    if (chance(0.7)) {
      names.add("SECRET_KEY");
    }
    if (chance(0.7)) {
      names.add("SESSION_TYPE");
    }
    for (int i = random.nextInt(6); i > 0; i--) {
      names.add(fieldName());
    }
    Collections.shuffle(names, random);
    List<String> members = new ArrayList<>();
    List<String> assignments = new ArrayList<>();
    for (String name : names) {
      boolean initialized = chance(0.8);
      members.add(initialized ? fieldDeclaration(name) : uninitializedField(name));
      if (!initialized || chance(0.05)) {
        assignments.add(name + pick(" = ", " = ", " += ") + expression(2) + ";");
      }
    }
    for (String assignment : assignments) {
      members.addAll(assigner(assignment));
    }
    if (chance(0.4)) {
      members.add("  static String helper() { return " + expression(2) + "; }");
    }
    if (chance(0.1)) {
      members.add("  static String helper(boolean debug) { if (debug) { return " + expression(1) + "; } return "
          + expression(1) + "; }");
    }
    return members;
  }

  /** Where an assignment runs: the static initializer, a constructor, main, a lambda... or a broken place. */
  private List<String> assigner(String assignment) {
    return pick(
        () -> List.of("  static { " + assignment + " }"),
        () -> List.of("  static { String local = " + expression(1) + "; " + assignment + " }"),
        () -> List.of("  static { if (System.getenv(\"DEBUG\") != null) { " + assignment + " } }"),
        () -> List.of("  static { try { " + assignment + " } catch (RuntimeException e) { throw e; } }"),
        () -> List.of("  Config() { " + assignment + " }"),
        () -> List.of("  { " + assignment + " }"),
        () -> List.of("  public static void main(String[] args) { " + assignment + " }"),
        () -> List.of("  static final Runnable INIT = () -> { " + assignment + " };"),
        () -> List.of("  static void init() { Runnable r = () -> " + assignment.replace(";", "") + "; r.run(); }"));
  }

  private String fieldName() {
    Setting setting = Setting.values()[random.nextInt(Setting.values().length)];
    return pick(
        setting::name,
        setting::name,
        setting::name,
        () -> typo(setting.name()),
        () -> setting.name().replaceFirst("_", ""),
        () -> setting.name().replaceFirst("SS", "S"),
        () -> setting.name().toLowerCase(Locale.ROOT),
        () -> camelCase(setting.name()),
        () -> pick(FAMILY_NAMES),
        () -> pick(OTHER_NAMES));
  }

  private String fieldDeclaration(String name) {
    String type = type(name);
    return "  " + suppression() + modifiers() + type + " " + name + " = " + value(type) + ";";
  }

  private String uninitializedField(String name) {
    return "  " + modifiers() + type(name) + " " + name + ";";
  }

  private String suppression() {
    return chance(0.05) ? "@SuppressWarnings(\"sessionconfig:" + pick(SUPPRESSED) + "\") " : "";
  }

  private String modifiers() {
    List<String> modifiers = new ArrayList<>();
    modifiers.add(pick("", "", "", "private", "public", "protected"));
    if (chance(0.85)) {
      modifiers.add("static");
    }
    if (chance(0.7)) {
      modifiers.add("final");
    }
    if (chance(0.05)) {
      modifiers.add(pick("volatile", "transient"));
    }
    if (chance(0.1)) {
      Collections.shuffle(modifiers, random);
    }
    String text = String.join(" ", modifiers).trim();
    return text.isEmpty() ? "" : text + " ";
  }

  /** The setting's own type most of the time, else any type, right or wrong. */
  private String type(String name) {
    return Setting.named(name).filter(s -> chance(0.6))
        .map(s -> pick(s.kind().javaTypes().toArray(String[]::new)))
        .map(canonical -> canonical.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1"))
        .orElseGet(() -> pick(TYPES));
  }

  /** A value that fits {@code type} half of the time, else any expression. */
  private String value(String type) {
    if (chance(0.5)) {
      return expression(3);
    }
    switch (type) {
      case "String":
        return pick(this::literal, this::lookup, this::textBlock);
      case "int": case "Integer": case "long": case "Long": case "short": case "double":
        return pick(() -> pick(NUMBERS), () -> "Integer.parseInt(" + lookup() + ")", () -> "Keys.LENGTH");
      case "boolean": case "Boolean":
        return pick("true", "false", "Boolean.parseBoolean(System.getenv(\"FLAG\"))", "!true");
      case "Duration":
        return pick("Duration.ofDays(" + pick(NUMBERS) + ")", "Duration.ofSeconds(-1)", "Duration.ZERO",
            "Duration.parse(" + literal() + ")", "Duration.ofHours(Integer.parseInt(System.getenv(\"H\")))");
      case "SessionType":
        return pick("SessionType.FILESYSTEM", "SessionType.REDIS", "SessionType.MONGODB", "SessionType.valueOf("
            + literal() + ")", "null", "SessionType.values()[0]", "SessionType.valueOf(" + storeConstant() + ".name())",
            storeConstant() + ".type()");
      case "Store":
        return pick(storeConstant(), "Store.valueOf(" + literal() + ")");
      case "char[]":
        return pick(literal() + ".toCharArray()", lookup() + ".toCharArray()", "new char[] {'a', 'b'}", "{'k'}");
      case "byte[]":
        return pick(literal() + ".getBytes()", "new byte[32]", "Base64.getDecoder().decode(" + literal() + ")",
            "HexFormat.of().parseHex(\"00ff\")", lookup() + ".getBytes()");
      case "String[]":
        return pick("{" + expression(1) + ", " + expression(1) + "}", "new String[] {" + lookup() + "}", "{}");
      case "List<String>":
        return pick("List.of(" + expression(1) + ")", "Arrays.asList(" + literal() + ", " + lookup() + ")",
            "List.copyOf(List.of())", "new ArrayList<>()");
      case "Path":
        return "Path.of(" + expression(1) + ")";
      case "URI":
        return "URI.create(" + expression(1) + ")";
      default:
        return expression(2);
    }
  }

  /** Any expression: literals, lookups, fallbacks, conversions, references, lambdas, casts, arithmetic. */
  private String expression(int depth) {
    if (depth <= 0) {
      return pick(this::literal, this::lookup, this::reference, () -> pick(NUMBERS));
    }
    String e = expression(depth - 1);
    String f = expression(depth - 1);
    return pick(
        this::literal,
        this::lookup,
        this::reference,
        this::textBlock,
        () -> "System.getProperty(\"app.key\", " + e + ")",
        () -> "System.getenv().getOrDefault(\"SECRET_KEY\", " + e + ")",
        () -> "Objects.requireNonNull(" + e + ", \"set it\")",
        () -> "Objects.requireNonNullElse(" + e + ", " + f + ")",
        () -> "Optional.ofNullable(" + e + ").orElse(" + f + ")",
        () -> "Optional.ofNullable(" + e + ").orElseGet(() -> " + f + ")",
        () -> "Optional.ofNullable(" + e + ").map(String::trim).orElseThrow()",
        () -> e + " != null ? " + e + " : " + f,
        () -> "(" + e + " == null ? " + f + " : " + e + ")",
        () -> e + " + " + f,
        () -> e + " * " + f + " - 1",
        () -> "-" + e,
        () -> "(" + pick("String", "int", "Object", "long", "char[]") + ") " + e,
        () -> e + "." + pick("trim()", "strip()", "toUpperCase()", "toCharArray()", "getBytes()", "length()",
            "substring(1)", "concat(" + f + ")", "isEmpty()"),
        () -> pick("String.valueOf(", "Integer.parseInt(", "Boolean.parseBoolean(", "Long.valueOf(", "Duration.ofDays(",
            "Duration.parse(", "SessionType.valueOf(", "Path.of(", "URI.create(", "new String(", "List.of(",
            "Arrays.asList(", "Base64.getDecoder().decode(", "helper(", "missing(", "Keys.dev(") + e + ")",
        () -> "String.join(\",\", " + e + ", " + f + ")",
        () -> "String.format(\"%s\", " + e + ")",
        () -> "((Supplier<String>) () -> " + e + ").get()",
        () -> "switch (" + lookup() + ") { case \"a\" -> " + e + "; default -> " + f + "; }",
        () -> "new Object() { String v() { return " + e + "; } }.v()",
        () -> "new String[] {" + e + ", " + f + "}",
        () -> e + " instanceof String s ? s : " + f,
        () -> "Files.readString(Path.of(\"/run/secrets/key\"))",
        () -> storeConstant() + pick(".name()", ".toString()", ".name().toLowerCase()", ""),
        () -> "this." + fieldName(),
        () -> "new Config()." + fieldName(),
        // the application's own helpers, objects and maps, with arguments
        () -> "Helpers.env(\"" + pick(ENV_NAMES) + "\", " + e + ")",
        () -> "Helpers.env(" + e + ")",
        () -> "Helpers.first(" + e + ", " + f + ")",
        () -> "Helpers.twice(" + e + ", " + pick(NUMBERS) + ")",
        () -> "Helpers.deep(" + e + ")",
        () -> "Helpers.built(" + e + ", " + f + ")",
        () -> pick("new String(Helpers.random(32))", "Base64.getEncoder().encodeToString(Helpers.sha(" + e + "))"),
        () -> "new Vars(System.getenv()).get(\"" + pick(ENV_NAMES) + "\", " + e + ")",
        () -> "new Vars(System.getenv(), " + e + ").require(" + f + ")",
        () -> "new Pair(" + e + ", " + f + ")." + pick("first()", "second()"),
        () -> "Helpers.props(\"/etc/app.properties\").getProperty(\"k\", " + e + ")",
        () -> pick("Config.class", "Keys.class", "getClass()") + ".getResourceAsStream(\"" + pick("/k", "k", "") + "\")",
        () -> "Files.readString(Path.of(\"" + pick("src/main/resources/k", "/run/secrets/k", "k") + "\"))",
        () -> pick("String.valueOf(" + storeConstant() + ")", "(\"\" + " + storeConstant() + ")",
            "Objects.toString(" + storeConstant() + ")", "(" + storeConstant() + " + \"\")"));
  }

  private String storeConstant() {
    return "Store." + pick("FILESYSTEM", "REDIS", "MEMCACHE", "Redis");
  }

  private String literal() {
    return pick(() -> "\"" + pick(STRINGS) + "\"", () -> "\"" + pick(STRINGS) + "\"", () -> pick(NUMBERS),
        () -> pick("true", "false", "null", "'c'", "\"\""));
  }

  private String textBlock() {
    return "\"\"\"\n      " + pick(STRINGS) + "\n      \"\"\"";
  }

  private String lookup() {
    return pick("System.getenv(\"" + pick(ENV_NAMES) + "\")", "System.getProperty(\"app.key\")",
        "System.getenv(Keys.NAME)", "System.getenv(NAME)", "System.getenv().get(\"SECRET_KEY\")");
  }

  private String reference() {
    return pick(() -> fieldName(), () -> "Config." + fieldName(), () -> "Keys.NAME", () -> "Keys.dev()",
        () -> "Env.DEV.key()", () -> "Env." + pick("DEV", "PROD", "TEST"), () -> "Missing.NAME",
        () -> "helper()", () -> "SessionType." + pick("FILESYSTEM", "MEMCACHE", "JDBC", "DYNAMODB"));
  }

  // ---- damage ----

  /** Deletes, duplicates, swaps, replaces or inserts one to four tokens. */
  private String damage(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      int at = random.nextInt(tokens.size());
      if (tokens.get(at).isBlank()) {
        continue;
      }
      switch (random.nextInt(5)) {
        case 0:
          tokens.remove(at);
          break;
        case 1:
          tokens.add(at, tokens.get(at));
          break;
        case 2:
          Collections.swap(tokens, at, Math.min(at + 2, tokens.size() - 1));
          break;
        case 3:
          tokens.set(at, pick(EXTRA_TOKENS));
          break;
        default:
          tokens.add(at, " " + pick(EXTRA_TOKENS) + " ");
      }
    }
    return String.join("", tokens);
  }

  // ---- randomness ----

  private static String typo(String name) {
    return name.length() < 3 ? name + "S" : name.substring(0, name.length() - 2) + name.charAt(name.length() - 1)
        + name.charAt(name.length() - 2);
  }

  private static String camelCase(String name) {
    StringBuilder camel = new StringBuilder();
    for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
      camel.append(camel.length() == 0 || part.isEmpty() ? part
          : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return camel.toString();
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Picks one of {@code choices} and only then builds it, so unchosen branches draw no random numbers. */
  @SafeVarargs
  private <T> T pick(Supplier<T>... choices) {
    return choices[random.nextInt(choices.length)].get();
  }

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
