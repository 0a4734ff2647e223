package dev.sessionconfig.testing;

/**
 * A server binary the tests need is not installed. The message says how to get it: the project's test command,
 * {@code ./test.sh}, installs it from Debian's packages; the variable points the tests at another one.
 */
public final class ServerNotInstalledException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String binary;
  private final String debianPackage;

  /**
   * @param binary what is missing, e.g. {@code redis-server}
   * @param debianPackage the Debian package that provides it, e.g. {@code redis-server}
   * @param variable the environment variable (or system property of its lower-case dotted name) that names
   *     another one
   */
  public ServerNotInstalledException(String binary, String debianPackage, String variable) {
    this(binary, debianPackage, variable, "to its path");
  }

  /** @param what what {@code variable} must be set to, e.g. {@code "to the directory of its binaries"} */
  public ServerNotInstalledException(String binary, String debianPackage, String variable, String what) {
    super(binary + " is not installed: run ./test.sh, which installs it from Debian's packages (apt-get install "
        + debianPackage + "), or set " + variable + " " + what + " (an environment variable, or the system property "
        + ServerProcess.propertyName(variable) + ")");
    this.binary = binary;
    this.debianPackage = debianPackage;
  }

  public String binary() {
    return binary;
  }

  public String debianPackage() {
    return debianPackage;
  }
}
