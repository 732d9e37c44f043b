package dev.invitriage.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.cli.Cli;
import dev.invitriage.cli.Context;
import dev.invitriage.ui.KeyMap;
import dev.invitriage.ui.Theme;
import dev.invitriage.ui.UiSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * A server on a free loopback port over a store holding the sample data, one authorized key
 * (named "alice"), and MINA's own client to talk to it.
 */
final class SshFixture implements AutoCloseable {
  static final Path SAMPLE = Path.of("sample-data");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final Path dir;
  final KeyPair alice;
  final Path authorizedKeys;
  /**
   * The server's log lines. Written by the server's threads while a test reads it: a synchronized
   * list's iterator is not (a test's stream over it met a line being added).
   */
  final List<String> log = new CopyOnWriteArrayList<>();
  App app;
  TriageServer server;
  SshClient client;

  SshFixture(Path dir) throws Exception {
    this.dir = dir;
    this.alice = newKey();
    this.authorizedKeys = dir.resolve("authorized_keys");
    writeKeys(authorizedKeys, PublicKeyEntry.toString(alice.getPublic()) + " alice\n");
    Path store = dir.resolve("inbox.db");
    app = App.open(store, new PhraseBook(dir.resolve("no-phrases.txt")), CLOCK, n -> { });
    app.importFiles(List.of(SAMPLE), false, s -> { });
    app.importClients(SAMPLE.resolve("clients.csv"), false);
  }

  static KeyPair newKey() throws Exception {
    return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
  }

  static void writeKeys(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  ServerOptions options(int maxSessions, Duration idle) {
    return new ServerOptions(InetSocketAddress.createUnresolved("127.0.0.1", 0), authorizedKeys,
        dir.resolve("host/ssh_host_ed25519_key"), maxSessions, idle, ServerOptions.READ_ONLY_COMMANDS);
  }

  SshFixture start() {
    return start(options(8, Duration.ofMinutes(30)));
  }

  SshFixture start(ServerOptions options) {
    UiSettings ui = new UiSettings(Theme.bundled("dark"), KeyMap.defaults(), dir, ZoneOffset.UTC, CLOCK);
    ExecRunner exec = (args, env, terminal, out, err) -> Cli.run(
        new Context(env, InputStream.nullInputStream(), terminal, 0, CLOCK, app), out, err, args.toArray(String[]::new));
    server = TriageServer.start(options, app, ui, exec, log::add);
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    return this;
  }

  int port() {
    return server.address().getPort();
  }

  ClientSession connect() throws IOException {
    return client.connect("pat", "127.0.0.1", port()).verify(TIMEOUT).getSession();
  }

  ClientSession login(KeyPair key) throws IOException {
    ClientSession s = connect();
    s.addPublicKeyIdentity(key);
    s.auth().verify(TIMEOUT);
    return s;
  }

  /** Runs one exec request; returns exit status, stdout and stderr. */
  record Exec(Integer status, String out, String err) {}

  Exec exec(String command) throws IOException {
    try (ClientSession s = login(alice)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try (ChannelExec ch = s.createExecChannel(command)) {
        ch.setOut(out);
        ch.setErr(err);
        ch.open().verify(TIMEOUT);
        ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
        return new Exec(ch.getExitStatus(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      }
    }
  }

  /** An interactive session with a PTY; its screen is read back through {@link AnsiScreen}. */
  final class Shell implements AutoCloseable {
    final ClientSession session;
    final ChannelShell channel;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final AnsiScreen screen;
    final OutputStream keys;

    Shell(KeyPair key, int columns, int rows) throws IOException {
      session = login(key);
      channel = session.createShellChannel();
      channel.setPtyType("xterm-256color");
      channel.setPtyColumns(columns);
      channel.setPtyLines(rows);
      channel.setOut(out);
      channel.setErr(out);
      channel.open().verify(TIMEOUT);
      keys = channel.getInvertedIn();
      screen = new AnsiScreen(out, columns, rows);
    }

    Shell type(String s) throws IOException {
      keys.write(s.getBytes(StandardCharsets.UTF_8));
      keys.flush();
      return this;
    }

    Shell resize(int columns, int rows) throws IOException {
      screen.resize(columns, rows);
      channel.sendWindowChange(columns, rows);
      return this;
    }

    String waitFor(String what, Predicate<String> condition) {
      long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
      String last = "";
      while (System.currentTimeMillis() < deadline) {
        last = screen.text();
        if (condition.test(last)) {
          return last;
        }
        sleep(20);
      }
      throw new AssertionError("timed out waiting for " + what + "; screen:\n" + last);
    }

    String waitFor(String text) {
      return waitFor("'" + text + "'", s -> s.contains(text));
    }

    String raw() {
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }

    boolean closedWithin(Duration d) {
      return channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), d).contains(ClientChannelEvent.CLOSED);
    }

    @Override
    public void close() throws IOException {
      channel.close(true);
      session.close(true);
    }
  }

  Shell shell(int columns, int rows) throws IOException {
    return new Shell(alice, columns, rows);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void waitUntil(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      sleep(20);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  @Override
  public void close() throws IOException {
    if (client != null) {
      client.stop();
    }
    if (server != null) {
      server.close();
    }
    if (app != null) {
      app.close();
    }
  }
}
