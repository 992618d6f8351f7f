package com.salesledger.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Marks a data folder as owned by this process. The operating system drops the lock when the
 * process dies, even by SIGKILL, so a lock that can be taken means that no ledger is alive on the
 * folder, and any PostgreSQL still serving it is an orphan of an earlier run.
 */
final class DataFolderLock implements AutoCloseable {

  static final String FILE_NAME = "ledger.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the folder, or refuses when a live process (this one included) holds it. */
  static DataFolderLock acquire(Path dataFolder) {
    Path file = dataFolder.resolve(FILE_NAME);
    try {
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisProcess) {
        lock = null;
      }
      if (lock == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
        channel.close();
        throw new IllegalStateException(
            "The data folder "
                + dataFolder.toAbsolutePath()
                + " is in use by a running ledger (process "
                + (holder.isEmpty() ? "unknown" : holder)
                + "). Stop it first, or start with another LEDGER_DATA_DIR.");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
      channel.force(false);
      return new DataFolderLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock the data folder " + dataFolder, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
