package dev.sessionconfig.processor;

import static dev.sessionconfig.processor.Compiler.assertCompilesCleanly;
import static dev.sessionconfig.processor.Compiler.compile;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that reach a setting through the application's own code: helper methods with arguments, wrapper
 * objects, maps and {@code Properties} with defaults, and values derived from literals. Each shape fires on the
 * line marked {@code // here}, and its clean twin, written the way a careful team would, compiles silently.
 */
class ValueFlowTest {
  private static final String TYPE = "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;";
  private static final String KEY = "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");";

  /** A config class {@code com.acme.Config} with the given body lines. */
  private static JavaFileObject config(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("@SessionConfig");
    lines.add("public class Config {");
    lines.addAll(List.of(body));
    lines.add("}");
    return source("com.acme.Config", lines.toArray(String[]::new));
  }

  /** The environment helpers teams keep in a class of their own. */
  private static final JavaFileObject ENV = source("com.acme.Env",
      "final class Env {",
      "  private Env() {}",
      "  static String get(String name) {",
      "    return get(name, null);",
      "  }",
      "  static String get(String name, String fallback) {",
      "    String value = System.getenv(name);",
      "    if (value == null || value.isBlank()) {",
      "      return fallback;",
      "    }",
      "    return value;",
      "  }",
      "  static String devDefault(String name) {",
      "    return get(name, \"dev-only-secret-do-not-use-in-production\");",
      "  }",
      "  static String require(String name, String hint) {",
      "    String value = System.getenv(name);",
      "    if (value == null) {",
      "      throw new IllegalStateException(name + \" is not set: \" + hint);",
      "    }",
      "    return value.strip();",
      "  }",
      "  @SafeVarargs",
      "  static <T> T firstNonNull(T... candidates) {",
      "    for (T candidate : candidates) {",
      "      if (candidate != null) {",
      "        return candidate;",
      "      }",
      "    }",
      "    return null;",
      "  }",
      "  static String optional(String name, String fallback) {",
      "    return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty())",
      "        .orElse(fallback);",
      "  }",
      "}");

  /** A settings object wrapping a map of the environment, built in the config. */
  private static final JavaFileObject SETTINGS = source("com.acme.Settings",
      "final class Settings {",
      "  private final Map<String, String> values;",
      "  private final String prefix;",
      "  Settings(Map<String, String> values) {",
      "    this(values, \"\");",
      "  }",
      "  Settings(Map<String, String> values, String prefix) {",
      "    this.values = values;",
      "    this.prefix = prefix;",
      "  }",
      "  String get(String key, String fallback) {",
      "    return values.getOrDefault(prefix + key, fallback);",
      "  }",
      "  String require(String key) {",
      "    return Objects.requireNonNull(this.values.get(prefix + key), () -> key + \" is not set\");",
      "  }",
      "}");

  /** Properties loaded from a file outside the artifact. */
  private static final String LOAD_PROPERTIES = String.join("\n",
      "  static final Properties PROPS = load(\"/etc/acme/session.properties\");",
      "  static Properties load(String path) {",
      "    Properties properties = new Properties();",
      "    try (java.io.InputStream in = new java.io.FileInputStream(path)) {",
      "      properties.load(in);",
      "    } catch (java.io.IOException e) {",
      "      throw new java.io.UncheckedIOException(e);",
      "    }",
      "    return properties;",
      "  }");

  /** Digests and encodings teams use to "stretch" a passphrase into a key. */
  private static final JavaFileObject KEYS = source("com.acme.Keys",
      "import java.nio.charset.StandardCharsets;",
      "import java.security.MessageDigest;",
      "import java.security.NoSuchAlgorithmException;",
      "final class Keys {",
      "  private Keys() {}",
      "  static byte[] sha256(String passphrase) {",
      "    try {",
      "      return MessageDigest.getInstance(\"SHA-256\").digest(passphrase.getBytes(StandardCharsets.UTF_8));",
      "    } catch (NoSuchAlgorithmException e) {",
      "      throw new IllegalStateException(e);",
      "    }",
      "  }",
      "  static String hex(String passphrase) {",
      "    return HexFormat.of().formatHex(sha256(passphrase));",
      "  }",
      "  static byte[] random(int length) {",
      "    byte[] key = new byte[length];",
      "    new java.security.SecureRandom().nextBytes(key);",
      "    return key;",
      "  }",
      "  static String generated() {",
      "    try {",
      "      javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance(\"HmacSHA256\");",
      "      generator.init(256);",
      "      return Base64.getEncoder().encodeToString(generator.generateKey().getEncoded());",
      "    } catch (NoSuchAlgorithmException e) {",
      "      throw new IllegalStateException(e);",
      "    }",
      "  }",
      "}");

  static Stream<Arguments> firing() {
    return Stream.of(
        Arguments.of("a helper of another class with a literal fallback argument", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = Env.get(\"SECRET_KEY\", \"dev-secret-key-change-me\"); // here"),
                ENV}),
        Arguments.of("an overload that passes a literal to another overload", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE, "  static final String SECRET_KEY = Env.devDefault(\"SECRET_KEY\"); // here"),
                ENV}),
        Arguments.of("a varargs first-non-null helper", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE, "  static final String SECRET_KEY = Env.firstNonNull(",
                "      System.getenv(\"SECRET_KEY\"), System.getProperty(\"secret.key\"), \"local-dev-key\"); // here"),
                ENV}),
        Arguments.of("an Optional chain inside a helper", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = Env.optional(\"SECRET_KEY\", \"insecure-default\"); // here"),
                ENV}),
        Arguments.of("a same-class helper with parameters", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = env(\"SECRET_KEY\", \"dev\"); // here",
                "  private static String env(String name, String fallback) {",
                "    return System.getenv().getOrDefault(name, fallback);",
                "  }")}),
        Arguments.of("a same-class helper returning its literal argument", "LiteralSecretKey",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = trimmed(\"  s3cr3t-for-everyone  \"); // here",
                "  private static String trimmed(String value) {",
                "    return value.strip();",
                "  }")}),
        Arguments.of("an instance method of a wrapper built in the config", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE,
                "  static final Settings SETTINGS = new Settings(System.getenv());",
                "  static final String SECRET_KEY = SETTINGS.get(\"SECRET_KEY\", \"changeme\"); // here"),
                SETTINGS}),
        Arguments.of("a wrapper's field read through the constructor that set it", "LiteralSecretKey",
            new JavaFileObject[] {config(TYPE,
                "  static final Holder HOLDER = new Holder(\"not-so-secret-key\");",
                "  static final String SECRET_KEY = HOLDER.key; // here"),
                source("com.acme.Holder", "final class Holder {", "  final String key;",
                    "  Holder(String key) { this.key = key; }", "}")}),
        Arguments.of("a record accessor of a literal component", "LiteralSecretKey",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = new Credentials(\"admin\", \"pa55word-pa55word\").password(); // here"),
                source("com.acme.Credentials", "record Credentials(String user, String password) {}")}),
        Arguments.of("getProperty with a default on properties loaded from a file", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE, LOAD_PROPERTIES,
                "  static final String SECRET_KEY = PROPS.getProperty(\"secret.key\", \"dev-secret\"); // here")}),
        Arguments.of("getOrDefault on a map built in the config", "LiteralSecretFallback",
            new JavaFileObject[] {config(TYPE,
                "  static final Map<String, String> VARS = new HashMap<>(System.getenv());",
                "  static final String SECRET_KEY = VARS.getOrDefault(\"SECRET_KEY\", \"fallback\"); // here")}),
        Arguments.of("a digest of a literal in a helper", "LiteralSecretKey",
            new JavaFileObject[] {config(TYPE,
                "  static final byte[] SECRET_KEY = Keys.sha256(\"correct horse battery staple\"); // here"),
                KEYS}),
        Arguments.of("a hex-encoded digest of a literal", "LiteralSecretKey",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = Keys.hex(\"correct horse battery staple\"); // here"),
                KEYS}),
        Arguments.of("a byte-array copy of a literal", "LiteralSecretKey",
            new JavaFileObject[] {config(TYPE,
                "  static final byte[] SECRET_KEY =",
                "      Arrays.copyOf(\"0123456789abcdef0123456789abcdef\".getBytes(), 32); // here")}),
        Arguments.of("a literal session type through a helper of another class", "UnknownSessionType",
            new JavaFileObject[] {config(KEY,
                "  static final String SESSION_TYPE = Env.get(\"SESSION_TYPE\", \"memcache\"); // here"),
                ENV}),
        Arguments.of("a cookie setting's default through a helper", "InvalidSettingValue",
            new JavaFileObject[] {config(KEY, TYPE,
                "  static final String SESSION_COOKIE_SAMESITE = Env.get(\"SESSION_COOKIE_SAMESITE\", \"Loose\"); // here"),
                ENV}),
        Arguments.of("an application enum turned into a string", "UnknownSessionType",
            new JavaFileObject[] {config(KEY,
                "  enum Store { REDIS, MEMCACHE }",
                "  static final String SESSION_TYPE = String.valueOf(Store.MEMCACHE); // here")}),
        Arguments.of("a key filled by SecureRandom in a helper", "RandomSecretKey",
            new JavaFileObject[] {config(TYPE, "  static final byte[] SECRET_KEY = Keys.random(32); // here"), KEYS}),
        Arguments.of("a key from a KeyGenerator in a helper", "RandomSecretKey",
            new JavaFileObject[] {config(TYPE, "  static final String SECRET_KEY = Keys.generated(); // here"), KEYS}),
        Arguments.of("a random UUID as the key", "RandomSecretKey",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = UUID.randomUUID() + \"-\" + UUID.randomUUID(); // here")}),
        Arguments.of("an enum method converting its own name", "UnknownSessionType",
            new JavaFileObject[] {config(KEY,
                "  enum Store { FILESYSTEM, MEMCACHE; SessionType type() { return SessionType.valueOf(name()); } }",
                "  static final SessionType SESSION_TYPE = Store.MEMCACHE.type(); // here")}),
        Arguments.of("an application enum concatenated into a string", "UnknownSessionType",
            new JavaFileObject[] {config(KEY,
                "  enum Store { REDIS, MEMCACHE }",
                "  static final String SESSION_TYPE = \"\" + Store.MEMCACHE; // here")}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("firing")
  void firesOnTheMarkedLine(String shape, String id, JavaFileObject[] files) {
    Compilation compilation = compile(files);
    JavaFileObject config = files[0];
    long line = lineOf(config, "// here");
    List<Diagnostic<? extends JavaFileObject>> found = withId(compilation, id);
    assertTrue(found.stream().anyMatch(d -> d.getLineNumber() == line
            && d.getSource().getName().equals(config.getName())),
        "expected [" + id + "] on line " + line + ", got:\n" + diagnostics(compilation));
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      assertTrue(!diagnostic.getMessage(null).contains("hunter") && !diagnostic.getMessage(null).contains("changeme")
          && !diagnostic.getMessage(null).contains("dev-secret"), "no secret in a message:\n" + diagnostics(compilation));
    }
  }

  static Stream<Arguments> silent() {
    return Stream.of(
        Arguments.of("a helper of another class without a fallback",
            new JavaFileObject[] {config(TYPE, "  static final String SECRET_KEY = Env.get(\"SECRET_KEY\");"), ENV}),
        Arguments.of("a helper that requires the variable, with a message naming it",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = Env.require(\"SECRET_KEY\", \"32 random bytes, base64\");"), ENV}),
        Arguments.of("a varargs helper over lookups only",
            new JavaFileObject[] {config(TYPE, "  static final String SECRET_KEY = Env.firstNonNull(",
                "      System.getenv(\"SECRET_KEY\"), System.getProperty(\"secret.key\"));"), ENV}),
        Arguments.of("an Optional helper with a null fallback",
            new JavaFileObject[] {config(TYPE, "  static final String SECRET_KEY = Env.optional(\"SECRET_KEY\", null);"),
                ENV}),
        Arguments.of("a same-class helper over the environment",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY = env(\"SECRET_KEY\");",
                "  private static String env(String name) {",
                "    return Objects.requireNonNull(System.getenv(name), name);",
                "  }")}),
        Arguments.of("a wrapper that requires the key",
            new JavaFileObject[] {config(TYPE,
                "  static final Settings SETTINGS = new Settings(System.getenv(), \"ACME_\");",
                "  static final String SECRET_KEY = SETTINGS.require(\"SECRET_KEY\");"), SETTINGS}),
        Arguments.of("a wrapper with a null fallback",
            new JavaFileObject[] {config(TYPE,
                "  static final Settings SETTINGS = new Settings(System.getenv());",
                "  static final String SECRET_KEY = SETTINGS.get(\"SECRET_KEY\", null);"), SETTINGS}),
        Arguments.of("a wrapper's field set from the environment",
            new JavaFileObject[] {config(TYPE,
                "  static final Holder HOLDER = new Holder(\"SECRET_KEY\");",
                "  static final String SECRET_KEY = HOLDER.key;"),
                source("com.acme.Holder", "final class Holder {", "  final String key;",
                    "  Holder(String variable) { this.key = System.getenv(variable); }", "}")}),
        Arguments.of("a mutable holder whose key is set after construction",
            new JavaFileObject[] {config(TYPE,
                "  static final Holder HOLDER = new Holder();",
                "  static { HOLDER.key = System.getenv(\"SECRET_KEY\"); }",
                "  static final String SECRET_KEY = HOLDER.key;"),
                source("com.acme.Holder", "final class Holder {", "  String key = \"unset\";", "}")}),
        Arguments.of("properties from a file without a default",
            new JavaFileObject[] {config(TYPE, LOAD_PROPERTIES,
                "  static final String SECRET_KEY = PROPS.getProperty(\"secret.key\");")}),
        Arguments.of("a digest of a looked-up passphrase",
            new JavaFileObject[] {config(TYPE,
                "  static final byte[] SECRET_KEY = Keys.sha256(System.getenv(\"SESSION_PASSPHRASE\"));"), KEYS}),
        Arguments.of("a key built in a StringBuilder from the environment",
            new JavaFileObject[] {config(TYPE,
                "  static final String SECRET_KEY;",
                "  static {",
                "    StringBuilder key = new StringBuilder();",
                "    key.append(System.getenv(\"SECRET_KEY_PART_1\"));",
                "    key.append(System.getenv(\"SECRET_KEY_PART_2\"));",
                "    SECRET_KEY = key.toString();",
                "  }")}),
        Arguments.of("no fallback keys, as an empty list", new JavaFileObject[] {config(TYPE, KEY,
            "  static final List<String> SECRET_KEY_FALLBACKS = List.of();")}),
        Arguments.of("no fallback keys, as an empty array", new JavaFileObject[] {config(TYPE, KEY,
            "  static final String[] SECRET_KEY_FALLBACKS = new String[0];")}),
        Arguments.of("fallback keys from the environment, none by default", new JavaFileObject[] {config(TYPE, KEY,
            "  static final List<String> SECRET_KEY_FALLBACKS = Optional.ofNullable(System.getenv(\"OLD_KEYS\"))",
            "      .map(keys -> List.of(keys.split(\",\"))).orElse(List.of());")}),
        Arguments.of("fallback keys as an array, none by default", new JavaFileObject[] {config(TYPE, KEY,
            "  static final String[] SECRET_KEY_FALLBACKS = Optional.ofNullable(System.getenv(\"OLD_KEYS\"))",
            "      .map(keys -> keys.split(\",\")).orElse(new String[0]);")}),
        Arguments.of("fallback keys through a helper, none by default", new JavaFileObject[] {config(TYPE, KEY,
            "  static final List<String> SECRET_KEY_FALLBACKS = Env.firstNonNull(",
            "      System.getenv(\"OLD_KEY\") == null ? null : List.of(System.getenv(\"OLD_KEY\")), List.of());"),
            ENV}),
        Arguments.of("a session type through a helper with a valid default",
            new JavaFileObject[] {config(KEY,
                "  static final String SESSION_TYPE = Env.get(\"SESSION_TYPE\", \"filesystem\");"), ENV}),
        Arguments.of("an enum method converting its own name, a session type",
            new JavaFileObject[] {config(KEY,
                "  enum Store { FILESYSTEM, MEMCACHE; SessionType type() { return SessionType.valueOf(name()); } }",
                "  static final SessionType SESSION_TYPE = Store.FILESYSTEM.type();")}),
        Arguments.of("a secret named in a key-management service, fetched by a helper", new JavaFileObject[] {
            config(TYPE, "  static final String SECRET_KEY = SecretStore.fetch(\"projects/acme/secrets/session-key\");"),
            source("com.acme.SecretStore", "final class SecretStore {",
                "  static String fetch(String name) {",
                "    if (name.isBlank()) {",
                "      throw new IllegalArgumentException(\"no secret name given\");",
                "    }",
                "    return Client.instance().access(name);",
                "  }",
                "  interface Client {",
                "    String access(String name);",
                "    static Client instance() { return java.util.ServiceLoader.load(Client.class).findFirst().orElseThrow(); }",
                "  }",
                "}")}),
        Arguments.of("a property name passed to a helper", new JavaFileObject[] {config(TYPE,
            "  static final String SECRET_KEY = property(\"acme.session.secret\");",
            "  static String property(String name) {",
            "    String value = System.getProperty(name);",
            "    if (value == null) {",
            "      throw new IllegalStateException(\"Set -D\" + name + \" to the session signing key\");",
            "    }",
            "    return value;",
            "  }")}),
        Arguments.of("a cookie setting's valid default through a helper",
            new JavaFileObject[] {config(KEY, TYPE,
                "  static final String SESSION_COOKIE_SAMESITE = Env.get(\"SESSION_COOKIE_SAMESITE\", \"Lax\");"),
                ENV}),
        Arguments.of("an application enum whose names are session types",
            new JavaFileObject[] {config(KEY,
                "  enum Store { FILESYSTEM, REDIS }",
                "  static final String SESSION_TYPE = String.valueOf(Store.FILESYSTEM);")}));
  }

  /** A random key is no literal: it is accepted, with a warning that it differs in every process. */
  @org.junit.jupiter.api.Test
  void randomKeyInDevelopmentConfigIsAWarningNotAnError() {
    JavaFileObject config = source("com.acme.Config", "@SessionConfig(development = true)", "public class Config {",
        TYPE, "  static final byte[] SECRET_KEY = Keys.random(32); // here", "}");
    Compilation compilation = compile(config, KEYS);
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    List<Diagnostic<? extends JavaFileObject>> random = withId(compilation, "RandomSecretKey");
    assertEquals(1, random.size(), diagnostics(compilation));
    assertEquals(Diagnostic.Kind.WARNING, random.get(0).getKind());
    assertEquals(lineOf(config, "// here"), random.get(0).getLineNumber());
    assertEquals(1, compilation.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).count(), diagnostics(compilation));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("silent")
  void cleanTwinCompilesWithoutWarnings(String shape, JavaFileObject[] files) {
    assertCompilesCleanly(files);
  }
}
