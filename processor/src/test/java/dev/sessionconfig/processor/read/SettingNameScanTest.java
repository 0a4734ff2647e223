package dev.sessionconfig.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionconfig.Setting;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SettingNameScanTest {

  @Test
  void unitsWithoutASettingsNameAreSkipped() {
    assertEquals(List.of(false, false), mayNameSetting(
        "class Entity { static final int MAX_SIZE_IN_BYTES = 3; String name; }",
        "class Longer { static String MY_SECRET_KEY, SECRET_KEYS, SESSION_TYPE2; }"));
  }

  @Test
  void aSettingsNameAnywhereCounts() {
    assertEquals(List.of(true, true, true), mayNameSetting(
        "class App { static String SECRET_KEY; static void init() { SECRET_KEY = System.getenv(\"K\"); } }",
        "class Named { String name = \"SESSION_TYPE\"; }",
        "class Commented { /* PERMANENT_SESSION_LIFETIME */ }"));
  }

  @Test
  void aUnicodeEscapeCountsSinceItCanSpellOne() {
    assertEquals(List.of(true), mayNameSetting("class App { static int SECRET\\u005FKEY; }"));
  }

  @Test
  void everySettingsNameHasTheUnderscoreTheScanLooksFor() {
    assertEquals(List.of(),
        Setting.names().stream().filter(name -> name.indexOf('_') < 0).collect(Collectors.toList()));
  }

  private static List<Boolean> mayNameSetting(String... sources) {
    Javac javac = Javac.analyze(sources);
    assertEquals(List.of(), javac.errors(), "the test source must compile");
    return javac.units.stream().map(SettingNameScan::mayNameSetting).collect(Collectors.toList());
  }
}
