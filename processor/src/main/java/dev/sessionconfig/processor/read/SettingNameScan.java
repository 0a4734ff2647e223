package dev.sessionconfig.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import dev.sessionconfig.Setting;
import java.io.IOException;
import java.util.Set;

/**
 * Whether a compilation unit's source text can name a setting at all: most units of a code base cannot, and reading
 * their raw characters once is far cheaper than walking their trees for settings' assignments.
 */
final class SettingNameScan {
  private static final Set<String> NAMES = Set.copyOf(Setting.names());
  private static final int SHORTEST = NAMES.stream().mapToInt(String::length).min().orElseThrow();
  private static final int LONGEST = NAMES.stream().mapToInt(String::length).max().orElseThrow();

  private SettingNameScan() {}

  /**
   * Whether {@code unit}'s source has a setting's name as a word, or a Unicode escape (backslash, u), which could
   * spell one; also when the source cannot be read. False means no identifier in the unit is a setting's name.
   */
  static boolean mayNameSetting(CompilationUnitTree unit) {
    String text;
    try {
      text = unit.getSourceFile().getCharContent(true).toString(); // javac's cached copy of the text it parsed
    } catch (IOException | UnsupportedOperationException unreadable) {
      return true;
    }
    if (text.contains("\\u")) {
      return true;
    }
    // Every setting's name has an underscore (SESSION_..., SECRET_..., PERMANENT_...), rare in other code: look
    // only at the words around underscores, found by String.indexOf, much faster than reading every character.
    int end = 0;
    for (int underscore = text.indexOf('_'); underscore >= 0; underscore = text.indexOf('_', end)) {
      int start = underscore;
      while (start > 0 && isNameChar(text.charAt(start - 1))) {
        start--;
      }
      end = underscore + 1;
      while (end < text.length() && isNameChar(text.charAt(end))) {
        end++;
      }
      if (end - start >= SHORTEST && end - start <= LONGEST && NAMES.contains(text.substring(start, end))) {
        return true;
      }
    }
    return false;
  }

  /** The characters settings' names are made of: a run of them holds any such name that is a whole identifier. */
  private static boolean isNameChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }
}
