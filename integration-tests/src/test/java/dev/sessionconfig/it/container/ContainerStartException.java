package dev.sessionconfig.it.container;

/** The container or the application in it did not start. */
public final class ContainerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ContainerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
