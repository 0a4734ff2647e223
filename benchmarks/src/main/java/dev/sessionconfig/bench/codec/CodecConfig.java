package dev.sessionconfig.bench.codec;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.SessionType;
import java.util.List;

/**
 * The codec benchmark's application: its cart records get generated codecs, and Spring Security's context is
 * stored by JDK serialization, which its package pattern allows.
 */
@SessionConfig
class CodecConfig {
  static final String SECRET_KEY = System.getenv("SECRET_KEY");
  static final SessionType SESSION_TYPE = SessionType.FILESYSTEM;
  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class);
  static final List<String> SESSION_SERIALIZATION_ALLOW = List.of("org.springframework.security.**");
}
