package dev.sessionconfig.runtime.store;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.SessionSettings;

/**
 * Opens the {@link FileSessionStore} for {@code SESSION_TYPE = FILESYSTEM}. Its class name is
 * {@code SessionType.FILESYSTEM}'s store class: the processor finds it to know the runtime is on the class path.
 */
public final class FileSessionStoreProvider implements SessionStoreProvider {

  @Override
  public SessionType type() {
    return SessionType.FILESYSTEM;
  }

  @Override
  public SessionStore open(SessionSettings settings) {
    return new FileSessionStore(settings.fileDir(), settings.fileThreshold(), settings.fileMode(),
        settings.cleanupInterval().orElse(java.time.Duration.ofMinutes(1)));
  }
}
