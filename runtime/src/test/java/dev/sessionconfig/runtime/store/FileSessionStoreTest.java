package dev.sessionconfig.runtime.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionconfig.SessionType;
import dev.sessionconfig.Setting;
import dev.sessionconfig.testing.MutableClock;
import dev.sessionconfig.runtime.testing.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {
  private static final String ID = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
  private static final SessionRecord DATA = TestRecords.record("{\"v\":1}");

  @TempDir
  Path temp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private FileSessionStore store;

  private FileSessionStore open(Path dir, int threshold, int mode) {
    FileSessionStore opened = new FileSessionStore(dir, threshold, mode, clock, null);
    opened.checkAvailable();
    return opened;
  }

  private Instant in(Duration duration) {
    return clock.instant().plus(duration);
  }

  /** The files in {@code dir}: sessions and temporary files, not the store's own directories (locks, index). */
  private List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()).sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void writesOneFilePerSessionAndReadsItBack() throws IOException {
    store = open(temp, 10, 0600);
    store.write(ID, DATA, in(Duration.ofHours(1)), null);
    assertEquals(DATA, store.read(ID).orElseThrow());
    assertEquals(List.of(ID + ".session"), names(temp), "one file, no temporary file left behind");
    assertEquals(Optional.empty(), store.read("BbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde"));
    store.write(ID, TestRecords.record("second"), in(Duration.ofHours(1)), null);
    assertEquals("second", TestRecords.text(store.read(ID)));
    store.delete(ID);
    assertEquals(Optional.empty(), store.read(ID));
    assertEquals(List.of(), names(temp));
    store.delete(ID); // deleting what is not there is no error
  }

  @Test
  void fileHoldsHeaderWithExpiryThenTheData() throws IOException {
    store = open(temp, 10, 0600);
    Instant expiresAt = in(Duration.ofMinutes(5));
    store.write(ID, DATA, expiresAt, null);
    byte[] file = Files.readAllBytes(temp.resolve(ID + ".session"));
    assertEquals("SCS1", new String(file, 0, 4, StandardCharsets.US_ASCII));
    assertEquals(expiresAt.toEpochMilli(), java.nio.ByteBuffer.wrap(file, 4, 8).getLong());
    assertArrayEquals(DATA.toBytes(), java.util.Arrays.copyOfRange(file, 12, file.length));
  }

  @Test
  void filesGetExactlyTheConfiguredMode() throws IOException {
    assumeTrue(posix(temp));
    for (int mode : new int[] {0600, 0640}) {
      Path dir = temp.resolve("mode" + Integer.toOctalString(mode));
      store = open(dir, 10, mode);
      store.write(ID, DATA, in(Duration.ofHours(1)), null);
      String expected = mode == 0600 ? "rw-------" : "rw-r-----";
      assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ID + ".session"))));
      assertEquals(mode == 0600 ? "rwx------" : "rwxr-x---",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "a directory the store creates");
      store.close();
    }
  }

  @Test
  void anExpiredSessionIsNotReadEvenBeforeTheSweepAndItsFileGoes() throws IOException {
    store = open(temp, 10, 0600);
    store.write(ID, DATA, in(Duration.ofSeconds(30)), null);
    clock.advance(Duration.ofSeconds(29));
    assertTrue(store.read(ID).isPresent());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), store.read(ID));
    assertEquals(List.of(), names(temp));
  }

  @Test
  void sweepDeletesExpiredFilesAndStaleTemporaryFilesOnly() throws IOException {
    store = open(temp, 10, 0600);
    store.write(ID, DATA, in(Duration.ofSeconds(30)), null);
    String live = "L" + ID.substring(1);
    store.write(live, DATA, in(Duration.ofHours(1)), null);
    Path stale = Files.write(temp.resolve("." + ID + ".123.tmp"), new byte[] {'S', 'C'});
    Files.setLastModifiedTime(stale, FileTime.from(clock.instant().minus(Duration.ofMinutes(2))));
    Path inFlight = Files.write(temp.resolve("." + live + ".456.tmp"), new byte[] {'S'});
    Files.setLastModifiedTime(inFlight, FileTime.from(clock.instant()));
    clock.advance(Duration.ofMinutes(1));
    store.sweep();
    assertEquals(List.of("." + live + ".456.tmp", live + ".session"), names(temp),
        "the expired session and the crashed write's temporary file are gone; a write in progress is kept");
  }

  @Test
  void aCrashBetweenWriteAndRenameLeavesNoTornSession() throws IOException {
    store = open(temp, 10, 0600);
    store.write(ID, DATA, in(Duration.ofHours(1)), null);
    // What a process killed in the middle of write() leaves: a half-written temporary file, no rename.
    Path torn = temp.resolve("." + ID + ".789.tmp");
    Files.write(torn, new byte[] {'S', 'C', 'S', '1', 0, 0});
    Files.setLastModifiedTime(torn, FileTime.from(clock.instant().minus(Duration.ofMinutes(5))));
    String other = "T" + ID.substring(1);
    Files.write(temp.resolve("." + other + ".790.tmp"), new byte[] {'S', 'C'});
    FileSessionStore restarted = open(temp, 10, 0600);
    assertEquals(DATA, restarted.read(ID).orElseThrow(), "the last complete write is what is read");
    assertEquals(Optional.empty(), restarted.read(other), "a session that only has a torn temporary file does not exist");
    Files.setLastModifiedTime(temp.resolve("." + other + ".790.tmp"), FileTime.from(clock.instant().minus(Duration.ofMinutes(5))));
    restarted.sweep();
    assertEquals(List.of(ID + ".session"), names(temp));
    restarted.close();
  }

  @Test
  void aSessionFileWithoutAValidHeaderIsNoSession() throws IOException {
    store = open(temp, 10, 0600);
    Files.write(temp.resolve(ID + ".session"), new byte[] {'S', 'C', 'S'});
    assertEquals(Optional.empty(), store.read(ID));
    Files.write(temp.resolve(ID + ".session"), "XXXX12345678data".getBytes(StandardCharsets.US_ASCII));
    assertEquals(Optional.empty(), store.read(ID));
  }

  @Test
  void sessionsSurviveARestart() {
    store = open(temp, 10, 0600);
    store.write(ID, DATA, in(Duration.ofDays(7)), null);
    store.close();
    store = open(temp, 10, 0600);
    assertEquals(DATA, store.read(ID).orElseThrow());
  }

  @Test
  void beyondTheThresholdExpiredFilesGoFirstThenThoseExpiringSoonest() throws IOException {
    store = open(temp, 3, 0600);
    store.write(id('a'), DATA, in(Duration.ofMinutes(50)), null);
    store.write(id('b'), DATA, in(Duration.ofMinutes(10)), null);  // expires soonest of the live ones
    store.write(id('c'), DATA, in(Duration.ofMinutes(1)), null);   // will have expired
    clock.advance(Duration.ofMinutes(2));
    store.write(id('d'), DATA, in(Duration.ofMinutes(60)), null);  // 4 > 3: the expired 'c' goes, nothing else
    assertEquals(List.of(id('a') + ".session", id('b') + ".session", id('d') + ".session"), names(temp));
    store.write(id('e'), DATA, in(Duration.ofMinutes(60)), null);  // 4 > 3, none expired: 'b' expires soonest
    assertEquals(List.of(id('a') + ".session", id('d') + ".session", id('e') + ".session"), names(temp));
    store.write(id('e'), DATA, in(Duration.ofMinutes(70)), null);  // rewriting a session adds no file
    assertEquals(3, names(temp).size());
  }

  @Test
  void theSweepEnforcesTheThresholdOnFilesLeftByAnotherInstance() throws IOException {
    FileSessionStore other = open(temp, 100, 0600);
    for (char c = 'a'; c <= 'e'; c++) {
      other.write(id(c), DATA, in(Duration.ofMinutes(c - 'a' + 1)), null);
    }
    store = open(temp, 2, 0600);
    List<String> logged = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.sessionconfig.store");
    logger.addHandler(capture);
    try {
      store.sweep();
    } finally {
      logger.removeHandler(capture);
    }
    assertEquals(List.of(id('d') + ".session", id('e') + ".session"), names(temp));
    // Users logged out early: never silently.
    assertEquals(List.of("WARNING " + store.description() + ": 3 sessions were ended early to keep"
        + " SESSION_FILE_THRESHOLD (2 files): those that would have expired soonest; raise the threshold if that was"
        + " too few"), logged);
    assertEquals(3, store.evictions());
  }

  @Test
  void anUncreatableDirectoryIsAClearStartupError() throws IOException {
    Path file = Files.write(temp.resolve("plain-file"), new byte[0]);
    for (Path dir : List.of(file, file.resolve("sessions"))) {
      store = new FileSessionStore(dir, 10, 0600, clock, null);
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertTrue(e.getMessage().startsWith("the session directory " + dir + " cannot be created: "), e.getMessage());
    }
  }

  @Test
  void anUnwritableDirectoryIsAClearStartupError() throws IOException {
    assumeTrue(posix(temp));
    // Root may write into any directory whatever its mode, but not into sysfs: the one unwritable directory
    // that a test running as root (as CI does) can count on.
    Path dir = root() ? Path.of("/sys") : Files.createDirectory(temp.resolve("readonly"));
    if (!root()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    }
    assumeTrue(Files.isDirectory(dir) && !canCreateFileIn(dir), dir + " is writable here");
    store = new FileSessionStore(dir, 10, 0600, clock, null);
    SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
    assertEquals("the session directory " + dir + " is not writable: permission denied", e.getMessage());
  }

  /** A directory others may write to, e.g. one another user created first in the shared temp dir with 0777. */
  @Test
  void aDirectoryOthersCanWriteIsRefusedAtStartup() throws IOException {
    assumeTrue(posix(temp));
    Path dir = Files.createDirectory(temp.resolve("shared"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    store = new FileSessionStore(dir, 10, 0600, clock, null);
    SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
    String self = Files.getOwner(dir).getName();
    assertEquals("the session directory " + dir + " has mode rwxrwxrwx: other users can create, replace and delete"
        + " session files in it. Run chmod go-w " + dir + " (or chmod 700), or set SESSION_FILE_DIR to a directory"
        + " only " + self + " can write.", e.getMessage());

    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    open(dir, 10, 0600); // the same directory, once fixed
  }

  /** A directory another user owns: only root can make one here, so the test needs root (as CI runs). */
  @Test
  void aDirectoryOwnedByAnotherUserIsRefusedAtStartup() throws IOException {
    assumeTrue(posix(temp) && root(), "needs root to give a directory away");
    Path dir = Files.createDirectory(temp.resolve("theirs"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    java.nio.file.attribute.UserPrincipal nobody;
    try {
      nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
      org.junit.jupiter.api.Assumptions.abort("no user 'nobody' here");
      return;
    }
    String self = Files.getOwner(dir).getName();
    Files.setOwner(dir, nobody);
    store = new FileSessionStore(dir, 10, 0600, clock, null);
    SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
    assertEquals("the session directory " + dir + " belongs to nobody, not to " + self + ", the user this"
        + " application runs as: its owner could read and change every session. Remove it, or set"
        + " SESSION_FILE_DIR to a directory of " + self + "'s own.", e.getMessage());
  }

  private static boolean canCreateFileIn(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aMissingDirectoryIsCreated() {
    Path dir = temp.resolve("a/b/sessions");
    store = open(dir, 10, 0600);
    assertTrue(Files.isDirectory(dir));
    assertEquals("filesystem at " + dir, store.description());
  }

  @Test
  void onlyBase64UrlIdsNameFiles() {
    store = open(temp, 10, 0600);
    for (String bad : new String[] {"../escape", "..", "a/b", "a\\b", "", "x.session", "a b", "é", "a".repeat(201)}) {
      assertThrows(IllegalArgumentException.class, () -> store.write(bad, DATA, in(Duration.ofHours(1)), null), bad);
      assertThrows(IllegalArgumentException.class, () -> store.read(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> store.delete(bad), bad);
    }
    assertFalse(Files.exists(temp.getParent().resolve("escape.session")));
  }

  @Test
  void writeFailuresAreStoreExceptionsNamingTheStore() throws IOException {
    Path dir = temp.resolve("gone");
    store = open(dir, 10, 0600);
    Files.delete(dir);
    SessionStoreException e = assertThrows(SessionStoreException.class,
        () -> store.write(ID, DATA, in(Duration.ofHours(1)), null));
    assertEquals("filesystem at " + dir + ": cannot write a session file: no such file or directory", e.getMessage());
    assertFalse(e.getMessage().contains(ID), "the id is not in the message");
  }

  /** A full disk is named as such, on a real file system that fills up (a small tmpfs; needs root to mount). */
  @Test
  void aFullDiskIsNamedInTheError() throws Exception {
    assumeTrue(root(), "mounting a tmpfs needs root");
    Path small = temp.resolve("small");
    Files.createDirectories(small);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
        .redirectErrorStream(true).start();
    assumeTrue(mount.waitFor() == 0, "mount failed: " + new String(mount.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
    try {
      Files.setPosixFilePermissions(small, PosixFilePermissions.fromString("rwx------"));
      store = open(small, 10, 0600);
      SessionRecord big = SessionRecord.of(java.util.Map.of("", new byte[200 * 1024]));
      SessionStoreException e = assertThrows(SessionStoreException.class,
          () -> store.write(ID, big, in(Duration.ofHours(1)), null));
      assertEquals("filesystem at " + small + ": cannot write a session file: No space left on device",
          e.getMessage());
    } finally {
      store.close();
      store = null;
      new ProcessBuilder("umount", small.toString()).start().waitFor();
    }
  }

  @Test
  void providerIsFoundByServiceLoaderAndOpensTheConfiguredDirectory() {
    SessionStoreProvider provider = ServiceLoader.load(SessionStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.type() == SessionType.FILESYSTEM).findFirst().orElseThrow();
    assertInstanceOf(FileSessionStoreProvider.class, provider);
    assertEquals(SessionType.FILESYSTEM.storeClassName().orElseThrow(), provider.getClass().getName());
    try (SessionStore opened = provider.open(TestSettings.builder()
        .with(Setting.SESSION_FILE_DIR, temp.resolve("configured").toString()).build())) {
      assertEquals("filesystem at " + temp.resolve("configured"), opened.description());
    }
  }

  @Test
  void theBackgroundSweepRunsOnADaemonThread() throws Exception {
    store = new FileSessionStore(temp, 10, 0600, clock, Duration.ofMillis(20));
    store.checkAvailable();
    store.write(ID, DATA, in(Duration.ofSeconds(1)), null);
    clock.advance(Duration.ofSeconds(2));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Files.exists(temp.resolve(ID + ".session")) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertFalse(Files.exists(temp.resolve(ID + ".session")), "the sweep deleted the expired file");
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("sessionconfig-file-sweep")).allMatch(Thread::isDaemon));
  }

  private static String id(char first) {
    return first + ID.substring(1);
  }
}
