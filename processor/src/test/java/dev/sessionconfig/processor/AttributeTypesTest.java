package dev.sessionconfig.processor;

import static dev.sessionconfig.processor.Compiler.compile;
import static dev.sessionconfig.processor.Compiler.compileWith;
import static dev.sessionconfig.processor.Compiler.diagnostics;
import static dev.sessionconfig.processor.Compiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.values.IncompatibleValueException;
import dev.sessionconfig.runtime.values.SessionValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * SESSION_ATTRIBUTE_TYPES end to end: the codecs the processor generates (against a golden file), and what they
 * do when run: values read back equal, and values written by "version 1" of a type read by "version 2".
 */
class AttributeTypesTest {
  private static final String KEY = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-not-a-placeholder";
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static JavaFileObject config() {
    return source("com.acme.Config",
        "@SessionConfig",
        "public class Config {",
        "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
        "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;",
        "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class, Profile.class);",
        "  static final List<String> SESSION_SERIALIZATION_ALLOW = List.of(\"com.acme.legacy.*\");",
        "}");
  }

  private static final JavaFileObject[] MODEL = {
      source("com.acme.Cart", "public record Cart(List<Item> items, Map<Role, List<java.time.Instant>> seen,",
          "    Optional<String> coupon, Page<Item> page, Shape shape, int[] counts) {}"),
      source("com.acme.Item", "public record Item(String sku, int quantity, java.math.BigDecimal unitPrice) {}"),
      source("com.acme.Role", "public enum Role { ADMIN, EDITOR { @Override public String toString() { return \"editor\"; } }, VIEWER }"),
      source("com.acme.Page", "public record Page<T>(List<T> items, int number) {}"),
      source("com.acme.Shape", "public sealed interface Shape permits Circle, Square {}"),
      source("com.acme.Circle", "public record Circle(double radius) implements Shape {}"),
      source("com.acme.Square", "public record Square(double side) implements Shape {}"),
      source("com.acme.Profile", "public class Profile implements java.io.Serializable {",
          "  private static final long serialVersionUID = 1L;",
          "  final String name;",
          "  public Profile(String name) { this.name = name; }",
          "  @Override public boolean equals(Object o) { return o instanceof Profile p && p.name.equals(name); }",
          "  @Override public int hashCode() { return name.hashCode(); }",
          "}"),
      source("com.acme.Samples", "public class Samples {",
          "  public static Object cart() {",
          "    Map<Role, List<java.time.Instant>> seen = new EnumMap<>(Role.class);",
          "    seen.put(Role.EDITOR, List.of(java.time.Instant.EPOCH));",
          "    List<Item> items = new ArrayList<>();",
          "    for (int i = 0; i < 20; i++) items.add(new Item(\"sku-\" + i, i, new java.math.BigDecimal(i + \".50\")));",
          "    return new Cart(items, seen, Optional.of(\"WINTER\"), new Page<>(List.of(items.get(0)), 2),",
          "        new Circle(1.5), new int[] {1, 2});",
          "  }",
          "  public static Object profile() { return new Profile(\"ann\"); }",
          "}")};

  private static JavaFileObject[] all() {
    JavaFileObject[] all = new JavaFileObject[MODEL.length + 1];
    all[0] = config();
    System.arraycopy(MODEL, 0, all, 1, MODEL.length);
    return all;
  }

  @Test
  void generatedCodecsMatchTheGoldenFileAndCompileWithoutWarnings() throws IOException {
    Compilation compilation = compileWith(List.of("-Xlint:all", "-Werror"), all());
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    String generated = compilation.generatedSourceFile("com.acme.ConfigLoader").orElseThrow()
        .getCharContent(true).toString();
    Path file = GOLDEN.resolve("CodecConfigLoader.java");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, generated);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), generated,
        "generated loader differs from " + file + " (rerun with -Dgolden.update=true after reviewing)");
  }

  private static SessionValues values(GeneratedClasses classes) throws Throwable {
    SessionSettings settings = (SessionSettings) classes.call("com.acme.ConfigLoader", "load",
        new Class<?>[] {ConfigSource.class}, ConfigSource.of(Map.of("SECRET_KEY", KEY)));
    return SessionValues.of(settings.attributeTypes(), settings.serializationAllow());
  }

  @Test
  void aRecordWithNestedRecordsEnumsAndGenericsReadsBackEqualThroughItsGeneratedCodec() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(compile(all()));
    SessionValues values = values(classes);
    Object cart = classes.call("com.acme.Samples", "cart", new Class<?>[0]);
    Object back = values.decode(values.encode("cart", cart));
    assertNotSame(cart, back);
    // Records with an array component compare the array by identity: compare the rest, then the array.
    assertEquals(cart.toString().replaceAll("\\[I@\\w+", "[I"), back.toString().replaceAll("\\[I@\\w+", "[I"));
    Object profile = classes.call("com.acme.Samples", "profile", new Class<?>[0]);
    assertEquals(profile, values.decode(values.encode("profile", profile)));
  }

  private static GeneratedClasses version(String cart, String role) {
    Compilation compilation = compile(
        source("com.acme.Config", "@SessionConfig", "public class Config {",
            "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");",
            "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;",
            "  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class, Role.class);", "}"),
        source("com.acme.Cart", cart), source("com.acme.Role", role),
        source("com.acme.Samples", "public class Samples {",
            "  public static Object cart(Object... components) throws Exception {",
            "    return Cart.class.getConstructors()[0].newInstance(components);",
            "  }",
            "  public static Object role(String name) { return Role.valueOf(name); }",
            "}"));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics(compilation));
    return new GeneratedClasses(compilation);
  }

  @Test
  void valuesWrittenByVersionOneOfATypeAreReadByVersionTwoOrDroppedAlone() throws Throwable {
    GeneratedClasses v1 = version("public record Cart(String owner, int count, String note) {}",
        "public enum Role { ADMIN, EDITOR }");
    GeneratedClasses v2 = version("public record Cart(String owner, long count, List<String> tags) {}",
        "public enum Role { ADMIN }");
    SessionValues oldValues = values(v1);
    SessionValues newValues = values(v2);

    // Component added (tags) and removed (note): reads back, the new one null.
    GeneratedClasses v2b = version("public record Cart(String owner, int count, List<String> tags) {}",
        "public enum Role { ADMIN }");
    byte[] cart = oldValues.encode("cart", v1.call("com.acme.Samples", "cart", new Class<?>[] {Object[].class},
        (Object) new Object[] {"ann", 3, "gift"}));
    assertEquals("Cart[owner=ann, count=3, tags=null]", values(v2b).decode(cart).toString());

    // Component changed type (int to long): that attribute cannot be read, and says why.
    IncompatibleValueException changed = assertThrows(IncompatibleValueException.class, () -> newValues.decode(cart));
    assertEquals("its component 'count' of com.acme.Cart is stored as java.lang.Integer, which does not fit its"
        + " declared type long any more", changed.getMessage());

    // Enum constant removed.
    byte[] editor = oldValues.encode("role", v1.call("com.acme.Samples", "role", new Class<?>[] {String.class}, "EDITOR"));
    assertEquals("com.acme.Role has no constant EDITOR any more",
        assertThrows(IncompatibleValueException.class, () -> newValues.decode(editor)).getMessage());
    byte[] admin = oldValues.encode("role", v1.call("com.acme.Samples", "role", new Class<?>[] {String.class}, "ADMIN"));
    assertEquals("ADMIN", newValues.decode(admin).toString());
  }
}
