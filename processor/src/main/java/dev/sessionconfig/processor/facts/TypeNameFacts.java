package dev.sessionconfig.processor.facts;

import java.util.List;
import javax.lang.model.SourceVersion;

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

  /**
   * Whether generated code can name the class: javac's error recovery gives a class in code that does not parse
   * names such as {@code <error>}, and javac reports that code itself.
   */
  public boolean isNameable() {
    return (packageName.isEmpty() || SourceVersion.isName(packageName))
        && simpleNames.stream().allMatch(name -> SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name));
  }

  /** {@code com.acme.Outer.Config}. */
  public String canonicalName() {
    String nested = String.join(".", simpleNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }
}
