package dev.invitriage.ssh;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Set;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The server's ed25519 host key: generated on first start (OpenSSH private key format, mode 0600,
 * with a {@code .pub} beside it), the same key on every later start.
 *
 * @param keys the key pair
 * @param file where it is kept
 * @param created whether this start generated it
 */
public record HostKey(KeyPair keys, Path file, boolean created) {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /** Reads the key at {@code file}, generating it first when there is none. */
  public static HostKey loadOrCreate(Path file) {
    if (Files.exists(file)) {
      return new HostKey(read(file), file, false);
    }
    return new HostKey(create(file), file, true);
  }

  /** The fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:} and unpadded base64. */
  public String fingerprint() {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, keys.getPublic());
  }

  /** The public key as one {@code known_hosts}-style line: {@code ssh-ed25519 AAAA...}. */
  public String publicKeyLine() {
    return PublicKeyEntry.toString(keys.getPublic());
  }

  private static KeyPair read(Path file) {
    refuseIfReadableByOthers(file);
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
      Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
      if (it == null || !it.hasNext()) {
        throw InvitriageException.badInput(file + ": no host key in this file");
      }
      return it.next();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (e instanceof InvitriageException ie) {
        throw ie;
      }
      throw InvitriageException.badInput(file + ": not a readable host key (" + e.getMessage() + ")");
    }
  }

  private static void refuseIfReadableByOthers(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      perms.removeAll(OWNER_ONLY);
      perms.remove(PosixFilePermission.OWNER_EXECUTE);
      if (!perms.isEmpty()) {
        throw InvitriageException.badInput(file + ": the host key is readable by others: run chmod 600 " + file);
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: nothing to check.
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static KeyPair create(Path file) {
    Path abs = file.toAbsolutePath();
    Path tmp = null;
    try {
      KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
      Path dir = abs.getParent();
      createPrivateDirectories(dir);
      // Written whole beside the target, owner-only from the first byte, then renamed into place.
      tmp = Files.createTempFile(dir, ".ssh_host_key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (OutputStream out = Files.newOutputStream(tmp)) {
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "invitriage host key", null, out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs);
      }
      tmp = null;
      Path pub = abs.resolveSibling(abs.getFileName() + ".pub");
      Files.writeString(pub, PublicKeyEntry.toString(pair.getPublic()) + " invitriage host key\n", StandardCharsets.US_ASCII);
      return pair;
    } catch (IOException | GeneralSecurityException e) {
      throw InvitriageException.io(file + ": cannot create the host key: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: a leftover hidden temp file holds no key anyone uses.
        }
      }
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }
}
