package dev.invitriage.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.app.EntryFilter;
import dev.invitriage.domain.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in-process, driven by MINA's own client over a loopback port. */
class TriageServerTest {
  @TempDir java.nio.file.Path dir;
  SshFixture ssh;

  @BeforeEach
  void setUp() throws Exception {
    ssh = new SshFixture(dir);
  }

  @AfterEach
  void tearDown() throws IOException {
    ssh.close();
  }

  @Test
  void anUnknownKeyIsRefused() throws Exception {
    ssh.start();
    try (ClientSession s = ssh.connect()) {
      s.addPublicKeyIdentity(SshFixture.newKey());
      assertThatThrownBy(() -> s.auth().verify(SshFixture.TIMEOUT)).isInstanceOf(SshException.class);
    }
    assertThat(ssh.log).anyMatch(l -> l.startsWith("authentication refused from 127.0.0.1:") && l.contains("unknown key SHA256:"));
  }

  @Test
  void passwordsAreNotEvenOffered() throws Exception {
    ssh.start();
    try (ClientSession s = ssh.connect()) {
      s.addPasswordIdentity("hunter2");
      assertThatThrownBy(() -> s.auth().verify(SshFixture.TIMEOUT))
          .isInstanceOf(SshException.class)
          .hasMessageContaining("No more authentication methods available");
    }
  }

  @Test
  void theKnownKeyLogsInAndItsCommentNamesThePerson() throws Exception {
    ssh.start();
    try (SshFixture.Shell shell = ssh.shell(100, 30)) {
      String screen = shell.waitFor("Pending 1/56");
      assertThat(screen).contains("alice · ? help");
    }
    assertThat(ssh.log).anyMatch(l -> l.startsWith("connection from 127.0.0.1:"));
    assertThat(ssh.log).anyMatch(l -> l.startsWith("authenticated alice (user pat) from 127.0.0.1:"));
    assertThat(ssh.log).anyMatch(l -> l.startsWith("session 1 start: alice from 127.0.0.1:") && l.contains("xterm-256color, 100x30"));
  }

  /**
   * Over SSH a browser would open on the server: o puts the profile's address on the client's
   * clipboard, one OSC 52 sequence carrying exactly that address, and shows it.
   */
  @Test
  void oCopiesTheProfileAddressToTheClientsClipboardWithOneOsc52Sequence() throws Exception {
    ssh.start();
    try (SshFixture.Shell shell = ssh.shell(100, 30)) {
      shell.waitFor("Pending 1/56");
      shell.type("o");
      shell.waitFor("copied to your clipboard: https://www.linkedin.com/in/dana-whitfield");
      String raw = shell.raw();
      String osc = "\u001b]52;";
      assertThat(raw.indexOf(osc)).isNotNegative();
      assertThat(raw.indexOf(osc, raw.indexOf(osc) + 1)).as("a second OSC 52").isNegative();
      int start = raw.indexOf(osc) + osc.length();
      String payload = raw.substring(start, raw.indexOf('\u0007', start));
      assertThat(payload).startsWith("c;");
      assertThat(new String(java.util.Base64.getDecoder().decode(payload.substring(2)), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("https://www.linkedin.com/in/dana-whitfield");
    }
  }

  @Test
  void aSessionWithoutPtyGetsOneLineAndStatusOne() throws Exception {
    ssh.start();
    try (ClientSession s = ssh.login(ssh.alice); ChannelShell ch = s.createShellChannel()) {
      ch.setUsePty(false);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      ch.setOut(out);
      ch.setErr(err);
      ch.open().verify(SshFixture.TIMEOUT);
      ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), SshFixture.TIMEOUT);
      assertThat(ch.getExitStatus()).isEqualTo(1);
      assertThat(err.toString()).startsWith("invitriage: no terminal: connect with ssh -t").hasLineCount(1);
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void execStatsPrintsTheStats() throws Exception {
    ssh.start();
    SshFixture.Exec r = ssh.exec("stats");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("invitations").contains("offenders").contains("decisions    pending");
    assertThat(ssh.log).anyMatch(l -> l.startsWith("exec 1 by alice from 127.0.0.1:") && l.endsWith(": stats -> exit 0"));
  }

  @Test
  void execExportWritesCsvToTheChannel() throws Exception {
    ssh.start();
    SshFixture.Exec r = ssh.exec("export --format csv");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("id,direction,").contains("Dana Whitfield");
  }

  @Test
  void execImportIsRefused() throws Exception {
    ssh.start();
    SshFixture.Exec r = ssh.exec("import /etc/passwd");
    assertThat(r.status()).isEqualTo(ExecSession.REFUSED);
    assertThat(r.err()).isEqualTo("invitriage: 'import' is not available over ssh; allowed: export, list, stats"
        + " (or no command, for the inbox)\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void execExportToAServerFileIsRefused() throws Exception {
    ssh.start();
    SshFixture.Exec r = ssh.exec("export -o " + dir.resolve("leak.csv"));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("invitriage: -o writes a file on the server");
    assertThat(dir.resolve("leak.csv")).doesNotExist();
  }

  @Test
  void execWithAnotherStoreIsRefused() throws Exception {
    ssh.start();
    SshFixture.Exec r = ssh.exec("list --db /tmp/other.db");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("invitriage: --db cannot be used here");
  }

  @Test
  void aWindowChangeRelaysTheScreenAtTheNewWidth() throws Exception {
    ssh.start();
    try (SshFixture.Shell shell = ssh.shell(100, 30)) {
      shell.waitFor("the status bar at 100 columns", s -> s.lines().anyMatch(l -> l.endsWith("alice · ? help ")));
      shell.resize(170, 30);
      // From 160 columns the detail pane moves to the right of the list, behind a rule.
      String screen = shell.waitFor("the wide layout", s -> s.lines().filter(l -> l.length() == 170)
          .anyMatch(l -> l.endsWith("alice · ? help ")) && s.contains("│"));
      assertThat(screen.lines().filter(l -> l.contains("│")).count()).isGreaterThan(10);
    }
  }

  @Test
  void aDecisionInOneSessionShowsInAnotherWithinOneSecond() throws Exception {
    ssh.start();
    try (SshFixture.Shell a = ssh.shell(100, 30); SshFixture.Shell b = ssh.shell(100, 30)) {
      a.waitFor("Pending 1/56");
      b.waitFor("Pending 1/56");
      a.type("a");
      a.waitFor("Pending 1/55");
      long decided = System.nanoTime();
      b.waitFor("Pending 1/55");
      assertThat(Duration.ofNanos(System.nanoTime() - decided)).isLessThan(Duration.ofSeconds(1));
    }
    assertThat(ssh.app.list(EntryFilter.ALL)).filteredOn(e -> e.decision() == Decision.ACCEPT).hasSize(1);
    ssh.waitUntil("both sessions logged their end", () -> ssh.log.stream().filter(l -> l.contains(" end: alice")).count() == 2);
    assertThat(ssh.log).anyMatch(l -> l.matches("session \\d end: alice, 1 decision in .*"));
  }

  @Test
  void savingANoteChangedInAnotherSessionShowsTheirTextAndAsksFirst() throws Exception {
    ssh.start();
    try (SshFixture.Shell a = ssh.shell(100, 30); SshFixture.Shell b = ssh.shell(100, 30)) {
      a.waitFor("Pending 1/56");
      b.waitFor("Pending 1/56");
      a.type("n");
      a.waitFor("Note: Dana Whitfield");
      b.type("n").waitFor("Note: Dana Whitfield");
      b.type("met at the fair\u0013");
      b.waitFor("note saved");
      a.type("call her\u0013");
      a.waitFor("Changed elsewhere to \"met at the fair\". Overwrite it? y/n/cancel");
      a.type("y");
      a.waitFor("note saved");
    }
    assertThat(ssh.app.list(EntryFilter.ALL)).filteredOn(e -> e.id().hex().startsWith("66bf3550"))
        .singleElement().satisfies(e -> assertThat(e.note()).isEqualTo("call her"));
  }

  @Test
  void ctrlCEndsOnlyThatSession() throws Exception {
    ssh.start();
    try (SshFixture.Shell shell = ssh.shell(100, 30)) {
      shell.waitFor("Pending 1/56");
      shell.type("\u0003");
      assertThat(shell.closedWithin(SshFixture.TIMEOUT)).isTrue();
      assertThat(shell.channel.getExitStatus()).isZero();
    }
    assertThat(ssh.exec("stats").status()).isZero();
  }

  @Test
  void anIdleConnectionIsClosed() throws Exception {
    ssh.start(ssh.options(8, Duration.ofSeconds(1)));
    try (SshFixture.Shell shell = ssh.shell(100, 30)) {
      shell.waitFor("Pending 1/56");
      assertThat(shell.closedWithin(Duration.ofSeconds(8))).isTrue();
    }
    ssh.waitUntil("the session ended", () -> ssh.server.sessionCount() == 0);
  }

  @Test
  void sessionsBeyondTheMaximumAreRefused() throws Exception {
    ssh.start(ssh.options(1, Duration.ofMinutes(30)));
    try (SshFixture.Shell shell = ssh.shell(100, 30)) {
      shell.waitFor("Pending 1/56");
      SshFixture.Exec r = ssh.exec("stats");
      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("invitriage: too many sessions (at most 1): try again later\n");
      try (SshFixture.Shell second = ssh.shell(100, 30)) {
        assertThat(second.closedWithin(SshFixture.TIMEOUT)).isTrue();
        assertThat(second.raw()).contains("too many sessions");
      }
    }
  }

  @Test
  void shuttingDownEndsSessionsWithAMessage() throws Exception {
    ssh.start();
    try (SshFixture.Shell shell = ssh.shell(100, 30)) {
      shell.waitFor("Pending 1/56");
      ssh.server.close();
      assertThat(shell.closedWithin(SshFixture.TIMEOUT)).isTrue();
      assertThat(shell.raw()).contains("invitriage: the server is shutting down");
    }
  }

  @Test
  void theHostKeyIsKeptAcrossStarts() throws Exception {
    ssh.start();
    String first = ssh.server.hostKey().fingerprint();
    java.nio.file.Path file = ssh.server.hostKey().file();
    ssh.server.close();
    assertThat(first).startsWith("SHA256:").hasSize(7 + 43);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    HostKey again = HostKey.loadOrCreate(file);
    assertThat(again.created()).isFalse();
    assertThat(again.fingerprint()).isEqualTo(first);
  }
}
