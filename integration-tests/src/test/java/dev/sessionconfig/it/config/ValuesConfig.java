package dev.sessionconfig.it.config;

import dev.sessionconfig.SessionConfig;
import dev.sessionconfig.it.app.values.Cart;
import java.util.List;

/**
 * {@link AppConfig} with the application's own session types: the Cart record (its Item record and Role enum
 * come with it), and the Serializable classes of the legacy package.
 */
@SessionConfig
public class ValuesConfig extends AppConfig {
  static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class);
  static final List<String> SESSION_SERIALIZATION_ALLOW = List.of("dev.sessionconfig.it.app.legacy.*");
}
