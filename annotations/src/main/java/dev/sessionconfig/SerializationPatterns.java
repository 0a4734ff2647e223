package dev.sessionconfig;

import java.util.List;
import java.util.Optional;

/**
 * SESSION_SERIALIZATION_ALLOW patterns, which name the only classes JDK deserialization may instantiate when a
 * session is read, in JEP 290's syntax: {@code com.acme.Legacy} (that class), {@code com.acme.model.*} (the
 * package's classes, nested ones included), {@code org.example.**} (the package and its subpackages). Their rules:
 * well-formed, and narrow enough that no known deserialization gadget falls under them.
 */
public final class SerializationPatterns {
  private SerializationPatterns() {}

  static final String FIX = "name your own classes or packages, e.g. com.acme.model.* (that package's classes),"
      + " com.acme.** (the package and its subpackages) or com.acme.Cart (one class)";

  /**
   * Packages of libraries and of the JDK that hold classes whose deserialization runs code chosen by whoever wrote
   * the bytes (the gadget chains of ysoserial and its successors). A pattern may name a class or package inside
   * a library, e.g. {@code org.springframework.security.**}, but never one that covers one of these.
   */
  private static final List<String> GADGET_PACKAGES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.apache.commons.collections.",
      "org.apache.commons.collections4.", "org.apache.commons.beanutils.", "org.apache.commons.fileupload.",
      "org.apache.commons.configuration.", "org.apache.commons.configuration2.", "org.apache.xalan.",
      "org.apache.myfaces.", "org.apache.wicket.", "org.apache.click.", "org.apache.log4j.", "org.codehaus.groovy.",
      "groovy.", "org.springframework.aop.", "org.springframework.beans.", "org.springframework.core.",
      "org.springframework.transaction.", "org.springframework.jndi.", "org.springframework.context.",
      "org.springframework.web.", "com.mchange.v2.c3p0.", "org.hibernate.", "org.jboss.", "bsh.", "clojure.",
      "org.mozilla.javascript.", "net.sf.json.", "com.fasterxml.jackson.databind.", "com.alibaba.fastjson.",
      "org.python.", "com.vaadin.", "javassist.", "org.aspectj.", "com.rometools.", "com.sun.syndication.",
      "org.eclipse.jetty.", "org.apache.tomcat.", "org.apache.catalina.", "org.apache.naming.", "net.bytebuddy.",
      "org.apache.batik.", "com.zaxxer.hikari.", "org.h2.", "com.mysql.", "org.postgresql.", "org.mariadb.");

  /** Whether any of {@code patterns} matches the class with this binary name. */
  public static boolean allows(List<String> patterns, String className) {
    for (String pattern : patterns) {
      if (matches(pattern.trim(), className)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code pattern} matches the class with this binary name. */
  public static boolean matches(String pattern, String className) {
    if (pattern.endsWith(".**")) {
      return className.startsWith(pattern.substring(0, pattern.length() - 2));
    }
    if (pattern.endsWith(".*")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return className.startsWith(prefix) && className.indexOf('.', prefix.length()) < 0;
    }
    return pattern.equals(className);
  }

  /** What is wrong with {@code pattern}, or empty when it is a narrow, well-formed pattern. */
  public static Optional<String> problem(String pattern) {
    String trimmed = pattern.trim();
    if (trimmed.equals("*") || trimmed.equals("**") || trimmed.equals(".**") || trimmed.equals(".*")) {
      return Optional.of("'" + pattern + "' allows every class, gadgets of every library on the class path"
          + " included, so anyone who can write to the session store could run code in the application");
    }
    String base = trimmed.endsWith(".**") ? trimmed.substring(0, trimmed.length() - 3)
        : trimmed.endsWith(".*") ? trimmed.substring(0, trimmed.length() - 2) : trimmed;
    if (!isQualifiedName(base)) {
      return Optional.of("'" + pattern + "' is not a pattern: it is a class name, or a package name followed by"
          + " .* or .**, made of Java identifiers separated by dots");
    }
    String prefix = base + ".";
    boolean subpackages = trimmed.endsWith(".**");
    for (String gadgets : GADGET_PACKAGES) {
      // A pattern inside a gadget package allows gadgets; one with subpackages above it allows them too.
      boolean covers = prefix.startsWith(gadgets) || subpackages && gadgets.startsWith(prefix);
      if (covers) {
        return Optional.of("'" + pattern + "' allows classes of " + gadgets.substring(0, gadgets.length() - 1)
            + ", where known deserialization gadgets live: anyone who can write to the session store could run"
            + " code in the application");
      }
    }
    if (subpackages && base.indexOf('.') < 0) {
      return Optional.of("'" + pattern + "' allows every class of every library whose packages start with " + base
          + ", which is far more than a session needs and may hold deserialization gadgets");
    }
    return Optional.empty();
  }

  private static boolean isQualifiedName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
        return false;
      }
      for (int i = 1; i < part.length(); i++) {
        if (!Character.isJavaIdentifierPart(part.charAt(i)) && part.charAt(i) != '$') {
          return false;
        }
      }
    }
    return true;
  }
}
