package com.salesledger.platform.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 16 binaries that ship as Maven dependencies (zonky's archives), unpacked once into
 * the temporary folder. The ledger runs them itself rather than through zonky's starter, because
 * that starter turns durability off, trusts every local connection and waits for the server by
 * logging in without a password.
 */
final class PostgresBinaries {

  private static PostgresBinaries instance;

  private final Path home;

  /**
   * PostgreSQL refuses to run as root. As root on Linux the binaries run in a user namespace of
   * their own ({@code unshare -U}), where they see themselves as an unprivileged user, as zonky
   * does.
   */
  private final boolean inUserNamespace;

  private PostgresBinaries(Path home, boolean inUserNamespace) {
    this.home = home;
    this.inUserNamespace = inUserNamespace;
  }

  static synchronized PostgresBinaries get() {
    if (instance == null) {
      instance = new PostgresBinaries(unpack(), LinuxUtils.isUnshareAvailable());
    }
    return instance;
  }

  /** The command line that runs one of the binaries ({@code postgres}, {@code initdb}, ...). */
  List<String> command(String binary, String... arguments) {
    List<String> command = new ArrayList<>();
    if (inUserNamespace) {
      command.add("unshare");
      command.add("-U");
    }
    command.add(home.resolve("bin").resolve(binary).toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private static Path unpack() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "Darwin" : os.contains("linux") ? "Linux" : "Windows";
    String arch = System.getProperty("os.arch");
    String machine = "amd64".equals(arch) ? "x86_64" : arch;
    try (InputStream archive =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine)) {
      if (archive == null) {
        throw new IllegalStateException("No PostgreSQL binaries for " + system + " " + machine);
      }
      byte[] bytes = archive.readAllBytes();
      Path target = Path.of(System.getProperty("java.io.tmpdir"), "ledger-postgres", digest(bytes));
      if (Files.isRegularFile(target.resolve("bin").resolve("postgres"))) {
        return target;
      }
      // Unpack next to the target and rename: parallel builds never see half a folder.
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempDirectory(target.getParent(), "unpacking-");
      extract(bytes, partial);
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException lostTheRace) {
        if (!Files.isRegularFile(target.resolve("bin").resolve("postgres"))) {
          throw lostTheRace;
        }
        deleteQuietly(partial);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL binaries", e);
    }
  }

  private static void extract(byte[] archive, Path folder) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = folder.resolve(entry.getName()).normalize();
        if (!path.startsWith(folder)) {
          throw new IOException("Archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink() || entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          if ((entry.getMode() & 0100) != 0 || entry.getName().contains("bin/")) {
            path.toFile().setExecutable(true);
          }
        }
      }
    }
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(sha).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Only a temporary copy is left behind.
    }
  }
}
