package dev.sessionconfig.it;

import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.it.container.QuickstartJar;
import dev.sessionconfig.it.store.StoreFixture;
import dev.sessionconfig.it.store.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The quickstart jar run as processes on one store for a whole test class: the store's fixture (in a directory of
 * its own, served to other processes), the jar's environment (the store's variables as the README's commands set
 * them, the suite's SECRET_KEY, {@code PORT=0}), and the instances started so far, each started once and kept
 * until the class ends (started again only when a test stopped it).
 */
final class QuickstartJars implements AutoCloseable {
  /** The quickstart's variable for each system property of the fixtures. */
  private static final Map<String, String> VARIABLES = Map.of("it.session.type", "SESSION_TYPE",
      "it.file.dir", "SESSION_FILE_DIR", "it.redis.url", "SESSION_REDIS", "it.memcached", "SESSION_MEMCACHED",
      "it.jdbc.url", "SESSION_JDBC_URL", "it.jdbc.user", "SESSION_JDBC_USER",
      "it.jdbc.password", "SESSION_JDBC_PASSWORD");

  private final Path dir;
  private final StoreFixture store;
  private final Map<String, String> env;
  private final List<QuickstartJar> instances = new ArrayList<>();

  private QuickstartJars(Path dir, StoreFixture store) {
    this.dir = dir;
    this.store = store;
    this.env = environment(store);
    env.put("SECRET_KEY", TestProperties.KEY);
    env.put("PORT", "0");
  }

  static QuickstartJars create(StoreKind kind) {
    try {
      Path dir = Files.createTempDirectory("it-quickstart-");
      return new QuickstartJars(dir, StoreFixture.create(kind, dir, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A store's system properties as the quickstart's environment variables. */
  static Map<String, String> environment(StoreFixture store) {
    Map<String, String> env = new LinkedHashMap<>();
    store.properties().forEach((property, value) -> {
      String variable = VARIABLES.get(property);
      if (variable == null) {
        throw new IllegalStateException("no quickstart variable for " + property);
      }
      env.put(variable, value);
    });
    return env;
  }

  StoreFixture store() {
    return store;
  }

  StoreKind kind() {
    return store.kind();
  }

  /** The environment every instance runs with. */
  Map<String, String> env() {
    return env;
  }

  /** Instance {@code index} (from 0), started now if it is not running. */
  QuickstartJar instance(int index) {
    while (instances.size() <= index) {
      instances.add(null);
    }
    QuickstartJar jar = instances.get(index);
    if (jar == null || !jar.isAlive()) {
      jar = QuickstartJar.start(env);
      instances.set(index, jar);
    }
    return jar;
  }

  @Override
  public void close() {
    try {
      for (QuickstartJar jar : instances) {
        if (jar != null) {
          jar.close();
        }
      }
    } finally {
      store.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary directory: what could not be deleted stays
      }
    }
  }
}
