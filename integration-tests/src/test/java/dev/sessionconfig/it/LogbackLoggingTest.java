package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With Logback and {@code slf4j-jdk-platform-logging} on the class path, as an application that logs through SLF4J
 * has them, the library's lines arrive as Logback events: under the library's logger names, at SLF4J's levels.
 */
class LogbackLoggingTest {
  private static final String SECRET = "logback-test-secret-key-0123456789abcdef";

  @TempDir
  Path workDir;

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger library = (Logger) LoggerFactory.getLogger("dev.sessionconfig");

  @BeforeEach
  void capture() {
    captured.start();
    library.addAppender(captured);
  }

  @AfterEach
  void release() {
    library.detachAppender(captured);
  }

  @Test
  void aRefusedSessionFileIsAWarningOfTheStoreLogger() throws IOException {
    Path dir = workDir.resolve("sessions");
    Map<String, String> properties = Map.of(TestProperties.KEY_PROPERTY, SECRET, "it.session.type", "filesystem",
        "it.file.dir", dir.toString());
    try (SessionInterface sessions = SessionInterface.open(AppConfigLoader.load(ConfigSource.of(Map.of(), properties)))) {
      Files.writeString(dir.resolve("abc123.session"), "not a session file");

      assertEquals(Optional.empty(), sessions.store().read("abc123"));
    }

    List<ILoggingEvent> warnings = captured.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertEquals(1, warnings.size(), String.valueOf(captured.list));
    ILoggingEvent warning = warnings.get(0);
    assertEquals("dev.sessionconfig.store", warning.getLoggerName());
    assertEquals("filesystem at " + dir + ": a session file has no valid header; ignoring it",
        warning.getFormattedMessage());
    for (ILoggingEvent event : captured.list) {
      assertFalse(event.getFormattedMessage().contains(SECRET), event.getFormattedMessage());
    }
  }
}
