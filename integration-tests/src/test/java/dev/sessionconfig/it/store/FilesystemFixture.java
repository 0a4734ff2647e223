package dev.sessionconfig.it.store;

import dev.sessionconfig.runtime.store.SessionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The filesystem store as files on disk: SESSION_FILE_DIR is a fresh directory per test, a session is the file
 * {@code <id>.session} (the runtime's FileSessionStore layout). Store reads are counted with Java Flight
 * Recorder's {@code jdk.FileRead} events on session files: the JVM's own record of every read call.
 */
public final class FilesystemFixture implements StoreFixture {
  public static final String SUFFIX = ".session";
  /** The store's own header before the record: the magic SCS1 and the expiry in epoch milliseconds. */
  private static final int HEADER = 12;

  private final Path dir;

  FilesystemFixture(Path workDir) {
    this.dir = workDir.resolve("sessions").toAbsolutePath();
  }

  public Path dir() {
    return dir;
  }

  /** The file session {@code id} lives in. */
  public Path file(String id) {
    return dir.resolve(id + SUFFIX);
  }

  @Override
  public StoreKind kind() {
    return StoreKind.FILESYSTEM;
  }

  @Override
  public Map<String, String> properties() {
    return Map.of("it.session.type", "filesystem", "it.file.dir", dir.toString());
  }

  @Override
  public boolean hasEntry(String id) {
    return Files.exists(file(id));
  }

  @Override
  public int entryCount() {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int count = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path ignored : files) {
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  @Override
  public void deleteEntry(String id) {
    try {
      Files.delete(file(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SessionRecord readEntry(String id) {
    try {
      byte[] bytes = Files.readAllBytes(file(id));
      return SessionRecord.parse(java.util.Arrays.copyOfRange(bytes, HEADER, bytes.length), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void writeEntry(String id, SessionRecord record) {
    writeBytes(id, record.toBytes());
  }

  @Override
  public void corruptEntry(String id) {
    writeBytes(id, GARBAGE);
  }

  private void writeBytes(String id, byte[] record) {
    try {
      byte[] file = Files.readAllBytes(file(id));
      // Keep the header (magic and expiry) so the file is still a live session file.
      byte[] replaced = java.util.Arrays.copyOf(file, HEADER + record.length);
      System.arraycopy(record, 0, replaced, HEADER, record.length);
      Files.write(file(id), replaced);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int reads(Runnable action) {
    return countReads(dir, action);
  }

  /** The file is read again under the session's lock, and the change applied to it as it is then. */
  @Override
  public int readsToApplyAChange() {
    return 1;
  }

  /** Flight Recorder sees the reads of this JVM only. */
  @Override
  public boolean countsReadsOfOtherProcesses() {
    return false;
  }

  @Override
  public void clear() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One recording for the whole run: a recording stopped and started again misses other threads' events. */
  private static Recording recording;

  /**
   * How many read calls that returned data were made on {@code *.session} files under {@code dir} while
   * {@code action} ran, by any thread but the store's background sweeper.
   */
  public static synchronized int countReads(Path dir, Runnable action) {
    if (recording == null) {
      recording = new Recording();
      recording.enable("jdk.FileRead").withThreshold(Duration.ZERO);
      recording.setToDisk(true);
      recording.setMaxAge(Duration.ofMinutes(1));
      recording.setName("it-session-file-reads");
      recording.start();
    }
    Instant from = Instant.now();
    action.run();
    Instant to = Instant.now();
    try {
      Path dump = Files.createTempFile("it-reads", ".jfr");
      try {
        recording.dump(dump); // writes what was recorded so far, the other threads' buffers included
        int reads = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
          String path = event.getString("path");
          String thread = event.getThread() == null ? "" : String.valueOf(event.getThread().getJavaName());
          if (path != null && path.startsWith(dir.toString()) && path.endsWith(SUFFIX)
              && !event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)
              && event.getLong("bytesRead") > 0 && !thread.startsWith("sessionconfig-file-sweep")) {
            reads++;
          }
        }
        return reads;
      } finally {
        Files.deleteIfExists(dump);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    // the directory is the test's @TempDir: JUnit deletes it
  }
}
