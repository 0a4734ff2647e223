package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;
import dev.sessionconfig.bench.codec.Cart;
import java.util.List;

/**
 * sessionconfig's variant of the request benchmark: the quickstart's {@code ProductionConfig} with
 * {@code SESSION_TYPE=redis} and {@code COOKIE_SECURE=false}, as before, and what an application whose sessions hold
 * a Spring Security login and a cart declares besides: the cart's record type (its codec is generated) and Spring
 * Security's classes allowed for JDK serialization.
 */
@SessionConfig
class RealisticSessionConfig {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final SessionType SESSION_TYPE = SessionType.REDIS;
  static final String SESSION_REDIS = System.getenv("SESSION_REDIS");
  static final boolean SESSION_COOKIE_SECURE = false; // plain HTTP on loopback
  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class);
  static final List<String> SESSION_SERIALIZATION_ALLOW = List.of("org.springframework.security.**");
}
