package dev.sessionconfig.processor.facts;

import java.util.List;

/**
 * A class's name as its package and its simple names, outermost first. Plain text: a class whose code does not
 * compile may have names no code generator accepts ({@code <error>}), and only a class that passes every rule
 * is ever turned into generated code.
 */
public record TypeNameFacts(String packageName, List<String> simpleNames) {

  public TypeNameFacts {
    simpleNames = List.copyOf(simpleNames);
  }

  /** The innermost simple name, e.g. {@code Config}. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** {@code com.acme.Outer.Config}. */
  public String canonicalName() {
    String nested = String.join(".", simpleNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }
}
