package dev.sessionconfig.runtime.testing;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.SettingsCollector;
import java.util.LinkedHashMap;
import java.util.Map;

/** Real {@link SessionSettings}, built the way a generated loader builds them. */
public final class TestSettings {
  public static final String KEY = "k7Jq9vT2xLm4Pz8sWc3Rn6Yb1Hd5Fg0A-test-signing-key";
  public static final String OLD_KEY = "Qm3Zr8Tn1Vb6Xc4Lk9Pw2Hs7Jd5Fg0A-old-signing-key";

  private final Map<Setting, Object> values = new LinkedHashMap<>();

  private TestSettings() {
    values.put(Setting.SECRET_KEY, KEY);
    values.put(Setting.SESSION_TYPE, SessionType.FILESYSTEM);
  }

  public static TestSettings builder() {
    return new TestSettings();
  }

  public TestSettings with(Setting setting, Object value) {
    values.put(setting, value);
    return this;
  }

  public SessionSettings build() {
    SettingsCollector collector = SettingsCollector.forConfig("test.Config", false, ConfigSource.of(Map.of()));
    values.forEach((setting, value) -> collector.constant(setting, "test.Config." + setting, value));
    return collector.settings();
  }

  public static SessionSettings defaults() {
    return builder().build();
  }
}
