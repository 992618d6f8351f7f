package com.salesledger.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded server's superuser password: generated on the first start and kept in the data
 * folder, readable by its owner only. Whoever can read the data folder owns the data anyway; nobody
 * else on the machine can log in.
 */
record DatabasePassword(String value, boolean newlyCreated) {

  static final String FILE_NAME = "postgres.password";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  static DatabasePassword readOrCreate(Path dataFolder) {
    Path file = dataFolder.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        restrictToOwner(file);
        return new DatabasePassword(Files.readString(file).strip(), false);
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path partial = dataFolder.resolve(FILE_NAME + ".new");
      Files.deleteIfExists(partial);
      if (isPosix()) {
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(partial);
      }
      Files.writeString(partial, password + "\n", StandardCharsets.US_ASCII);
      Files.move(partial, file);
      return new DatabasePassword(password, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file, e);
    }
  }

  static Path file(Path dataFolder) {
    return dataFolder.resolve(FILE_NAME);
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (isPosix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Override
  public String toString() {
    return "DatabasePassword[****]";
  }
}
