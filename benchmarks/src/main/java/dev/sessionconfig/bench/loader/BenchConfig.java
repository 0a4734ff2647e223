package dev.sessionconfig.bench.loader;

import dev.sessionconfig.SessionConfig;

/** The loader benchmark's config: eight settings, all read from the environment (replayed from a ConfigSource). */
@SessionConfig
public class BenchConfig {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final String SESSION_TYPE = System.getenv().getOrDefault("SESSION_TYPE", "filesystem");
  static final String SESSION_FILE_DIR = System.getenv("SESSION_FILE_DIR");
  static final String SESSION_KEY_PREFIX = System.getenv("SESSION_KEY_PREFIX");
  static final String SESSION_COOKIE_NAME = System.getenv("SESSION_COOKIE_NAME");
  static final String SESSION_COOKIE_DOMAIN = System.getenv("SESSION_COOKIE_DOMAIN");
  static final String SESSION_COOKIE_PATH = System.getenv("SESSION_COOKIE_PATH");
  static final String SESSION_COOKIE_SAMESITE = System.getenv("SESSION_COOKIE_SAMESITE");
}
