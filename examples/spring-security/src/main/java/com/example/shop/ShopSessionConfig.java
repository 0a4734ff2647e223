package com.example.shop;

import dev.sessionconfig.SessionConfig;
import java.time.Duration;
import java.util.List;

/**
 * The shop's sessions, checked when it compiles: shared by every instance through Redis (or a database with
 * SESSION_TYPE=jdbc), signed with a key from the environment. The starter finds this class by itself.
 */
@SessionConfig
public class ShopSessionConfig {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final String SESSION_TYPE = System.getenv().getOrDefault("SESSION_TYPE", "redis");
  static final String SESSION_REDIS = System.getenv().getOrDefault("SESSION_REDIS", "redis://localhost:6379/0");
  static final String SESSION_MEMCACHED = System.getenv().getOrDefault("SESSION_MEMCACHED", "localhost:11211");
  static final String SESSION_JDBC_URL = System.getenv("SESSION_JDBC_URL");
  static final String SESSION_JDBC_USER = System.getenv("SESSION_JDBC_USER");
  static final String SESSION_JDBC_PASSWORD = System.getenv("SESSION_JDBC_PASSWORD");
  static final Duration PERMANENT_SESSION_LIFETIME =
      Duration.parse(System.getenv().getOrDefault("SESSION_LIFETIME", "PT30M"));
  static final Duration SESSION_CLEANUP_INTERVAL =
      Duration.parse(System.getenv().getOrDefault("SESSION_CLEANUP_INTERVAL", "PT1M"));
  static final boolean SESSION_COOKIE_SECURE =
      Boolean.parseBoolean(System.getenv().getOrDefault("SESSION_COOKIE_SECURE", "true"));
  /** The shop's own types a session may hold; Spring Security's classes are allowed by the starter. */
  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class, CartLine.class, Category.class);
}
