package dev.sessionconfig.it;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.it.config.AppConfigLoader;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.store.SessionRecord;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreProvider;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Run in a child JVM by {@link FilesystemCrashTest}: opens the filesystem store the way initApp does (settings
 * from the generated loader, provider from the ServiceLoader) and rewrites a few sessions with large records in
 * a loop, until the test kills the JVM with SIGKILL.
 */
public final class CrashWriter {
  static final int SESSIONS = 4;
  static final int RECORD_BYTES = 4 << 20;

  private CrashWriter() {}

  public static void main(String[] args) {
    SessionSettings settings = AppConfigLoader.load();
    SessionStore store = ServiceLoader.load(SessionStoreProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.type() == SessionType.FILESYSTEM).findFirst().orElseThrow().open(settings);
    store.checkAvailable();
    for (long generation = 0; ; generation++) {
      for (int i = 0; i < SESSIONS; i++) {
        store.write(id(i), SessionRecord.of(Map.of("", record(generation))), Instant.now().plusSeconds(3600), null);
      }
      if (generation == 0) {
        System.out.println("writing");
        System.out.flush();
      }
    }
  }

  static String id(int i) {
    return "crashTestSession" + i + "_AAAAAAAAAAAAAAAAAAAAAAAAAA";
  }

  /** RECORD_BYTES bytes: the generation, repeated. */
  static byte[] record(long generation) {
    ByteBuffer buffer = ByteBuffer.allocate(RECORD_BYTES);
    while (buffer.hasRemaining()) {
      buffer.putLong(generation);
    }
    return buffer.array();
  }

  /** Whether {@code bytes} is a whole record of one generation. */
  static boolean whole(byte[] bytes) {
    if (bytes.length != RECORD_BYTES) {
      return false;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long generation = buffer.getLong(0);
    while (buffer.hasRemaining()) {
      if (buffer.getLong() != generation) {
        return false;
      }
    }
    return true;
  }
}
