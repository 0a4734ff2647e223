package dev.sessionconfig.bench.users;

import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.store.PrincipalIndex;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import dev.sessionconfig.runtime.values.SessionValues;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A sessionconfig store opened as the runtime opens it: {@link UsersConfig}'s generated loader reads the settings,
 * the provider of their SESSION_TYPE (found with {@link ServiceLoader}) opens the store, and its
 * {@link SessionStore#principalIndex()} answers the lookups.
 */
final class SessionconfigContender implements Contender {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SessionStore store;
  private final PrincipalIndex index;
  private final SessionValues values;
  private final Instant expiresAt = Instant.now().plus(Duration.ofHours(2));
  private final int[] recordBytes = new int[1];

  private SessionconfigContender(SessionStore store, SessionValues values) {
    this.store = store;
    this.index = store.principalIndex().orElseThrow(() -> new IllegalStateException(
        store.description() + " keeps no index of sessions by user"));
    this.values = values;
  }

  /** Opens the store {@code environment} configures (SESSION_TYPE and the store's own settings). */
  static SessionconfigContender open(Map<String, String> environment) {
    Map<String, String> withKey = new HashMap<>(environment);
    byte[] key = new byte[36];
    RANDOM.nextBytes(key);
    withKey.put("SECRET_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    SessionSettings settings = UsersConfigLoader.load(ConfigSource.of(withKey));
    SessionStoreProvider provider = ServiceLoader.load(SessionStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(candidate -> candidate.type() == settings.sessionType())
        .findFirst().orElseThrow(() -> new IllegalStateException("no store for " + settings.sessionType()));
    SessionStore store = provider.open(settings);
    try {
      store.checkAvailable();
      return new SessionconfigContender(store,
          SessionValues.of(settings.attributeTypes(), settings.serializationAllow()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  String description() {
    return store.description();
  }

  /** The size of the last record written, as one value. */
  int recordBytes() {
    return recordBytes[0];
  }

  @Override
  public String write(String user, int index) {
    byte[] id = new byte[24];
    RANDOM.nextBytes(id);
    String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id); // 32 characters, as the runtime's
    SessionRecord record = SampleRecord.encode(values, user, index);
    recordBytes[0] = record.toBytes().length;
    store.write(sessionId, record, expiresAt, user);
    return sessionId;
  }

  @Override
  public Set<String> find(String user) {
    return index.find(user).keySet();
  }

  @Override
  public void close() {
    store.close();
  }
}
