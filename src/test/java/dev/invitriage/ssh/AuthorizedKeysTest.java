package dev.invitriage.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.InvitriageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which authorized_keys files the server refuses to start with, and what it reads from a good one. */
class AuthorizedKeysTest {
  @TempDir Path dir;

  Path file(String text, String mode) throws Exception {
    Path f = dir.resolve("authorized_keys");
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  String keyLine() throws Exception {
    return PublicKeyEntry.toString(SshFixture.newKey().getPublic());
  }

  @Test
  void aMissingFileIsRefused() {
    assertThatThrownBy(() -> AuthorizedKeys.read(dir.resolve("authorized_keys")))
        .isInstanceOf(InvitriageException.class)
        .hasMessageEndingWith("authorized_keys: not found: create it with the public keys allowed to connect"
            + " (OpenSSH format, one a line), then chmod 600 it")
        .extracting(e -> ((InvitriageException) e).kind()).isEqualTo(InvitriageException.Kind.BAD_INPUT);
  }

  @Test
  void aFileWithOnlyCommentsIsRefused() throws Exception {
    assertThatThrownBy(() -> AuthorizedKeys.read(file("# nobody yet\n\n", "rw-------")))
        .isInstanceOf(InvitriageException.class).hasMessageContaining("no keys");
  }

  @Test
  void aGroupWritableFileIsRefused() throws Exception {
    assertThatThrownBy(() -> AuthorizedKeys.read(file(keyLine() + " alice\n", "rw-rw----")))
        .isInstanceOf(InvitriageException.class).hasMessageContaining("writable by group or others: run chmod go-w");
  }

  @Test
  void aWorldWritableFileIsRefused() throws Exception {
    assertThatThrownBy(() -> AuthorizedKeys.read(file(keyLine() + " alice\n", "rw-r--rw-")))
        .isInstanceOf(InvitriageException.class).hasMessageContaining("writable by group or others");
  }

  @Test
  void aBrokenLineIsRefusedWithItsNumber() throws Exception {
    assertThatThrownBy(() -> AuthorizedKeys.read(file(keyLine() + " alice\nssh-ed25519 notbase64!\n", "rw-------")))
        .isInstanceOf(InvitriageException.class).hasMessageEndingWith("authorized_keys:2: not an OpenSSH public key");
  }

  @Test
  void optionsThisServerCannotHonourAreRefused() throws Exception {
    assertThatThrownBy(() -> AuthorizedKeys.read(file("from=\"10.0.0.1\" " + keyLine() + " alice\n", "rw-------")))
        .isInstanceOf(InvitriageException.class).hasMessageContaining(":1: option from is not supported here");
  }

  @Test
  void eachKeyIsNamedByItsCommentElseItsFingerprint() throws Exception {
    String withName = keyLine();
    String unnamed = keyLine();
    AuthorizedKeys keys = AuthorizedKeys.read(file("# team\n" + withName + " Alice Example\nrestrict " + unnamed + "\n", "rw-r--r--"));
    assertThat(keys.keys()).extracting(AuthorizedKeys.Key::name)
        .first().isEqualTo("Alice Example");
    assertThat(keys.keys().get(1).name()).startsWith("SHA256:");
  }

  @Test
  void failuresAreFreeAtFirstThenDoubleUpToACap() {
    assertThat(KeyAuthenticator.delayAfter(1)).isZero();
    assertThat(KeyAuthenticator.delayAfter(3)).isZero();
    assertThat(KeyAuthenticator.delayAfter(4)).hasMillis(250);
    assertThat(KeyAuthenticator.delayAfter(5)).hasMillis(500);
    assertThat(KeyAuthenticator.delayAfter(6)).hasMillis(1000);
    assertThat(KeyAuthenticator.delayAfter(100)).isEqualTo(KeyAuthenticator.MAX_DELAY);
  }
}
