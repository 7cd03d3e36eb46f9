package io.tessera.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-file writes that readers never see half done: the content goes to a temporary file in the target's
 * directory, is flushed to disk ({@code fsync}), and then replaces the target by an atomic rename. If anything fails,
 * the temporary file is deleted and a file that was already at the target stays as it was.
 *
 * <p>{@link IOException}s are rethrown as {@link UncheckedIOException} whose message names the target path;
 * runtime exceptions and errors thrown by a {@link Body} pass through unchanged. Where the file system cannot rename
 * atomically, the rename falls back to a plain replacing move (logged once per write at debug level). The new file
 * gets the default permissions of a newly created file.
 */
public final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  private AtomicFiles() {
  }

  /** Produces the content of an atomic write. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the whole content to {@code out}. The stream is buffered; closing it is allowed but not needed.
     *
     * @throws IOException to abandon the write
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces (or creates) {@code target} with what {@code body} writes, atomically.
   *
   * @throws UncheckedIOException naming {@code target} if writing, syncing or renaming fails
   */
  public static void write(Path target, Body body) {
    Objects.requireNonNull(body, "body");
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = null;
    boolean done = false;
    try {
      temp = createTemp(dir, absolute.getFileName().toString());
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        UnclosableBufferedOutput out = new UnclosableBufferedOutput(ch);
        body.writeTo(out);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        LOG.debug("atomic rename not supported for {}, replacing instead", absolute);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (!done && temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Replaces (or creates) {@code target} with {@code text} encoded as UTF-8, atomically.
   *
   * @throws UncheckedIOException naming {@code target} if writing fails
   */
  public static void writeString(Path target, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }

  /** Creates an empty file next to the target with a name no other writer picks. */
  private static Path createTemp(Path dir, String targetName) throws IOException {
    // Keep the name under common 255-byte limits even for long target names.
    String stem = targetName.length() > 100 ? targetName.substring(0, 100) : targetName;
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve("." + stem + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
          + ".tmp");
      try {
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, which is harmless. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.trace("cannot sync directory {}: {}", dir, e.toString());
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("cannot delete temporary file {}: {}", temp, e.toString());
    }
  }

  /**
   * A buffered stream over the channel whose {@code close()} only flushes, so a body that closes its stream does not
   * close the channel before it is synced.
   */
  private static final class UnclosableBufferedOutput extends OutputStream {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);

    UnclosableBufferedOutput(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public void write(int b) throws IOException {
      if (!buf.hasRemaining()) {
        flush();
      }
      buf.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len >= buf.capacity()) {
        flush();
        ByteBuffer direct = ByteBuffer.wrap(b, off, len);
        while (direct.hasRemaining()) {
          ch.write(direct);
        }
        return;
      }
      if (len > buf.remaining()) {
        flush();
      }
      buf.put(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      buf.flip();
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
