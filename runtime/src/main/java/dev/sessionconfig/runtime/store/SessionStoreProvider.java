package dev.sessionconfig.runtime.store;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.runtime.SessionSettings;

/**
 * Opens the store for one {@link SessionType}; found with {@link java.util.ServiceLoader}. Each store artifact
 * has exactly one, whose class name is {@link SessionType#storeClassName()}: the processor looks for that
 * class to tell whether the artifact is on the compile class path.
 */
public interface SessionStoreProvider {

  /** The session type this provider serves. */
  SessionType type();

  /** Opens a store configured by {@code settings}; does not yet check that it is reachable. */
  SessionStore open(SessionSettings settings);
}
