package dev.sessionconfig.bench.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import org.springframework.security.jackson2.SecurityJackson2Modules;

/**
 * JSON by Jackson. The security context goes through Spring Security's own Jackson modules, which write class ids
 * and read it back untyped, checked against their allow list, as a JSON session store must. The cart goes
 * through a plain mapper and is read back as a {@link Cart}: no class ids, the leanest JSON there is, which
 * requires the reader to know each attribute's type.
 */
final class JacksonCodec implements SessionCodec {
  /** The attributes whose type the reader is told. */
  private static final Map<String, Class<?>> DECLARED = Map.of(SampleSession.CART, Cart.class);

  private final ObjectMapper security = new ObjectMapper()
      .registerModules(SecurityJackson2Modules.getModules(JacksonCodec.class.getClassLoader()));
  // Instants as ISO-8601 text, as Spring Boot configures its mapper.
  private final ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Override
  public byte[] encode(String attribute, Object value) throws Exception {
    return (DECLARED.containsKey(attribute) ? plain : security).writeValueAsBytes(value);
  }

  @Override
  public Object decode(String attribute, byte[] stored) throws Exception {
    Class<?> type = DECLARED.get(attribute);
    return type != null ? plain.readValue(stored, type) : security.readValue(stored, Object.class);
  }
}
