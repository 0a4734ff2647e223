package dev.sessionconfig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.it.config.TestProperties;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import dev.sessionconfig.runtime.store.UnreadableRecordException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash between write and rename leaves no torn session: a child JVM rewrites large sessions in a loop and is
 * killed with SIGKILL at a random moment, several times; every session then reads back whole or not at all.
 */
class FilesystemCrashTest {
  @TempDir
  Path workDir;

  @Test
  void killedWriterLeavesNoTornSession() throws Exception {
    Path dir = workDir.resolve("sessions");
    int leftovers = 0;
    for (int round = 0; round < 3; round++) {
      killWriterMidWay(dir);
      try (Stream<Path> files = Files.list(dir)) {
        leftovers += (int) files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
      }
    }

    TestProperties.init();
    System.setProperty("it.session.type", "filesystem");
    System.setProperty("it.file.dir", dir.toString());
    SessionStore store = ServiceLoader.load(SessionStoreProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.type() == SessionType.FILESYSTEM).findFirst().orElseThrow().open(AppConfigLoader.load());
    try {
      List<String> torn = new ArrayList<>();
      int whole = 0;
      for (int i = 0; i < CrashWriter.SESSIONS; i++) {
        Optional<SessionRecord> data;
        try {
          data = store.read(CrashWriter.id(i));
        } catch (UnreadableRecordException e) {
          torn.add(CrashWriter.id(i) + " (" + e.getMessage() + ")");
          continue;
        }
        if (data.isPresent()) {
          byte[] bytes = data.get().entries().getOrDefault("", new byte[0]);
          if (CrashWriter.whole(bytes)) {
            whole++;
          } else {
            torn.add(CrashWriter.id(i) + " (" + bytes.length + " bytes)");
          }
        }
      }
      System.out.println("after 3 kills: " + whole + " of " + CrashWriter.SESSIONS + " sessions whole, "
          + torn.size() + " torn, " + leftovers + " temporary files left by writes the kill interrupted");
      assertEquals(List.of(), torn, "torn sessions after SIGKILL (" + leftovers + " temporary files left)");
      assertTrue(whole > 0, "no session was written before the kills");
    } finally {
      store.close();
    }
  }

  private static void killWriterMidWay(Path dir) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dit.secret.key=" + TestProperties.KEY, "-Dit.session.type=filesystem", "-Dit.file.dir=" + dir,
        CrashWriter.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.equals("writing")) {
        lines.add(line);
      }
      assertTrue(line != null, "the writer did not start: " + lines.stream().collect(Collectors.joining("\n")));
      Thread.sleep(ThreadLocalRandom.current().nextInt(100, 400));
    } finally {
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the writer
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
