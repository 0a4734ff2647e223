package dev.sessionconfig.bench.loader;

import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The same eight values loaded by the generated {@code BenchConfigLoader.load(ConfigSource)} and by a SmallRye
 * Config {@code @ConfigMapping}: each call builds everything from the map (as an application does once at start).
 */
public class LoaderBenchmarks {
  /** A fixed 43-character key: only its length and randomness-looking shape matter to the validation. */
  static final String KEY = "q8Zt3VbN0xKfP7sLmW2cR9yHdJ5gTaE1uQoXiB4nSvA";

  static Map<String, String> values(boolean envNames) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("SECRET_KEY", KEY);
    v.put("SESSION_TYPE", "filesystem");
    v.put("SESSION_FILE_DIR", "/tmp/sessionconfig-bench-sessions");
    v.put("SESSION_KEY_PREFIX", "bench:");
    v.put("SESSION_COOKIE_NAME", "sid");
    v.put("SESSION_COOKIE_DOMAIN", "example.com");
    v.put("SESSION_COOKIE_PATH", "/");
    v.put("SESSION_COOKIE_SAMESITE", "Strict");
    if (envNames) {
      return v;
    }
    Map<String, String> props = new LinkedHashMap<>();
    v.forEach((k, value) -> props.put(
        "session." + k.replaceFirst("^SESSION_", "").toLowerCase(java.util.Locale.ROOT).replace('_', '-'), value));
    return props;
  }

  @State(Scope.Benchmark)
  public static class Values {
    final Map<String, String> env = values(true);
    final Map<String, String> props = values(false);
  }

  @Benchmark
  public SessionSettings sessionconfigLoad(Values v) {
    return BenchConfigLoader.load(ConfigSource.of(v.env));
  }

  @Benchmark
  public SessionMapping smallryeConfigMapping(Values v) {
    SmallRyeConfig config = new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(v.props, "bench", 100))
        .withMapping(SessionMapping.class)
        .build();
    return config.getConfigMapping(SessionMapping.class);
  }
}
