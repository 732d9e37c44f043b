package dev.invitriage.ssh;

import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The keys allowed in, read from the product's own OpenSSH-format authorized_keys file (never the
 * server user's {@code ~/.ssh/authorized_keys}). A key's comment names its person. The file is
 * refused when missing, without keys, writable by group or others, or with a line that is not a
 * key or has options this server cannot honour ({@code from=}, {@code command=}, ...).
 *
 * @param file where the keys were read from
 * @param keys every key with the name it stands for
 */
public record AuthorizedKeys(Path file, List<Key> keys) {
  /** Options that restrict only what this server never offers (forwarding, rc files): harmless. */
  private static final Set<String> HARMLESS_OPTIONS =
      Set.of("restrict", "no-port-forwarding", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc");

  /**
   * One allowed key.
   *
   * @param name the key's comment (made safe for a terminal), else its fingerprint
   */
  public record Key(PublicKey publicKey, String name) {}

  public AuthorizedKeys {
    keys = List.copyOf(keys);
  }

  /** Reads and checks the file; throws a one-line BAD_INPUT or IO error when it is unusable. */
  public static AuthorizedKeys read(Path file) {
    refuseIfWritableByOthers(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw missing(file);
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot read: " + e.getMessage(), e);
    }
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String where = file + ":" + (i + 1) + ": ";
      AuthorizedKeyEntry entry;
      PublicKey key;
      try {
        entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(lines.get(i));
        if (entry == null) {
          continue;
        }
        key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
      } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
        throw InvitriageException.badInput(where + "not an OpenSSH public key");
      }
      if (key == null) {
        throw InvitriageException.badInput(where + "unsupported key type " + TerminalText.sanitize(entry.getKeyType()));
      }
      for (String option : entry.getLoginOptions().keySet()) {
        if (!HARMLESS_OPTIONS.contains(option.toLowerCase(Locale.ROOT))) {
          throw InvitriageException.badInput(where + "option " + TerminalText.sanitize(option)
              + " is not supported here: remove it");
        }
      }
      keys.add(new Key(key, nameOf(entry.getComment(), key)));
    }
    if (keys.isEmpty()) {
      throw InvitriageException.badInput(file + ": no keys: add the public keys allowed to connect, one a line"
          + " (ssh-ed25519 AAAA... name)");
    }
    return new AuthorizedKeys(file, keys);
  }

  /** The allowed key equal to {@code key}, if any. */
  public Optional<Key> find(PublicKey key) {
    for (Key k : keys) {
      if (KeyUtils.compareKeys(k.publicKey(), key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The key's SHA256 fingerprint, as ssh-keygen prints it. */
  public static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
  }

  private static String nameOf(String comment, PublicKey key) {
    String name = comment == null ? "" : TerminalText.sanitize(comment).strip();
    if (name.isEmpty()) {
      name = fingerprint(key);
    }
    // The name sits in the status bar beside other text: keep it short.
    return name.length() > 32 ? name.substring(0, 31) + "…" : name;
  }

  private static InvitriageException missing(Path file) {
    return InvitriageException.badInput(file + ": not found: create it with the public keys allowed to connect"
        + " (OpenSSH format, one a line), then chmod 600 it");
  }

  private static void refuseIfWritableByOthers(Path file) {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (NoSuchFileException e) {
      throw missing(file);
    } catch (UnsupportedOperationException e) {
      return;
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot read: " + e.getMessage(), e);
    }
    if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      // Anyone who can write this file can let themselves in: refuse, like sshd's StrictModes.
      throw InvitriageException.badInput(file + ": writable by group or others: run chmod go-w " + file);
    }
  }
}
