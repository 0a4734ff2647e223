package dev.sessionconfig.bench.loader;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The same eight settings as {@link BenchConfig}, as a SmallRye Config mapping. */
@ConfigMapping(prefix = "session")
public interface SessionMapping {
  String secretKey();

  @WithDefault("filesystem")
  String type();

  String fileDir();

  String keyPrefix();

  String cookieName();

  String cookieDomain();

  String cookiePath();

  String cookieSamesite();
}
