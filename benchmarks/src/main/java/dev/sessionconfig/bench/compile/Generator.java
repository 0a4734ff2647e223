package dev.sessionconfig.bench.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic code base of {@code total} classes, {@code configs} of which are valid
 * {@code @SessionConfig} classes, spread over packages of 50 classes.
 *
 * <p>Ordinary classes are a rotating mix of entities (fields, constructor, getters, equals/hashCode), services
 * (generic methods, streams and lambdas over the package's entities, a nested record) and a generic
 * repository interface per package, so javac has realistic attribution and flow work to do. Config classes read
 * their secret and several settings from {@code System.getenv} and set a few constants, all valid for the
 * filesystem store (no store module needed on the class path).
 *
 * <p>Usage: {@code Generator <outDir> <total> <configs>}; prints the number of files written.
 */
public final class Generator {
  static final int PER_PACKAGE = 50;

  private Generator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int total = Integer.parseInt(args[1]);
    int configs = Integer.parseInt(args[2]);
    System.out.println(generate(out, total, configs).size());
  }

  /** Writes the sources under {@code out} and returns their paths. Config classes are spread evenly. */
  public static List<Path> generate(Path out, int total, int configs) throws IOException {
    if (configs > total) {
      throw new IllegalArgumentException("configs > total");
    }
    List<Path> files = new ArrayList<>();
    // Which slots are configs: every (total / configs)-th class, never a package's repository (slot 0).
    boolean[] isConfig = new boolean[total];
    int placed = 0;
    int configEvery = configs == 0 ? Integer.MAX_VALUE : Math.max(1, total / configs);
    for (int i = 0; i < total && placed < configs; i++) {
      if (i % configEvery == configEvery - 1 && i % PER_PACKAGE != 0) {
        isConfig[i] = true;
        placed++;
      }
    }
    for (int i = total - 1; i >= 0 && placed < configs; i--) {
      if (!isConfig[i] && i % PER_PACKAGE != 0) {
        isConfig[i] = true;
        placed++;
      }
    }
    int configsWritten = 0;
    for (int i = 0; i < total; i++) {
      int pkg = i / PER_PACKAGE;
      int inPkg = i % PER_PACKAGE;
      String pkgName = "com.synth.p" + pkg;
      Path dir = out.resolve("com/synth/p" + pkg);
      Files.createDirectories(dir);
      String name;
      String source;
      if (isConfig[i]) {
        name = "Config" + i;
        source = config(pkgName, name, configsWritten);
        configsWritten++;
      } else if (inPkg == 0) {
        name = "Repository";
        source = repository(pkgName);
      } else if (inPkg % 3 == 0 && entityFor(i, isConfig) != null) {
        name = "Service" + i;
        source = service(pkgName, name, entityFor(i, isConfig));
      } else {
        name = "Entity" + i;
        source = entity(pkgName, name, i);
      }
      Path file = dir.resolve(name + ".java");
      Files.writeString(file, source);
      files.add(file);
    }
    if (configsWritten != configs) {
      throw new IllegalStateException("wrote " + configsWritten + " configs, wanted " + configs);
    }
    return files;
  }

  /** An entity of the same package written before slot {@code i}, or null (the slot becomes an entity). */
  private static String entityFor(int i, boolean[] isConfig) {
    int first = (i / PER_PACKAGE) * PER_PACKAGE;
    for (int j = i - 1; j > first; j--) {
      int inPkg = j % PER_PACKAGE;
      if (!isConfig[j] && (inPkg % 3 != 0 || entityForIsNull(j, isConfig))) {
        return "Entity" + j;
      }
    }
    return null;
  }

  private static boolean entityForIsNull(int j, boolean[] isConfig) {
    return entityFor(j, isConfig) == null;
  }

  static String repository(String pkg) {
    return "package " + pkg + ";\n\n"
        + "import java.util.List;\n"
        + "import java.util.Optional;\n"
        + "import java.util.function.Predicate;\n\n"
        + "public interface Repository<T, ID extends Comparable<ID>> {\n"
        + "  Optional<T> findById(ID id);\n"
        + "  List<T> findAll(Predicate<? super T> filter);\n"
        + "  T save(T entity);\n"
        + "  default boolean exists(ID id) {\n"
        + "    return findById(id).isPresent();\n"
        + "  }\n"
        + "}\n";
  }

  static String entity(String pkg, String name, int i) {
    return "package " + pkg + ";\n\n"
        + "import java.time.Instant;\n"
        + "import java.util.ArrayList;\n"
        + "import java.util.HashMap;\n"
        + "import java.util.List;\n"
        + "import java.util.Map;\n"
        + "import java.util.Objects;\n\n"
        + "/** Synthetic entity number " + i + ". */\n"
        + "public class " + name + " implements Comparable<" + name + "> {\n"
        + "  private final long id;\n"
        + "  private String name;\n"
        + "  private int quantity;\n"
        + "  private double price;\n"
        + "  private Instant createdAt = Instant.EPOCH;\n"
        + "  private final List<String> tags = new ArrayList<>();\n"
        + "  private final Map<String, Integer> counters = new HashMap<>();\n\n"
        + "  public " + name + "(long id, String name, int quantity, double price) {\n"
        + "    this.id = id;\n"
        + "    this.name = Objects.requireNonNull(name, \"name\");\n"
        + "    this.quantity = quantity;\n"
        + "    this.price = price;\n"
        + "  }\n\n"
        + "  public long getId() { return id; }\n"
        + "  public String getName() { return name; }\n"
        + "  public void setName(String name) { this.name = name; }\n"
        + "  public int getQuantity() { return quantity; }\n"
        + "  public void setQuantity(int quantity) { this.quantity = quantity; }\n"
        + "  public double getPrice() { return price; }\n"
        + "  public Instant getCreatedAt() { return createdAt; }\n"
        + "  public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }\n"
        + "  public List<String> getTags() { return tags; }\n\n"
        + "  public double total() {\n"
        + "    double t = 0;\n"
        + "    for (int k = 0; k < quantity; k++) {\n"
        + "      t += price * (k % 2 == 0 ? 1.0 : 0.95);\n"
        + "    }\n"
        + "    return t;\n"
        + "  }\n\n"
        + "  public int increment(String counter) {\n"
        + "    return counters.merge(counter, 1, Integer::sum);\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public int compareTo(" + name + " other) {\n"
        + "    int byName = name.compareTo(other.name);\n"
        + "    return byName != 0 ? byName : Long.compare(id, other.id);\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public boolean equals(Object o) {\n"
        + "    if (this == o) return true;\n"
        + "    if (!(o instanceof " + name + ")) return false;\n"
        + "    " + name + " that = (" + name + ") o;\n"
        + "    return id == that.id && quantity == that.quantity && Objects.equals(name, that.name);\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public int hashCode() {\n"
        + "    return Objects.hash(id, name, quantity);\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public String toString() {\n"
        + "    return \"" + name + "{id=\" + id + \", name=\" + name + \", quantity=\" + quantity + \"}\";\n"
        + "  }\n"
        + "}\n";
  }

  static String service(String pkg, String name, String entity) {
    return "package " + pkg + ";\n\n"
        + "import java.util.ArrayList;\n"
        + "import java.util.Comparator;\n"
        + "import java.util.List;\n"
        + "import java.util.Map;\n"
        + "import java.util.Optional;\n"
        + "import java.util.concurrent.ConcurrentHashMap;\n"
        + "import java.util.function.Function;\n"
        + "import java.util.function.Predicate;\n"
        + "import java.util.stream.Collectors;\n\n"
        + "/** Synthetic service over " + entity + ". */\n"
        + "public class " + name + " implements Repository<" + entity + ", Long> {\n"
        + "  private final Map<Long, " + entity + "> store = new ConcurrentHashMap<>();\n\n"
        + "  public record Summary(String name, long count, double total) {}\n\n"
        + "  @Override\n"
        + "  public Optional<" + entity + "> findById(Long id) {\n"
        + "    return Optional.ofNullable(store.get(id));\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public List<" + entity + "> findAll(Predicate<? super " + entity + "> filter) {\n"
        + "    return store.values().stream().filter(filter).sorted().collect(Collectors.toList());\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public " + entity + " save(" + entity + " entity) {\n"
        + "    store.put(entity.getId(), entity);\n"
        + "    return entity;\n"
        + "  }\n\n"
        + "  public <K extends Comparable<K>> Map<K, List<" + entity + ">> groupBy(Function<" + entity
        + ", K> key) {\n"
        + "    return store.values().stream().collect(Collectors.groupingBy(key));\n"
        + "  }\n\n"
        + "  public <R> List<R> mapSorted(Function<? super " + entity + ", ? extends R> mapper) {\n"
        + "    List<R> result = new ArrayList<>();\n"
        + "    store.values().stream()\n"
        + "        .sorted(Comparator.comparing(" + entity + "::getName).thenComparing(" + entity
        + "::getQuantity))\n"
        + "        .forEach(e -> result.add(mapper.apply(e)));\n"
        + "    return result;\n"
        + "  }\n\n"
        + "  public List<Summary> summaries() {\n"
        + "    return groupBy(" + entity + "::getName).entrySet().stream()\n"
        + "        .map(e -> new Summary(e.getKey(), e.getValue().size(),\n"
        + "            e.getValue().stream().mapToDouble(" + entity + "::total).sum()))\n"
        + "        .sorted(Comparator.comparingDouble(Summary::total).reversed())\n"
        + "        .collect(Collectors.toList());\n"
        + "  }\n\n"
        + "  public int restock(int minimum) {\n"
        + "    int changed = 0;\n"
        + "    for (" + entity + " e : store.values()) {\n"
        + "      if (e.getQuantity() < minimum) {\n"
        + "        e.setQuantity(minimum);\n"
        + "        e.increment(\"restock\");\n"
        + "        changed++;\n"
        + "      }\n"
        + "    }\n"
        + "    return changed;\n"
        + "  }\n"
        + "}\n";
  }

  /** A valid config: secret and several settings from the environment, a few constants. */
  static String config(String pkg, String name, int n) {
    String typeLine = n % 2 == 0
        ? "  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;\n"
        : "  static final String SESSION_TYPE = \"filesystem\";\n";
    return "package " + pkg + ";\n\n"
        + "import dev.sessionconfig.SessionConfig;\n"
        + "import dev.sessionconfig.SessionType;\n"
        + "import java.time.Duration;\n\n"
        + "/** Synthetic session config number " + n + ". */\n"
        + "@SessionConfig\n"
        + "public class " + name + " {\n"
        + "  static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");\n"
        + typeLine
        + "  static final String SESSION_FILE_DIR = System.getenv(\"SESSION_FILE_DIR\");\n"
        + "  static final String SESSION_KEY_PREFIX = System.getenv(\"SESSION_KEY_PREFIX\");\n"
        + "  static final String SESSION_COOKIE_DOMAIN = System.getenv(\"SESSION_COOKIE_DOMAIN\");\n"
        + "  static final Duration PERMANENT_SESSION_LIFETIME = Duration.ofDays(" + (1 + n % 30) + ");\n"
        + "  static final String SESSION_COOKIE_NAME = \"sid" + n + "\";\n"
        + "  static final boolean SESSION_COOKIE_SECURE = true;\n"
        + "  static final String SESSION_COOKIE_SAMESITE = \"Lax\";\n"
        + "  static final int SESSION_ID_LENGTH = 32;\n"
        + "}\n";
  }
}
