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
    CharSequence text;
    try {
      text = unit.getSourceFile().getCharContent(true); // javac's cached copy of the text it parsed
    } catch (IOException | UnsupportedOperationException unreadable) {
      return true;
    }
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < length && text.charAt(i + 1) == 'u') {
        return true;
      }
      if (!isNameChar(c)) {
        i++;
        continue;
      }
      // A run of the characters settings' names are made of holds any such name that is a whole identifier.
      int start = i;
      while (i < length && isNameChar(text.charAt(i))) {
        i++;
      }
      int runLength = i - start;
      if (runLength >= SHORTEST && runLength <= LONGEST && NAMES.contains(text.subSequence(start, i).toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }
}
