package com.salesledger.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC key that signs and checks the ledger's own tokens. */
final class TokenSigningKey {

  static final String FILE_NAME = "token-signing.key";
  private static final int MIN_BYTES = 32;

  private TokenSigningKey() {}

  /** The configured key, else the one kept in the data folder (made on first use). */
  static SecretKey resolve(String configured, Path dataDir) {
    if (configured != null && !configured.isBlank()) {
      return fromBase64(configured.trim(), "ledger.security.token.signing-key");
    }
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the token signing key " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] key = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] text = Base64.getEncoder().encode(key);
    Path temp = file.resolveSibling(FILE_NAME + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(temp);
    }
    Files.write(temp, text, StandardOpenOption.WRITE);
    try {
      // Two apps of one data folder may start together: the first link wins, both read it.
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException someoneElse) {
      // keep theirs
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static SecretKey fromBase64(String text, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The token signing key in " + source + " is not base64.");
    }
    if (key.length < MIN_BYTES) {
      throw new IllegalStateException(
          "The token signing key in " + source + " must be at least " + MIN_BYTES + " bytes.");
    }
    return new SecretKeySpec(key, "HmacSHA256");
  }
}
