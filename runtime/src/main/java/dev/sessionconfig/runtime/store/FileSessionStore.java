package dev.sessionconfig.runtime.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sessions as files, one per session, in SESSION_FILE_DIR: the store that needs no server.
 *
 * <ul>
 *   <li><b>Files</b>: {@code <id>.session}, holding a 12-byte header (magic {@code SCS1}, expiry in epoch
 *       millis) and the session's bytes. Ids are base64url and checked before use, so no name can leave the
 *       directory. The file mode is SESSION_FILE_MODE, set explicitly so that the umask cannot widen or narrow
 *       it; a directory this store creates gets the same bits plus the matching execute bits.
 *   <li><b>Atomic writes</b>: data goes to a temporary file in the same directory ({@code .<id>.<n>.tmp}),
 *       which is then renamed over the session file with {@code ATOMIC_MOVE}. A reader sees the old file or the
 *       new one, never half of one; a process that dies before the rename leaves only a temporary file, which
 *       reads never look at and the sweep deletes once it is {@value #STALE_TEMP_MINUTES} minute old. (The data
 *       is not fsynced: a power loss may lose the latest sessions, never tear one.)
 *   <li><b>Concurrent changes</b>: a request's change is applied to the session file as it is at that moment,
 *       under an exclusive lock: a {@link FileLock} on one of {@value #LOCK_STRIPES} lock files in {@code .locks}
 *       (chosen by the session id), which excludes other processes on the directory, taken under a lock of this
 *       JVM's for the same file, which excludes the other threads (file locks are held per process). Deleting a
 *       session takes the same lock, so a change never brings back a session deleted meanwhile. Reads take no lock:
 *       the rename makes them see one whole file.
 *   <li><b>Expiry</b>: a read past the stored expiry finds nothing (and deletes the file); a background daemon
 *       thread sweeps the directory every minute, deleting expired files and stale temporary files.
 *   <li><b>Threshold</b>: SESSION_FILE_THRESHOLD caps the number of session files. When a write creates a file
 *       beyond it, and at every sweep, expired files are deleted first; if more than the threshold remain,
 *       the files that expire soonest (for a uniform lifetime: the least recently used) are deleted until
 *       exactly the threshold remain. A session that was just written expires last and is therefore kept.
 *   <li><b>Restarts</b>: all state is in the files; a new store on the same directory serves the same sessions.
 * </ul>
 * SESSION_KEY_PREFIX is not used: the directory is the namespace.
 */
public final class FileSessionStore implements SessionStore {
  static final String SUFFIX = ".session";
  static final String TEMP_SUFFIX = ".tmp";
  static final int STALE_TEMP_MINUTES = 1;
  /** The directory of the index of sessions by user, inside the session directory. */
  static final String INDEX = ".index";
  /** The directory of the lock files, inside the session directory. */
  static final String LOCKS = ".locks";
  static final int LOCK_STRIPES = 64;
  /** The lock of each lock file in this JVM, whichever store instance uses it. */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final byte[] MAGIC = "SCS1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + Long.BYTES;
  /** base64url, and short enough for any file system's 255-byte names. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.store");

  private final Path directory;
  private final int threshold;
  private final AtomicLong evictions = new AtomicLong();
  private final Set<PosixFilePermission> permissions;
  private final Clock clock;
  private final ScheduledExecutorService sweeper;
  private final Duration sweepInterval;
  /** How many session files there are, as far as this instance knows; recounted by every sweep. */
  private final AtomicInteger files = new AtomicInteger();
  /** Told of each session file this instance deletes because it expired, or to keep the threshold. */
  private volatile ExpiryListener expiries;

  /**
   * @param directory where the session files go; created by {@link #checkAvailable()} if missing
   * @param threshold the most session files kept (see the class comment)
   * @param fileMode POSIX permission bits of each session file, e.g. {@code 0600}
   */
  public FileSessionStore(Path directory, int threshold, int fileMode) {
    this(directory, threshold, fileMode, Duration.ofMinutes(1));
  }

  /** With the sweep every {@code sweepInterval}. */
  public FileSessionStore(Path directory, int threshold, int fileMode, Duration sweepInterval) {
    this(directory, threshold, fileMode, Clock.systemUTC(), sweepInterval);
  }

  /** With {@code sweepInterval} null no sweep thread runs: tests call {@link #sweep()} themselves. */
  FileSessionStore(Path directory, int threshold, int fileMode, Clock clock, Duration sweepInterval) {
    if (threshold < 1) {
      throw new IllegalArgumentException("SESSION_FILE_THRESHOLD must be at least 1, not " + threshold);
    }
    this.directory = directory.toAbsolutePath().normalize();
    this.threshold = threshold;
    this.permissions = permissions(fileMode);
    this.clock = clock;
    this.sweepInterval = sweepInterval;
    if (sweepInterval == null) {
      this.sweeper = null;
    } else {
      this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sessionconfig-file-sweep");
        thread.setDaemon(true); // never keeps an application from exiting
        return thread;
      });
      long millis = sweepInterval.toMillis();
      sweeper.scheduleWithFixedDelay(this::sweepLogged, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public Optional<SessionRecord> read(String id) {
    Path file = file(id);
    Optional<byte[]> content = readLive(id, file, true);
    return content.map(bytes -> SessionRecord.parse(bytes, 0));
  }

  /**
   * The session file's content after its header, unless it is missing or expired; an expired one is deleted if
   * {@code endExpired} (not while its lock is held: the deletion takes it).
   */
  private Optional<byte[]> readLive(String id, Path file, boolean endExpired) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("cannot read a session file", e);
    }
    long expiresAt = expiresAt(bytes);
    if (expiresAt == Long.MIN_VALUE) {
      LOG.log(System.Logger.Level.WARNING, description() + ": a session file has no valid header; ignoring it");
      return Optional.empty();
    }
    if (expiresAt <= clock.millis()) {
      if (endExpired) {
        end(id, file, true);
      }
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(bytes, HEADER, bytes.length));
  }

  /** The session file, and the session's index entry: an empty file {@code .index/<user's hash>/<id>}. */
  @Override
  public void write(String id, SessionRecord record, Instant expiresAt, String principal) {
    created(writeFile(id, record, expiresAt));
    index(id, principal);
  }

  /** Under the session's lock: the file as it is now, changed, written back; nothing when it is gone. */
  @Override
  public boolean update(String id, SessionRecord basis, SessionChange change) {
    Path file = file(id);
    Boolean created = locked(id, "cannot lock a session file", () -> {
      Optional<byte[]> content = readLive(id, file, false);
      if (content.isEmpty()) {
        return null;
      }
      return writeFile(id, SessionRecord.parse(content.get(), 0).apply(change), change.expiresAt());
    });
    if (created == null) {
      return false;
    }
    created(created);
    index(id, change.principal());
    return true;
  }

  /** Counts a file {@link #writeFile} created, sweeping when that passes the threshold; never under a lock. */
  private void created(boolean created) {
    if (created && files.incrementAndGet() > threshold) {
      sweepLogged(); // the session is stored; a failed clean-up is for the log, not for the request
    }
  }

  /** Writes the session file through a temporary file; whether there was none before. */
  private boolean writeFile(String id, SessionRecord record, Instant expiresAt) {
    Path file = file(id);
    Path temp = null;
    boolean existed;
    try {
      temp = Files.createTempFile(directory, "." + id + ".", TEMP_SUFFIX, fileAttributes());
      if (permissions != null) {
        Files.setPosixFilePermissions(temp, permissions); // exact bits: creation is subject to the umask
      }
      byte[] data = record.toBytes();
      ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).putLong(expiresAt.toEpochMilli());
      byte[] content = Arrays.copyOf(header.array(), HEADER + data.length);
      System.arraycopy(data, 0, content, HEADER, data.length);
      Files.write(temp, content);
      existed = Files.exists(file);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      if (temp != null) {
        deleteFile(temp);
      }
      throw failure("cannot write a session file", e);
    }
    return !existed;
  }

  private void index(String id, String principal) {
    if (principal != null) {
      Path marker = indexEntry(principal, id);
      if (!Files.exists(marker)) {
        try {
          Files.createDirectories(marker.getParent(), directoryAttributes());
          Files.createFile(marker, fileAttributes());
        } catch (FileAlreadyExistsException raced) {
          // another request of the same session indexed it first
        } catch (IOException e) {
          throw failure("cannot index a session under its user", e);
        }
      }
    }
  }

  @Override
  public void delete(String id) {
    Path file = file(id);
    locked(id, "cannot lock a session file", () -> {
      try {
        if (Files.deleteIfExists(file)) {
          files.decrementAndGet();
        }
      } catch (IOException e) {
        throw failure("cannot delete a session file", e);
      }
      return null;
    });
  }

  /**
   * Runs {@code action} holding session {@code id}'s lock, against this JVM's threads and other processes.
   *
   * @param failure what could not be done, for the message when the lock cannot be taken
   */
  private <T> T locked(String id, String failure, Supplier<T> action) {
    Path lockFile = directory.resolve(LOCKS).resolve(Integer.toString(Math.floorMod(id.hashCode(), LOCK_STRIPES)));
    ReentrantLock inJvm = JVM_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
    inJvm.lock();
    try {
      FileChannel channel;
      try {
        channel = openLockFile(lockFile);
      } catch (IOException e) {
        throw failure(failure, e);
      }
      try (channel; FileLock held = channel.lock()) {
        return action.get();
      } catch (IOException e) {
        throw failure(failure, e);
      }
    } finally {
      inJvm.unlock();
    }
  }

  private FileChannel openLockFile(Path lockFile) throws IOException {
    Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      return FileChannel.open(lockFile, options, fileAttributes());
    } catch (NoSuchFileException e) {
      Files.createDirectories(lockFile.getParent(), directoryAttributes()); // the first lock, or it was removed
      return FileChannel.open(lockFile, options, fileAttributes());
    }
  }

  @Override
  public void delete(String id, String principal) {
    delete(id);
    if (principal != null) {
      deleteFile(indexEntry(principal, id));
    }
  }

  /** The index: a directory per user, holding an empty file per session; entries of ended sessions are pruned. */
  @Override
  public Optional<PrincipalIndex> principalIndex() {
    return Optional.of(principal -> {
      Map<String, SessionRecord> found = new LinkedHashMap<>();
      Path entries = indexEntry(principal, "x").getParent();
      try (DirectoryStream<Path> ids = Files.newDirectoryStream(entries)) {
        for (Path entry : ids) {
          String id = entry.getFileName().toString();
          Optional<SessionRecord> record = ID.matcher(id).matches() ? readIndexed(id) : Optional.empty();
          if (record.isPresent()) {
            found.put(id, record.get());
          } else {
            deleteFile(entry);
          }
        }
      } catch (NoSuchFileException e) {
        return Map.of(); // nobody indexed under this name
      } catch (IOException e) {
        throw failure("cannot list the sessions of a user", e);
      }
      return found;
    });
  }

  /** A session listed in the index; unreadable ones are left out, as ended ones are. */
  private Optional<SessionRecord> readIndexed(String id) {
    try {
      return read(id);
    } catch (UnreadableRecordException e) {
      return Optional.empty();
    }
  }

  /**
   * The instance whose sweep (or read) deletes an expired session file tells {@code listener}, with the file's
   * record: a deletion succeeds once, so each expiry is told once, however many instances share the directory.
   */
  @Override
  public Optional<String> reportExpiries(ExpiryListener listener) {
    this.expiries = listener;
    return Optional.of("sessions that expire are reported by the sweep, which runs every "
        + (sweepInterval == null ? "time it is asked to" : sweepInterval.toSeconds() + " s") + ", or at once when a"
        + " request finds one; sessions evicted over SESSION_FILE_THRESHOLD are reported as they are deleted");
  }

  /**
   * Creates the directory if needed and proves it writable by creating and deleting a file in it.
   *
   * @throws SessionStoreException naming the directory and why it cannot be used
   */
  @Override
  public void checkAvailable() {
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, directoryAttributes());
      }
    } catch (IOException e) {
      throw new SessionStoreException("the session directory " + directory + " cannot be created: " + reason(e), e);
    }
    UserPrincipal self;
    try {
      Path probe = Files.createTempFile(directory, ".probe", TEMP_SUFFIX);
      try {
        self = Files.getOwner(probe); // the user this process writes files as
      } finally {
        Files.delete(probe);
      }
    } catch (IOException e) {
      throw new SessionStoreException("the session directory " + directory + " is not writable: " + reason(e), e);
    }
    if (permissions != null) {
      checkOwnership(self);
    }
    files.set(countSessionFiles());
  }

  /**
   * Refuses a directory another user owns or may write to: that user could read, plant or replace session
   * files (another local user may have created the directory before the application first ran). Warns when other
   * users may list it, since the file names are the session ids.
   */
  private void checkOwnership(UserPrincipal self) {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(directory, PosixFileAttributes.class);
    } catch (IOException e) {
      throw new SessionStoreException("the session directory " + directory + " cannot be inspected: " + reason(e),
          e);
    }
    String mode = PosixFilePermissions.toString(attributes.permissions());
    if (!attributes.owner().equals(self)) {
      throw new SessionStoreException("the session directory " + directory + " belongs to " + attributes.owner()
          + ", not to " + self + ", the user this application runs as: its owner could read and change every"
          + " session. Remove it, or set SESSION_FILE_DIR to a directory of " + self + "'s own.");
    }
    Set<PosixFilePermission> granted = attributes.permissions();
    if (granted.contains(PosixFilePermission.GROUP_WRITE) || granted.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new SessionStoreException("the session directory " + directory + " has mode " + mode + ": other users"
          + " can create, replace and delete session files in it. Run chmod go-w " + directory + " (or chmod 700),"
          + " or set SESSION_FILE_DIR to a directory only " + self + " can write.");
    }
    if (granted.contains(PosixFilePermission.OTHERS_READ) || granted.contains(PosixFilePermission.OTHERS_EXECUTE)) {
      LOG.log(System.Logger.Level.WARNING, "The session directory " + directory + " has mode " + mode + ": other"
          + " users can list it, and the file names are session ids. Run chmod o-rwx " + directory + ".");
    }
  }

  @Override
  public String description() {
    return "filesystem at " + directory;
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }

  /**
   * How many live sessions this instance has ended early to keep SESSION_FILE_THRESHOLD since it started (each
   * sweep that does so also logs a WARNING): users logged out before their time, so a number to watch.
   */
  public long evictions() {
    return evictions.get();
  }

  /**
   * One cleaning pass: deletes expired session files and stale temporary files, then enforces the threshold.
   * Synchronized so that a sweep and a write over the threshold do not both delete.
   */
  synchronized void sweep() throws IOException {
    long now = clock.millis();
    FileTime staleBefore = FileTime.fromMillis(now - TimeUnit.MINUTES.toMillis(STALE_TEMP_MINUTES));
    List<Entry> live = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path path : entries) {
        String name = path.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(TEMP_SUFFIX)) {
          if (lastModified(path).compareTo(staleBefore) < 0) {
            deleteFile(path);
          }
        } else if (name.endsWith(SUFFIX)) {
          long expiresAt = readExpiry(path);
          if (expiresAt == Long.MIN_VALUE) {
            deleteFile(path); // no valid header (written by something else): not a session
          } else if (expiresAt <= now) {
            end(idOf(path), path, true);
          } else {
            live.add(new Entry(path, expiresAt));
          }
        }
      }
    } catch (NoSuchFileException e) {
      live.clear(); // no directory yet: nothing to sweep
    }
    live.sort(Comparator.comparingLong(Entry::expiresAt));
    int excess = live.size() - threshold;
    if (excess > 0) {
      LOG.log(System.Logger.Level.WARNING, description() + ": " + excess + (excess == 1 ? " session was" : " sessions were")
          + " ended early to keep SESSION_FILE_THRESHOLD (" + threshold + " files): those that would have expired"
          + " soonest; raise the threshold if that was too few");
    }
    for (int i = 0; i < excess; i++) {
      Path evicted = live.get(i).path();
      end(idOf(evicted), evicted, false);
    }
    if (excess > 0) {
      evictions.addAndGet(excess);
    }
    files.set(Math.min(live.size(), threshold));
  }

  private record Entry(Path path, long expiresAt) {}

  private void sweepLogged() {
    try {
      sweep();
    } catch (IOException | RuntimeException e) {
      // Caught, or the executor would silently stop sweeping for good.
      LOG.log(System.Logger.Level.WARNING, description() + ": sweeping expired sessions failed: " + reason(e));
    }
  }

  /**
   * Deletes a session that ended (expired, or {@code evicted} over the threshold) and tells the listener, if this
   * deletion was the one. Under the session's lock, and only if it is still expired then (unless evicted): a
   * request may have just refreshed it.
   */
  private void end(String id, Path file, boolean onlyIfExpired) {
    byte[] last;
    try {
      last = locked(id, "cannot lock an ended session file", () -> {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(file);
          if (onlyIfExpired && expiresAt(bytes) > clock.millis()) {
            return null; // refreshed meanwhile
          }
          return Files.deleteIfExists(file) ? bytes : null;
        } catch (NoSuchFileException gone) {
          return null; // another instance, or a request, deleted it first: theirs to report
        } catch (IOException e) {
          throw failure("cannot delete an ended session file", e);
        }
      });
    } catch (SessionStoreException e) {
      LOG.log(System.Logger.Level.WARNING, e.getMessage());
      return;
    }
    if (last == null) {
      return;
    }
    files.decrementAndGet();
    ExpiryListener listener = expiries;
    if (listener != null && last.length >= HEADER) {
      Optional<SessionRecord> record;
      try {
        record = Optional.of(SessionRecord.parse(Arrays.copyOfRange(last, HEADER, last.length), 0));
      } catch (UnreadableRecordException e) {
        record = Optional.empty();
      }
      listener.expired(id, record);
    }
  }

  private static String idOf(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }

  /** Where the index keeps session {@code id} of {@code principal}: a name no user's name can escape from. */
  private Path indexEntry(String principal, String id) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(principal.getBytes(StandardCharsets.UTF_8));
      return directory.resolve(INDEX).resolve(java.util.HexFormat.of().formatHex(digest)).resolve(id);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private Path file(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a session id: only base64url characters can name a session file");
    }
    return directory.resolve(id + SUFFIX);
  }

  /** The expiry in a session file's header; {@code Long.MIN_VALUE} when there is no valid header. */
  private static long expiresAt(byte[] bytes) {
    if (bytes.length < HEADER || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Long.MIN_VALUE;
    }
    return ByteBuffer.wrap(bytes, MAGIC.length, Long.BYTES).getLong();
  }

  private static long readExpiry(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return expiresAt(in.readNBytes(HEADER));
    } catch (NoSuchFileException e) {
      return Long.MAX_VALUE; // deleted meanwhile; the next sweep will not see it
    }
  }

  private static FileTime lastModified(Path path) throws IOException {
    try {
      return Files.getLastModifiedTime(path);
    } catch (NoSuchFileException e) {
      return FileTime.fromMillis(Long.MAX_VALUE);
    }
  }

  private int countSessionFiles() {
    int count = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path ignored : entries) {
        count++;
      }
    } catch (IOException e) {
      return 0; // only an estimate; the first sweep recounts
    }
    return count;
  }

  private void deleteFile(Path path) {
    try {
      if (Files.deleteIfExists(path) && path.getFileName().toString().endsWith(SUFFIX)) {
        files.decrementAndGet();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, description() + ": cannot delete a session file: " + reason(e));
    }
  }

  private FileAttribute<?>[] fileAttributes() {
    return permissions == null ? new FileAttribute<?>[0]
        : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
  }

  private FileAttribute<?>[] directoryAttributes() {
    if (permissions == null) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> bits = EnumSet.copyOf(permissions);
    bits.add(PosixFilePermission.OWNER_EXECUTE);
    if (bits.contains(PosixFilePermission.GROUP_READ)) {
      bits.add(PosixFilePermission.GROUP_EXECUTE);
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(bits)};
  }

  /** The permissions for {@code mode}, or null where the file system has no POSIX permissions (Windows). */
  private Set<PosixFilePermission> permissions(int mode) {
    if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    String letters = "rwx";
    for (int bit = 8; bit >= 0; bit--) {
      text.append((mode & (1 << bit)) != 0 ? letters.charAt(2 - bit % 3) : '-');
    }
    return PosixFilePermissions.fromString(text.toString());
  }

  private SessionStoreException failure(String what, IOException e) {
    return new SessionStoreException(description() + ": " + what + ": " + reason(e), e);
  }

  /** Why an operation failed, without the file name (which is a session id). */
  private static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name exists and is not a directory";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    // The operating system's own words ("No space left on device", "Read-only file system"), unless they
    // name a file: file names are session ids.
    String message = e.getMessage();
    return message == null || message.contains(SUFFIX) || message.contains(TEMP_SUFFIX) || message.contains("/")
        ? e.getClass().getSimpleName() : message;
  }
}
