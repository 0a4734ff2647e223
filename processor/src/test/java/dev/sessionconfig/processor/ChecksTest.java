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
 * Each check of SPEC section 4: fires on the line marked {@code // here} with its ID, kind and a fix, and
 * stays silent on the nearest correct code.
 */
class ChecksTest {
  private static final String KEY = "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");";
  private static final String TYPE = "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;";
  private static final String JDBC = "  static final SessionType SESSION_TYPE = SessionType.JDBC;";
  /** SESSION_REDIS beside a filesystem store: its own rules are checked all the same. */
  private static final String IRRELEVANT = "  @SuppressWarnings(\"sessionconfig:IrrelevantSetting\")";
  private static final String JDBC_URL = "  static final String SESSION_JDBC_URL = System.getenv(\"DATABASE_URL\");";

  static Stream<Arguments> firing() {
    return Stream.of(
        Arguments.of("MissingSessionType", Diagnostic.Kind.ERROR, "no secret key was set",
            source("com.acme.Config", "@SessionConfig // here", "public class Config {", KEY, "}")),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "did you mean 'memcached'?",
            config(KEY, "  static final String SESSION_TYPE = \"memcache\"; // here")),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "did you mean 'redis'?",
            config(KEY, "  static final String SESSION_TYPE = System.getenv().getOrDefault(\"SESSION_TYPE\", \"rediss\"); // here")),
        Arguments.of("NullSessionType", Diagnostic.Kind.ERROR, "null session",
            config(KEY, "  static final String SESSION_TYPE = \"null\"; // here")),
        Arguments.of("NullSessionType", Diagnostic.Kind.ERROR, "null session",
            config(KEY, "  static final SessionType SESSION_TYPE = null; // here")),
        Arguments.of("UnsupportedSessionType", Diagnostic.Kind.ERROR, "cachelib",
            config(KEY, "  static final String SESSION_TYPE = \"cachelib\"; // here")),
        Arguments.of("UnsupportedSessionType", Diagnostic.Kind.ERROR, "mongodb",
            config(KEY, "  static final SessionType SESSION_TYPE = SessionType.MONGODB; // here")),
        Arguments.of("MissingStoreModule", Diagnostic.Kind.ERROR, "dev.sessionconfig:sessionconfig-redis",
            config(KEY, "  static final SessionType SESSION_TYPE = SessionType.REDIS; // here",
                "  static final String SESSION_REDIS = System.getenv(\"SESSION_REDIS\");")),
        Arguments.of("MissingStoreModule", Diagnostic.Kind.ERROR, "dev.sessionconfig:sessionconfig-jdbc",
            config(KEY, "  static final String SESSION_TYPE = \"sqlalchemy\"; // here",
                "  static final String SESSION_JDBC_URL = System.getenv(\"DATABASE_URL\");")),
        Arguments.of("MissingStoreModule", Diagnostic.Kind.ERROR, "dev.sessionconfig:sessionconfig-jdbc",
            config(KEY, "  static final String SESSION_TYPE = \"postgresql\"; // here",
                "  static final String SESSION_JDBC_URL = System.getenv(\"DATABASE_URL\");")),
        Arguments.of("MissingSecretKey", Diagnostic.Kind.ERROR, "static final String SECRET_KEY = System.getenv",
            source("com.acme.Config", "@SessionConfig // here", "public class Config {", TYPE, "}")),
        Arguments.of("MissingSecretKey", Diagnostic.Kind.ERROR, "never assigned",
            config("  static String SECRET_KEY; // here", TYPE)),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "System.getenv(\"SECRET_KEY\")",
            config("  static final String SECRET_KEY = \"super secret key\"; // here", TYPE)),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "SECRET_KEY",
            config("  static final String SECRET_KEY = \"\"; // here", TYPE)),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "SECRET_KEY",
            config("  static final String SECRET_KEY;", "  static {", "    SECRET_KEY = \"k\" + 1; // here", "  }", TYPE)),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "SECRET_KEY_FALLBACKS",
            config(KEY, TYPE, "  static final List<String> SECRET_KEY_FALLBACKS =",
                "      List.of(System.getenv(\"OLD_KEY\"), \"old literal\"); // here")),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "password",
            config(KEY, TYPE, "  @SuppressWarnings(\"sessionconfig:IrrelevantSetting\")",
                "  static final String SESSION_REDIS = \"redis://:hunter2@cache:6379\"; // here")),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "password",
            config(KEY, TYPE, IRRELEVANT,
                "  static final String SESSION_REDIS = \"redis-sentinel://:hunter2@s1,s2#mymaster\"; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "names no master after '#'",
            config(KEY, TYPE, IRRELEVANT, "  static final String SESSION_REDIS = \"redis-sentinel://s1:26379,s2:26379/0\"; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "has only database 0",
            config(KEY, TYPE, IRRELEVANT, "  static final String SESSION_REDIS = \"redis-cluster://n1:7000,n2:7001/2\"; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "not a number from 1 to 65535 after host 'n2'",
            config(KEY, TYPE, IRRELEVANT, "  static final String SESSION_REDIS =",
                "      System.getenv().getOrDefault(\"SESSION_REDIS\", \"redis-cluster://n1:7000,n2:70o1\"); // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "empty entry in its list of hosts",
            config(KEY, TYPE, IRRELEVANT, "  static final String SESSION_REDIS = \"rediss-sentinel://s1,,s2#m\"; // here")),
        Arguments.of("LiteralSecretFallback", Diagnostic.Kind.ERROR, "environment variable SECRET_KEY",
            config("  static final String SECRET_KEY = System.getenv().getOrDefault(\"SECRET_KEY\", \"dev\"); // here", TYPE)),
        Arguments.of("LiteralSecretFallback", Diagnostic.Kind.ERROR, "environment variable SECRET_KEY",
            config("  static String SECRET_KEY = System.getenv(\"SECRET_KEY\");", TYPE, "  static {",
                "    if (SECRET_KEY == null) SECRET_KEY = \"dev\"; // here", "  }")),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "SESSION_JDBC_PASSWORD",
            config(KEY, JDBC, JDBC_URL, "  static final String SESSION_JDBC_PASSWORD = \"hunter2\"; // here")),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "password",
            config(KEY, JDBC, "  static final String SESSION_JDBC_URL = \"jdbc:postgresql://db/app?password=hunter2\"; // here")),
        Arguments.of("LiteralSecretFallback", Diagnostic.Kind.ERROR, "environment variable DB_PASSWORD",
            config(KEY, JDBC, JDBC_URL,
                "  static final String SESSION_JDBC_PASSWORD = System.getenv().getOrDefault(\"DB_PASSWORD\", \"postgres\"); // here")),
        Arguments.of("LiteralSecretKey", Diagnostic.Kind.ERROR, "SECRET_KEY",
            new JavaFileObject[] {config("  static final String SECRET_KEY = Keys.DEV; // here", TYPE),
                source("com.acme.Keys", "interface Keys {", "  String DEV = \"dev-key\";", "}")}),
        Arguments.of("LiteralSecretFallback", Diagnostic.Kind.ERROR, "development = true",
            config("  static final String SECRET_KEY = System.getProperty(\"app.key\", \"dev\"); // here", TYPE)),
        Arguments.of("SecretAssignedOutsideConfig", Diagnostic.Kind.ERROR, "main",
            config("  static String SECRET_KEY;", TYPE, "  public static void main(String[] args) {",
                "    SECRET_KEY = System.getenv(\"SECRET_KEY\"); // here", "  }")),
        Arguments.of("MissingStoreSetting", Diagnostic.Kind.WARNING, "SESSION_REDIS",
            source("com.acme.Config", "@SessionConfig // here", "public class Config {", KEY,
                "  static final SessionType SESSION_TYPE = SessionType.REDIS;", "}")),
        Arguments.of("IrrelevantSetting", Diagnostic.Kind.WARNING, "redis",
            config(KEY, TYPE, "  static final String SESSION_REDIS = System.getenv(\"SESSION_REDIS\"); // here")),
        Arguments.of("MissingStoreSetting", Diagnostic.Kind.WARNING, "SESSION_JDBC_URL is not declared, so the store cannot start",
            source("com.acme.Config", "@SessionConfig // here", "public class Config {", KEY, JDBC, "}")),
        Arguments.of("IrrelevantSetting", Diagnostic.Kind.WARNING, "read only by the jdbc store",
            config(KEY, TYPE, "  static final String SESSION_JDBC_URL = System.getenv(\"DATABASE_URL\"); // here")),
        Arguments.of("IrrelevantSetting", Diagnostic.Kind.WARNING, "read only by the jdbc store",
            config(KEY, "  static final SessionType SESSION_TYPE = SessionType.REDIS;",
                "  static final String SESSION_REDIS = System.getenv(\"SESSION_REDIS\");",
                "  static final String SESSION_JDBC_TABLE = \"sessions\"; // here")),
        Arguments.of("UnknownSetting", Diagnostic.Kind.WARNING, "Did you mean SESSION_COOKIE_NAME?",
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAMES = \"sid\"; // here")),
        Arguments.of("UnknownSetting", Diagnostic.Kind.WARNING, "always signed",
            config(KEY, TYPE, "  static final boolean SESSION_USE_SIGNER = true; // here")),
        Arguments.of("WrongSettingType", Diagnostic.Kind.ERROR, "Duration",
            config(KEY, TYPE, "  static final String PERMANENT_SESSION_LIFETIME = \"7 days\"; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "at least 16 bytes",
            config(KEY, TYPE, "  static final int SESSION_ID_LENGTH = 8; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "did you mean 'Lax'?",
            config(KEY, TYPE, "  static final String SESSION_COOKIE_SAMESITE = \"Laxx\"; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "positive duration",
            config(KEY, TYPE, "  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofDays(0); // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "positive duration",
            config(KEY, TYPE, "  static final long PERMANENT_SESSION_LIFETIME = -1; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "every user of the machine",
            config(KEY, TYPE, "  static final int SESSION_FILE_MODE = 0644; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "decimal",
            config(KEY, TYPE, "  static final int SESSION_FILE_MODE = 600; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "not a valid cookie name",
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAME = \"my session\"; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "__Host-",
            config(KEY, TYPE, "  static final String SESSION_COOKIE_NAME = \"__Host-session\"; // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "SameSite",
            config(KEY, TYPE, "  static final String SESSION_COOKIE_SAMESITE = System.getProperty(\"samesite\", \"Loose\"); // here")),
        Arguments.of("InsecureCookie", Diagnostic.Kind.ERROR, "SameSite=None without Secure",
            config(KEY, TYPE, "  static final String SESSION_COOKIE_SAMESITE = \"None\"; // here")),
        Arguments.of("InsecureCookie", Diagnostic.Kind.WARNING, "HttpOnly=false",
            config(KEY, TYPE, "  static final boolean SESSION_COOKIE_HTTPONLY = false; // here")),
        Arguments.of("UncheckedConversion", Diagnostic.Kind.WARNING, "environment variable COOKIE_SECURE",
            config(KEY, TYPE, "  static final boolean SESSION_COOKIE_SECURE =",
                "      \"yes\".equalsIgnoreCase(System.getenv(\"COOKIE_SECURE\")); // here")),
        Arguments.of("UncheckedConversion", Diagnostic.Kind.WARNING, "static final boolean SESSION_REFRESH_EACH_REQUEST = Boolean.parseBoolean(System.getenv(\"REFRESH\"));",
            config(KEY, TYPE, "  static final boolean SESSION_REFRESH_EACH_REQUEST = !\"false\".equals(System.getenv(\"REFRESH\")); // here")),
        Arguments.of("UncheckedConversion", Diagnostic.Kind.WARNING, "static final int SESSION_ID_LENGTH = Integer.parseInt(System.getenv(\"ID_BYTES\"));",
            config(KEY, TYPE, "  static final int SESSION_ID_LENGTH = Integer.parseInt(System.getenv(\"ID_BYTES\")) * 2; // here")),
        Arguments.of("UncheckedConversion", Diagnostic.Kind.WARNING, "system property sessions.lifetime",
            new JavaFileObject[] {
                config(KEY, TYPE, "  static final Duration PERMANENT_SESSION_LIFETIME = Flags.lifetime(); // here"),
                source("com.acme.Flags", "class Flags {",
                    "  static Duration lifetime() {",
                    "    return Duration.parse(System.getProperty(\"sessions.lifetime\")).plusHours(1);",
                    "  }",
                    "}")}),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "use true or false",
            config(KEY, TYPE, "  static final boolean SESSION_COOKIE_SECURE =",
                "      Boolean.parseBoolean(System.getenv().getOrDefault(\"COOKIE_SECURE\", \"ture\")); // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "positive duration",
            config(KEY, TYPE, "  static final Duration PERMANENT_SESSION_LIFETIME =",
                "      Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault(\"LIFETIME_MINUTES\", \"0\"))); // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "every user of the machine",
            config(KEY, TYPE, "  static final int SESSION_FILE_MODE =",
                "      Integer.parseInt(System.getenv().getOrDefault(\"FILE_MODE\", \"644\"), 8); // here")),
        Arguments.of("InvalidSettingValue", Diagnostic.Kind.ERROR, "at least 16 bytes",
            config(KEY, TYPE, "  static final int SESSION_ID_LENGTH =",
                "      Optional.ofNullable(System.getenv(\"ID_BYTES\")).map(Integer::valueOf).orElse(8); // here")),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "did you mean 'FILESYSTEM'?",
            config(KEY, "  static final SessionType SESSION_TYPE =",
                "      SessionType.valueOf(System.getenv().getOrDefault(\"SESSION_TYPE\", \"filesystem\")); // here")),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "did you mean 'MEMCACHED'?",
            config(KEY, "  static final SessionType SESSION_TYPE = SessionType.valueOf(\"memcache\"); // here")),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "case-sensitive",
            config(KEY, "  static final SessionType SESSION_TYPE = SessionType.valueOf(\"filesystem\"); // here")),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "did you mean 'REDIS'?",
            config(KEY, "  static final SessionType SESSION_TYPE = store(); // here",
                "  static SessionType store() { return SessionType.valueOf(\"Redis\"); }")),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "did you mean 'MEMCACHED'?",
            new JavaFileObject[] {
                config(KEY, "  static final SessionType SESSION_TYPE = SessionType.valueOf(Store.MEMCACHE.name()); // here"),
                source("com.acme.Store", "enum Store { FILESYSTEM, MEMCACHE }")}),
        Arguments.of("UnknownSessionType", Diagnostic.Kind.ERROR, "did you mean 'memcached'?",
            new JavaFileObject[] {
                config(KEY, "  static final String SESSION_TYPE = Store.MEMCACHE.name().toLowerCase(); // here"),
                source("com.acme.Store", "enum Store { FILESYSTEM, MEMCACHE }")}),
        Arguments.of("WrongSettingType", Diagnostic.Kind.ERROR, "declared as Store",
            new JavaFileObject[] {
                config(KEY, "  static final Store SESSION_TYPE = Store.MEMCACHE; // here"),
                source("com.acme.Store", "enum Store { FILESYSTEM, MEMCACHE }")}),
        Arguments.of("UnknownSetting", Diagnostic.Kind.WARNING, "Did you mean SESSION_TYPE?",
            config(KEY, TYPE, "  static final String SESION_TYPE = \"redis\"; // here")),
        Arguments.of("UnknownSetting", Diagnostic.Kind.WARNING, "Did you mean SESSION_TYPE?",
            config(KEY, TYPE, "  static final String SESSIONTYPE = \"redis\"; // here")),
        Arguments.of("UnknownSetting", Diagnostic.Kind.WARNING, "Did you mean SECRET_KEY?",
            config(KEY, TYPE, "  static final String SECRETKEY = System.getenv(\"KEY\"); // here")),
        Arguments.of("UnknownSetting", Diagnostic.Kind.WARNING, "Did you mean PERMANENT_SESSION_LIFETIME?",
            config(KEY, TYPE, "  static final Duration PERMANENT_SESION_LIFETIME = Duration.ofDays(1); // here")),
        Arguments.of("UnknownSetting", Diagnostic.Kind.WARNING, "Did you mean SESSION_COOKIE_SECURE?",
            config(KEY, TYPE, "  static final boolean SESSIONCOOKIE_SECURE = true; // here")),
        Arguments.of("UnstorableAttributeType", Diagnostic.Kind.ERROR, "neither a record, an enum nor Serializable",
            new JavaFileObject[] {
                config(KEY, TYPE, "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class); // here"),
                source("com.acme.Cart", "public class Cart {}")}),
        Arguments.of("UnstorableAttributeType", Diagnostic.Kind.ERROR, "whose component Cart.lines → Line.tags cannot be stored",
            new JavaFileObject[] {
                config(KEY, TYPE, "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES =",
                    "      List.of(Role.class, Cart.class); // here"),
                source("com.acme.Cart", "public record Cart(List<Line> lines) {}"),
                source("com.acme.Line", "public record Line(String sku, LinkedList<String> tags) {}"),
                source("com.acme.Role", "public enum Role { ADMIN }")}),
        Arguments.of("UnstorableAttributeType", Diagnostic.Kind.ERROR, "java.lang.Thread is neither a record",
            new JavaFileObject[] {
                config(KEY, TYPE, "  static final Class<?>[] SESSION_ATTRIBUTE_TYPES = {Job.class}; // here"),
                source("com.acme.Job", "public record Job(String name, Map<String, Thread> workers) {}")}),
        Arguments.of("UnstorableAttributeType", Diagnostic.Kind.ERROR, "allow its package in SESSION_SERIALIZATION_ALLOW",
            new JavaFileObject[] {
                config(KEY, TYPE, "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Order.class); // here"),
                source("com.acme.Order", "public record Order(Customer customer) {}"),
                source("com.acme.Customer", "public class Customer implements java.io.Serializable {}")}),
        Arguments.of("UnstorableAttributeType", Diagnostic.Kind.ERROR, "cannot be reached",
            new JavaFileObject[] {
                config(KEY, TYPE, "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES =",
                    "      List.of(com.acme.model.Cart.class); // here"),
                source("com.acme.model.Cart", "public record Cart(Hidden hidden) {}", "record Hidden(int a) {}")}),
        Arguments.of("UnstorableAttributeType", Diagnostic.Kind.ERROR, "an interface",
            new JavaFileObject[] {
                config(KEY, TYPE, "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Shape.class); // here"),
                source("com.acme.Shape", "public interface Shape {}")}),
        Arguments.of("UnreadableAttributeTypes", Diagnostic.Kind.ERROR, "List.of(Cart.class, Role.class)",
            config(KEY, TYPE, "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = types(); // here",
                "  static List<Class<?>> types() { return new ArrayList<>(); }")),
        Arguments.of("UnsafeSerializationAllow", Diagnostic.Kind.ERROR, "allows every class",
            config(KEY, TYPE, "  static final List<String> SESSION_SERIALIZATION_ALLOW = List.of(\"**\"); // here")),
        Arguments.of("UnsafeSerializationAllow", Diagnostic.Kind.ERROR, "where known deserialization gadgets live",
            config(KEY, TYPE, "  static final List<String> SESSION_SERIALIZATION_ALLOW =",
                "      List.of(\"com.acme.model.*\", \"java.**\"); // here")),
        Arguments.of("UnsafeSerializationAllow", Diagnostic.Kind.ERROR, "org.apache.commons.collections",
            config(KEY, TYPE, "  static final String[] SESSION_SERIALIZATION_ALLOW =",
                "      {\"org.apache.commons.collections.functors.*\"}; // here")),
        Arguments.of("UnsafeSerializationAllow", Diagnostic.Kind.ERROR, "org.springframework.aop",
            config(KEY, TYPE, "  static final List<String> SESSION_SERIALIZATION_ALLOW = List.of(\"org.springframework.**\"); // here")),
        Arguments.of("UnsafeSerializationAllow", Diagnostic.Kind.ERROR, "is not a pattern",
            config(KEY, TYPE, "  static final List<String> SESSION_SERIALIZATION_ALLOW = List.of(\"com.acme.*.model\"); // here")),
        Arguments.of("InstanceSetting", Diagnostic.Kind.ERROR, "make it static",
            config(KEY, TYPE, "  final String SESSION_COOKIE_NAME = \"sid\"; // here")),
        Arguments.of("LowercaseSetting", Diagnostic.Kind.WARNING, "rename it to SESSION_COOKIE_NAME",
            config(KEY, TYPE, "  static final String sessionCookieName = \"sid\"; // here")),
        Arguments.of("LowercaseSetting", Diagnostic.Kind.WARNING, "rename it to SESSION_PERMANENT",
            config(KEY, TYPE, "  static final boolean session_permanent = false; // here")),
        Arguments.of("InaccessibleSetting", Diagnostic.Kind.ERROR, "package-private",
            config(KEY, "  private static final SessionType SESSION_TYPE = SessionType.FILESYSTEM; // here")),
        Arguments.of("NotAConfigClass", Diagnostic.Kind.ERROR, "an interface",
            source("com.acme.Config", "@SessionConfig // here", "public interface Config {", KEY, TYPE, "}")),
        Arguments.of("NotAConfigClass", Diagnostic.Kind.ERROR, "an enum",
            source("com.acme.Config", "@SessionConfig // here", "public enum Config {", "  A;", "}")),
        Arguments.of("NotAConfigClass", Diagnostic.Kind.ERROR, "a record",
            source("com.acme.Config", "@SessionConfig // here", "public record Config(String a) {", "}")),
        Arguments.of("NotAConfigClass", Diagnostic.Kind.ERROR, "an inner (non-static) class",
            source("com.acme.Outer", "public class Outer {", "  @SessionConfig // here", "  class Config {", KEY, TYPE,
                "  }", "}")));
  }

  @ParameterizedTest(name = "[{index}] {0}: {2}")
  @MethodSource("firing")
  void firesOnTheMarkedLine(String id, Diagnostic.Kind kind, String fixText, Object sources) {
    // One file, or several of which the first holds the marked line.
    JavaFileObject[] files = sources instanceof JavaFileObject[] ? (JavaFileObject[]) sources
        : new JavaFileObject[] {(JavaFileObject) sources};
    JavaFileObject file = files[0];
    Compilation compilation = compile(files);
    List<Diagnostic<? extends JavaFileObject>> found = withId(compilation, id);
    long line = lineOf(file, "// here");
    assertTrue(found.stream().anyMatch(d -> d.getKind() == kind && d.getLineNumber() == line
            && d.getSource().getName().equals(file.getName())
            && d.getMessage(null).contains(fixText)),
        "expected " + kind + " [" + id + "] on line " + line + " mentioning \"" + fixText + "\", got:\n"
            + diagnostics(compilation));
    assertTrue(found.stream().allMatch(d -> d.getMessage(null).contains("Fix:") || d.getKind() == Diagnostic.Kind.NOTE),
        "every diagnostic says how to fix it:\n" + diagnostics(compilation));
  }

  static Stream<Arguments> silent() {
    return Stream.of(
        Arguments.of("a minimal config", config(KEY, TYPE)),
        Arguments.of("a session type as a case-insensitive string", config(KEY, "  static final String SESSION_TYPE = \"FileSystem\";")),
        Arguments.of("a session type from the environment with a valid fallback",
            config(KEY, "  static final String SESSION_TYPE = System.getenv().getOrDefault(\"SESSION_TYPE\", \"filesystem\");")),
        Arguments.of("a secret whose env var name is a constant",
            config("  static final String NAME = \"SECRET_KEY\";", "  static final String SECRET_KEY = System.getenv(NAME);", TYPE)),
        Arguments.of("a secret with a null default", config(
            "  static final String SECRET_KEY = System.getenv().getOrDefault(\"SECRET_KEY\", null);", TYPE)),
        Arguments.of("a secret that must be present", config(
            "  static final String SECRET_KEY = Objects.requireNonNull(System.getenv(\"SECRET_KEY\"), \"set SECRET_KEY\");", TYPE)),
        Arguments.of("a secret from a secrets file", config(
            "  static final String SECRET_KEY = read();", TYPE,
            "  static String read() {",
            "    try { return java.nio.file.Files.readString(java.nio.file.Path.of(\"/run/secrets/key\")); }",
            "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
            "  }")),
        Arguments.of("a secret assigned in the static initializer from the environment", config(
            "  static final String SECRET_KEY;", "  static { SECRET_KEY = System.getenv(\"SECRET_KEY\"); }", TYPE)),
        Arguments.of("fallback keys from the environment", config(KEY, TYPE,
            "  static final List<String> SECRET_KEY_FALLBACKS = List.of(System.getenv(\"OLD_KEY\"));")),
        Arguments.of("every cookie setting, valid", config(KEY, TYPE,
            "  static final String SESSION_COOKIE_NAME = \"__Host-sid\";",
            "  static final boolean SESSION_COOKIE_SECURE = true;",
            "  static final String SESSION_COOKIE_SAMESITE = \"None\";",
            "  static final boolean SESSION_COOKIE_PARTITIONED = true;",
            "  static final String SESSION_COOKIE_PATH = \"/\";",
            "  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofHours(12);",
            "  static final long SESSION_ABSOLUTE_LIFETIME = 86400;",
            "  static final int SESSION_ID_LENGTH = 16;",
            "  static final int SESSION_FILE_MODE = 0640;",
            "  static final String SESSION_FILE_DIR = \"/var/lib/app/sessions\";")),
        Arguments.of("settings parsed from the environment by JDK functions the loader replays", config(KEY,
            "  static final SessionType SESSION_TYPE = SessionType.valueOf(",
            "      System.getenv().getOrDefault(\"SESSION_TYPE\", \"filesystem\").trim().toUpperCase());",
            "  static final boolean SESSION_COOKIE_SECURE =",
            "      Boolean.parseBoolean(System.getenv().getOrDefault(\"COOKIE_SECURE\", \"true\"));",
            "  static final Boolean SESSION_COOKIE_HTTPONLY =",
            "      Optional.ofNullable(System.getenv(\"HTTPONLY\")).map(Boolean::valueOf).orElse(true);",
            "  static final boolean SESSION_PERMANENT = System.getenv(\"PERMANENT\") != null",
            "      ? Boolean.parseBoolean(System.getenv(\"PERMANENT\")) : true;",
            "  static final int SESSION_ID_LENGTH = Integer.parseInt(System.getenv().getOrDefault(\"ID_BYTES\", \"32\"));",
            "  static final int SESSION_FILE_MODE = Integer.parseInt(System.getenv().getOrDefault(\"FILE_MODE\", \"600\"), 8);",
            "  static final int SESSION_FILE_THRESHOLD = Integer.getInteger(\"sessions.threshold\", 500);",
            "  static final Duration PERMANENT_SESSION_LIFETIME =",
            "      Duration.ofDays(Long.parseLong(System.getenv().getOrDefault(\"LIFETIME_DAYS\", \"7\")));",
            "  static final Duration SESSION_ABSOLUTE_LIFETIME =",
            "      Duration.parse(System.getenv().getOrDefault(\"ABSOLUTE_LIFETIME\", \"PT12H\"));",
            "  static final java.nio.file.Path SESSION_FILE_DIR =",
            "      java.nio.file.Path.of(System.getenv().getOrDefault(\"SESSION_DIR\", \"/var/lib/app/sessions\"));")),
        Arguments.of("a boolean setting parsed by Boolean.parseBoolean",
            config(KEY, TYPE, "  static final boolean SESSION_COOKIE_SECURE = Boolean.parseBoolean(System.getenv(\"COOKIE_SECURE\"));")),
        Arguments.of("session types a session can store, and narrow serialization patterns", config(KEY, TYPE,
            "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class, Legacy.class);",
            "  static final List<String> SESSION_SERIALIZATION_ALLOW =",
            "      List.of(\"org.springframework.security.**\", \"com.acme.legacy.*\", \"com.acme.Profile\");",
            "  public record Cart(List<Item> items, Map<Role, List<java.time.Instant>> seen, Optional<String> coupon,",
            "      EnumSet<Role> roles, java.math.BigDecimal total, Page<Item> page, int[] counts, Shape shape) {}",
            "  public record Item(String sku, int quantity) {}",
            "  public record Page<T>(List<T> items, int number) {}",
            "  public enum Role { ADMIN, VIEWER { @Override public String toString() { return \"viewer\"; } } }",
            "  public sealed interface Shape permits Circle, Square {}",
            "  public record Circle(double radius) implements Shape {}",
            "  public record Square(double side) implements Shape {}",
            "  public static class Legacy implements java.io.Serializable {",
            "    private static final long serialVersionUID = 1L;",
            "  }")),
        Arguments.of("a Sentinel URL", config(KEY, TYPE, IRRELEVANT,
            "  static final String SESSION_REDIS = \"rediss-sentinel://s1,s2:26380,[::1]/3#mymaster\";")),
        Arguments.of("a Cluster URL from the environment with a valid fallback", config(KEY, TYPE, IRRELEVANT,
            "  static final String SESSION_REDIS =",
            "      System.getenv().getOrDefault(\"SESSION_REDIS\", \"redis-cluster://n1:7000,n2:7001/0\");")),
        Arguments.of("other upper-case constants", config(KEY, TYPE, "  static final int MAX_USERS = 10;",
            "  static final String APP_NAME = \"shop\";")),
        Arguments.of("constants of the application named near, but not like, a setting", config(KEY, TYPE,
            "  static final String API_SECRET_KEY_NAME = \"API_KEY\";",
            "  static final String SECRETS_DIR = \"/run/secrets\";",
            "  static final String COOKIE_NAME = \"sid\";",
            "  static final String DEFAULT_SESSION_TYPE = \"filesystem\";",
            "  static final int SESSIONS_PER_USER = 3;",
            "  static final String SESSION = \"session\";",
            "  static final String SECRET = \"SECRET_KEY\";")),
        Arguments.of("a session type by its exact constant name", config(KEY,
            "  static final SessionType SESSION_TYPE = SessionType.valueOf(\"FILESYSTEM\");")),
        Arguments.of("a session type named by an application enum's constant", config(KEY,
            "  static final SessionType SESSION_TYPE = SessionType.valueOf(Store.FILESYSTEM.name());",
            "  enum Store { FILESYSTEM, MEMCACHE }")),
        Arguments.of("a suppressed warning on the field", config(KEY, TYPE,
            "  @SuppressWarnings(\"sessionconfig:UnknownSetting\")", "  static final String SESSION_COOKIE_NAMES = \"sid\";")),
        Arguments.of("a suppressed warning on the class", source("com.acme.Config",
            "@SessionConfig", "@SuppressWarnings(\"sessionconfig:InsecureCookie\")", "public class Config {", KEY, TYPE,
            "  static final boolean SESSION_COOKIE_HTTPONLY = false;", "}")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("silent")
  void correctConfigsCompileWithoutWarnings(String description, JavaFileObject file) {
    Compilation compilation = assertCompilesCleanly(file);
    assertTrue(compilation.generatedSourceFile("com.acme.ConfigLoader").isPresent(), "a loader is generated");
  }

  @Test
  void straySessionTypeIsReportedWhereItIsAndNamedInTheMissingTypeError() {
    JavaFileObject app = source("com.acme.App", "public class App {",
        "  static final String SESSION_TYPE = \"memcached\"; // here", "}");
    JavaFileObject config = source("com.acme.Config", "@SessionConfig", "public class Config {", KEY, "}");
    Compilation compilation = compile(app, config);
    List<Diagnostic<? extends JavaFileObject>> stray = withId(compilation, "StraySetting");
    assertEquals(1, stray.size(), diagnostics(compilation));
    assertEquals(lineOf(app, "// here"), stray.get(0).getLineNumber());
    assertTrue(stray.get(0).getMessage(null).contains("move it into your @SessionConfig class Config"));
    assertTrue(withId(compilation, "MissingSessionType").get(0).getMessage(null).contains("declared in com.acme.App"));
  }

  @Test
  void aSuperclassOfAConfigIsNotStray() {
    JavaFileObject base = source("com.acme.Base", "public class Base {", KEY, TYPE, "}");
    JavaFileObject config = source("com.acme.Config", "@SessionConfig", "public class Config extends Base {", "}");
    Compilation compilation = compile(base, config);
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    assertTrue(withId(compilation, "StraySetting").isEmpty(), diagnostics(compilation));
  }

  @Test
  void aSubclassFieldHidesTheInheritedOne() {
    JavaFileObject base = source("com.acme.Base", "public class Base {",
        "  static final String SECRET_KEY = \"literal in the parent\";", TYPE, "}");
    JavaFileObject config = source("com.acme.Config", "@SessionConfig", "public class Config extends Base {", KEY, "}");
    Compilation compilation = compile(base, config);
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
  }

  @Test
  void eachEnvironmentConfigIsCheckedOnItsOwn() {
    JavaFileObject base = source("com.acme.Config", "@SessionConfig", "public class Config {", KEY, TYPE, "}");
    JavaFileObject production = source("com.acme.ProductionConfig", "@SessionConfig",
        "public class ProductionConfig extends Config {",
        "  static final String SESSION_COOKIE_SAMESITE = \"None\"; // here", "}");
    Compilation compilation = compile(base, production);
    List<Diagnostic<? extends JavaFileObject>> insecure = withId(compilation, "InsecureCookie");
    assertEquals(1, insecure.size(), diagnostics(compilation));
    assertEquals(lineOf(production, "// here"), insecure.get(0).getLineNumber());
    assertTrue(compilation.errors().stream().allMatch(e -> e.getSource().getName().endsWith("ProductionConfig.java")),
        "the base config is not blamed for its subclass:\n" + diagnostics(compilation));
  }

  /**
   * An application's own enum as SESSION_TYPE is a declaration the loader cannot read: that, and nothing made up from
   * its constant's name (once an [InternalError] for a name SessionType lacks, a MissingStoreSetting for one it has).
   */
  @Test
  void anApplicationEnumAsSessionTypeIsOnlyAWrongType() {
    for (String constant : List.of("MEMCACHE", "REDIS")) {
      JavaFileObject config = config(KEY, "  static final Store SESSION_TYPE = Store." + constant + "; // here");
      Compilation compilation = compile(config, source("com.acme.Store", "enum Store { REDIS, MEMCACHE }"));
      List<Diagnostic<? extends JavaFileObject>> wrongType = withId(compilation, "WrongSettingType");
      assertEquals(1, wrongType.size(), diagnostics(compilation));
      assertEquals(lineOf(config, "// here"), wrongType.get(0).getLineNumber());
      assertEquals(1, compilation.diagnostics().size(), "nothing else:\n" + diagnostics(compilation));
    }
  }

  /**
   * An assignment outside the config with a hard-coded fallback is two mistakes: each is reported, the assignment on
   * its statement and the fallback on its literal.
   */
  @Test
  void aSecretAssignedOutsideWithALiteralFallbackGetsBothErrorsEachWhereItIs() {
    JavaFileObject file = config("  static String SECRET_KEY;", TYPE, "  public static void main(String[] args) {",
        "    SECRET_KEY = System.getenv().getOrDefault(\"SECRET_KEY\", \"dev\"); // here", "  }");
    Compilation compilation = compile(file);
    long line = lineOf(file, "// here");
    List<Diagnostic<? extends JavaFileObject>> outside = withId(compilation, "SecretAssignedOutsideConfig");
    List<Diagnostic<? extends JavaFileObject>> fallback = withId(compilation, "LiteralSecretFallback");
    assertEquals(1, outside.size(), diagnostics(compilation));
    assertEquals(1, fallback.size(), diagnostics(compilation));
    assertEquals(line, outside.get(0).getLineNumber());
    assertEquals(line, fallback.get(0).getLineNumber());
    String text = sourceLine(file, line);
    assertEquals(text.indexOf("SECRET_KEY =") + 1, outside.get(0).getColumnNumber(), "on the statement");
    assertEquals(text.indexOf("\"dev\"") + 1, fallback.get(0).getColumnNumber(), "on the fallback");
  }

  /** The same, with the fallback on a line of its own: each error on its own line. */
  @Test
  void theTwoErrorsOfOneStatementPointAtTheirOwnLines() {
    JavaFileObject file = config("  static String SECRET_KEY;", TYPE, "  public static void main(String[] args) {",
        "    SECRET_KEY = // statement", "        System.getProperty(\"app.key\", \"dev\"); // fallback", "  }");
    Compilation compilation = compile(file);
    assertEquals(lineOf(file, "// statement"),
        withId(compilation, "SecretAssignedOutsideConfig").get(0).getLineNumber(), diagnostics(compilation));
    assertEquals(lineOf(file, "// fallback"),
        withId(compilation, "LiteralSecretFallback").get(0).getLineNumber(), diagnostics(compilation));
  }

  private static String sourceLine(JavaFileObject file, long line) {
    try {
      return file.getCharContent(true).toString().split("\n", -1)[(int) line - 1];
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void warningsAsErrorsTurnsWarningsIntoErrors() {
    JavaFileObject file = config(KEY, TYPE, "  static final String SESSION_COOKIE_NAMES = \"sid\";");
    assertEquals(Compilation.Status.SUCCESS, compile(file).status());
    Compilation strict = compileWith(List.of("-Asessionconfig.warningsAsErrors=true"), file);
    assertEquals(Compilation.Status.FAILURE, strict.status());
    assertEquals(Diagnostic.Kind.ERROR, withId(strict, "UnknownSetting").get(0).getKind());
  }

  @Test
  void unknownOptionsAndValuesAreErrors() {
    JavaFileObject file = config(KEY, TYPE);
    Compilation unknown = compileWith(List.of("-Asessionconfig.warningAsErrors=true"), file);
    assertEquals(Compilation.Status.FAILURE, unknown.status());
    assertTrue(withId(unknown, "InvalidOption").get(0).getMessage(null)
        .contains("did you mean -Asessionconfig.warningsAsErrors?"), diagnostics(unknown));
    Compilation badValue = compileWith(List.of("-Asessionconfig.warningsAsErrors=yes"), file);
    assertTrue(withId(badValue, "InvalidOption").get(0).getMessage(null).contains("true or false"), diagnostics(badValue));
    assertEquals(Compilation.Status.SUCCESS, compileWith(List.of("-Aother.option=1"), file).status());
  }

  @Test
  void errorsCannotBeSuppressed() {
    JavaFileObject file = source("com.acme.Config", "@SessionConfig",
        "@SuppressWarnings(\"sessionconfig:LiteralSecretKey\")", "public class Config {",
        "  static final String SECRET_KEY = \"literal\";", TYPE, "}");
    assertEquals(1, withId(compile(file), "LiteralSecretKey").size());
  }

  @Test
  void everyProblemIsReportedInOneBuild() {
    Compilation compilation = compile(config("  static final String SECRET_KEY = \"literal\";",
        "  static final String SESSION_TYPE = \"memcache\";", "  static final int SESSION_ID_LENGTH = 4;"));
    assertEquals(1, withId(compilation, "LiteralSecretKey").size(), diagnostics(compilation));
    assertEquals(1, withId(compilation, "UnknownSessionType").size(), diagnostics(compilation));
    assertEquals(1, withId(compilation, "InvalidSettingValue").size(), diagnostics(compilation));
  }

  @Test
  void aJdbcConfigFromTheEnvironmentLacksOnlyTheStoreModule() {
    // The processor's test class path has no sessionconfig-jdbc: MissingStoreModule, and nothing else.
    Compilation compilation = compile(config(KEY, JDBC, JDBC_URL,
        "  static final String SESSION_JDBC_USER = \"app\";",
        "  static final String SESSION_JDBC_PASSWORD = System.getenv(\"DB_PASSWORD\");",
        "  static final String SESSION_JDBC_TABLE = \"app_sessions\";"));
    assertEquals(1, compilation.errors().size(), diagnostics(compilation));
    assertEquals(1, withId(compilation, "MissingStoreModule").size(), diagnostics(compilation));
    assertTrue(compilation.warnings().isEmpty(), "no MissingStoreSetting, IrrelevantSetting or other warning:\n"
        + diagnostics(compilation));
  }

  @Test
  void noSecretValueAppearsInAnyDiagnostic() {
    Compilation compilation = compile(config("  static final String SECRET_KEY = \"hunter2-very-secret\";",
        "  static final List<String> SECRET_KEY_FALLBACKS = List.of(\"old-hunter3\");",
        "  static final String SESSION_TYPE = \"redis\";",
        "  static final String SESSION_REDIS = \"redis://user:pa55word@cache:6379\";"));
    String all = diagnostics(compilation);
    assertFalse(all.contains("hunter2") || all.contains("hunter3") || all.contains("pa55word"), all);
    assertEquals(3, withId(compilation, "LiteralSecretKey").size(), all);

    Compilation jdbc = compile(config(KEY, JDBC,
        "  static final String SESSION_JDBC_URL = \"jdbc:postgresql://db/app?password=pg-hunter4\";",
        "  static final String SESSION_JDBC_PASSWORD = \"pg-hunter5\";"));
    String jdbcDiagnostics = diagnostics(jdbc);
    assertFalse(jdbcDiagnostics.contains("pg-hunter4") || jdbcDiagnostics.contains("pg-hunter5"), jdbcDiagnostics);
    assertEquals(2, withId(jdbc, "LiteralSecretKey").size(), jdbcDiagnostics);
  }
}
