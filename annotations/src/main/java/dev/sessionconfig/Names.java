package dev.sessionconfig;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions, shared by the processor and the loader. */
public final class Names {
  private Names() {}

  /**
   * The candidate closest to {@code text} by edit distance (ignoring case), if it is close enough to be a
   * plausible typo: at most a third of the longer name's length, and never more than three edits.
   */
  public static Optional<String> closest(String text, Collection<String> candidates) {
    return closest(text, candidates, 3);
  }

  /**
   * {@link #closest(String, Collection)} with at most {@code maxEdits} edits: for names that are usually something
   * else, where only a near-certain typo is worth a suggestion.
   */
  public static Optional<String> closest(String text, Collection<String> candidates, int maxEdits) {
    String wanted = text.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(wanted, candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.min(maxEdits, Math.max(1, Math.max(wanted.length(), candidate.length()) / 3));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
