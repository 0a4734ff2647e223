package dev.sessionconfig.it.container;

import java.net.URI;

/** A running embedded Servlet container serving {@code TestApp} on a loopback port of its own. */
public interface Container extends AutoCloseable {

  /** Which container this is. */
  ContainerKind kind();

  /** {@code http://127.0.0.1:<port>}. */
  URI baseUri();

  /** Stops the container (its listeners' contextDestroyed included). Idempotent. */
  @Override
  void close();
}
