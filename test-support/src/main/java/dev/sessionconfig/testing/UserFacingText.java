package dev.sessionconfig.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What text users read (diagnostics, exception messages, log lines, javadoc, READMEs) must not say: references to
 * documents they never had, such as the project's internal contract and its numbered sections, the material the
 * project started from, or its issue tracker (the patterns below). The product speaks of itself, of Flask-Session
 * and of public standards only.
 */
public final class UserFacingText {
  /** Each pattern, and what it refers to. Redis Cluster's "seed nodes" are a public term, and fine. */
  private static final List<Pattern> FORBIDDEN = List.of(
      Pattern.compile("(?i)(?<![.\\-/])\\bseed\\b(?!-|\\s+nodes?\\b)"),
      Pattern.compile("\\bSPEC\\b"),
      Pattern.compile("(?i)\\bthe spec\\b"),
      Pattern.compile("(?i)\\bthe article\\b"),
      Pattern.compile("(?i)\\bsection \\d+ of\\b"),
      Pattern.compile("(?i)\\bissue #?\\d+\\b"));

  private UserFacingText() {}

  /** The references in {@code text} to documents users do not have, each as it appears; empty when there are none. */
  public static List<String> references(String text) {
    List<String> found = new ArrayList<>();
    for (Pattern pattern : FORBIDDEN) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        int from = Math.max(0, matcher.start() - 30);
        int to = Math.min(text.length(), matcher.end() + 30);
        found.add("'" + matcher.group() + "' in \"..." + text.substring(from, to).replace('\n', ' ') + "...\"");
      }
    }
    return found;
  }
}
