package dev.sessionconfig.bench.codec;

import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.values.SessionValues;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** The stored form sessionconfig's sessions use, set up from {@link CodecConfig} as an application's would be. */
final class SessionconfigCodec implements SessionCodec {
  private final SessionValues values;

  SessionconfigCodec() {
    SessionSettings settings = CodecConfigLoader.load(ConfigSource.of(Map.of("SECRET_KEY", randomKey())));
    this.values = SessionValues.of(settings.attributeTypes(), settings.serializationAllow());
  }

  /** The key only has to pass the loader's checks: values are stored the same under any key. */
  private static String randomKey() {
    byte[] key = new byte[36];
    new SecureRandom().nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  @Override
  public byte[] encode(String attribute, Object value) {
    return values.encode(attribute, value);
  }

  @Override
  public Object decode(String attribute, byte[] stored) throws Exception {
    return values.decode(stored);
  }
}
