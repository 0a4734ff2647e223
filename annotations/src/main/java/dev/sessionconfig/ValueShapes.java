package dev.sessionconfig;

/**
 * The lexical shapes {@link SettingRules} accepts, checked with plain loops: the loader applies these rules at
 * start-up, where compiling regular expressions would cost more than every check together.
 */
final class ValueShapes {
  private ValueShapes() {}

  /** Characters an RFC 6265 token allows besides ASCII letters and digits. */
  private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

  /** An RFC 6265 token: one or more letters, digits or {@code !#$%&'*+-.^_`|~}. */
  static boolean isCookieToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAsciiLetterOrDigit(c) && TOKEN_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A host name, optionally with a leading dot: labels of letters, digits and inner hyphens, joined by dots. */
  static boolean isDomainName(String text) {
    String name = text.startsWith(".") ? text.substring(1) : text;
    for (String label : name.split("\\.", -1)) {
      if (!isHostLabel(label)) {
        return false;
      }
    }
    return true;
  }

  /** A plain SQL identifier (letter or underscore, then up to 62 more), optionally qualified by a schema. */
  static boolean isSqlTableName(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length > 2) {
      return false;
    }
    for (String part : parts) {
      if (!isSqlIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  /** {@code host:port} with a host name, an IPv4 address or a bracketed IPv6 address, and a port 1 to 65535. */
  static boolean isHostAndPort(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    String host = text.substring(0, colon);
    String port = text.substring(colon + 1);
    return (isBracketedIpv6(host) || isHostName(host)) && isPort(port);
  }

  private static boolean isHostLabel(String label) {
    if (label.isEmpty() || !isAsciiLetterOrDigit(label.charAt(0)) || !isAsciiLetterOrDigit(label.charAt(label.length() - 1))) {
      return false;
    }
    for (int i = 1; i < label.length() - 1; i++) {
      char c = label.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isSqlIdentifier(String identifier) {
    if (identifier.isEmpty() || identifier.length() > 63 || isAsciiDigit(identifier.charAt(0))) {
      return false;
    }
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBracketedIpv6(String host) {
    if (host.length() < 3 || host.charAt(0) != '[' || host.charAt(host.length() - 1) != ']') {
      return false;
    }
    for (int i = 1; i < host.length() - 1; i++) {
      char c = host.charAt(i);
      if (!isAsciiDigit(c) && "abcdefABCDEF:".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHostName(String host) {
    if (host.isEmpty()) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!isAsciiLetterOrDigit(c) && "._-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPort(String port) {
    if (port.isEmpty() || port.length() > 5) {
      return false;
    }
    for (int i = 0; i < port.length(); i++) {
      if (!isAsciiDigit(port.charAt(i))) {
        return false;
      }
    }
    int number = Integer.parseInt(port);
    return number > 0 && number < 65536;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
