package dev.invitriage.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.ssh.HostKey;
import dev.invitriage.ssh.ServerOptions;
import dev.invitriage.ssh.TriageServer;
import dev.invitriage.ui.InboxUi;
import dev.invitriage.ui.UiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training runs the launcher records its class-data archives from (see {@code
 * src/main/dist/invitriage}), each on a small store in a temporary directory: {@code Training
 * short}, the commands people run most, in this process; {@code Training inbox}, the full-screen
 * inbox alone, on a store another JVM imports (the import's classes, the classifier's among them,
 * would make its archive a third larger, and mapping it slower: the inbox builds its classifier
 * after its first frame); {@code Training full}, the short commands, the inbox and the SSH
 * server, for the commands that open them. Touches nothing of the user's: every XDG directory
 * points into the temporary one.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String kind = args.length > 0 ? args[0] : "short";
    Path dir = Files.createTempDirectory("invitriage-training");
    try {
      Path invitations = dir.resolve("Invitations.csv");
      Files.writeString(invitations, invitations(), StandardCharsets.UTF_8);
      String db = dir.resolve("inbox.db").toString();
      Map<String, String> env = Map.of(
          "HOME", dir.toString(),
          "XDG_CONFIG_HOME", dir.resolve("config").toString(),
          "XDG_DATA_HOME", dir.resolve("data").toString());
      if (kind.equals("inbox")) {
        importInAnotherJvm(env, db, invitations);
        run(env, "--db", db, "stats"); // the way in that the inbox's command line shares with stats
        inboxAndServer(dir, env, Path.of(db), false);
        return;
      }
      run(env, "--version");
      run(env, "--help");
      run(env, "import", "--db", db, invitations.toString());
      run(env, "stats", "--db", db);
      run(env, "list", "--db", db);
      run(env, "list", "--db", db, "--offenders", "--format", "json");
      run(env, "export", "--db", db, "--format", "csv", "--output", dir.resolve("out.csv").toString());
      run(env, "client", "list", "--db", db);
      run(env, "classify", "--explain", "Hi Anna, I'd like to add you to my professional network.");
      run(env, "db", "check", "--db", db);
      if (kind.equals("full")) {
        inboxAndServer(dir, env, Path.of(db), true);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void importInAnotherJvm(Map<String, String> env, String db, Path invitations)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "import", "--db", db, invitations.toString());
    pb.environment().putAll(env);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    int code = pb.start().waitFor();
    if (code != 0) {
      throw new IOException("the training store's import failed (exit " + code + ")");
    }
  }

  /**
   * The full-screen inbox drawing frames on a virtual terminal, and with {@code server} the SSH
   * server starting and stopping: their classes (Lanterna, MINA SSHD, the crypto) are most of what
   * a first frame and a server's start load. The tty's own terminal class is loaded without a tty
   * to set up.
   */
  private static void inboxAndServer(Path dir, Map<String, String> env, Path db, boolean server) throws IOException {
    Clock clock = Clock.systemUTC();
    PhraseBook phrases = new PhraseBook(dir.resolve("phrases.txt"));
    try (App app = App.open(db, phrases, clock, notice -> { }, App.Use.INBOX)) {
      UiSettings ui = UiSettings.load(env, null, dir, clock);
      DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 30));
      for (char key : "jjkG".toCharArray()) {
        terminal.addInput(new KeyStroke(key, false, false));
      }
      terminal.addInput(new KeyStroke('q', false, false));
      InboxUi.run(terminal, app, ui);
      if (server) {
        HostKey host = HostKey.loadOrCreate(dir.resolve("host_key"));
        Path keys = dir.resolve("authorized_keys");
        Files.writeString(keys, host.publicKeyLine() + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        ServerOptions options = new ServerOptions(new InetSocketAddress("127.0.0.1", 0), keys, host.file(), 1,
            Duration.ofMinutes(1), ServerOptions.READ_ONLY_COMMANDS);
        TriageServer.start(options, app, ui, (args, e, tty, out, err) -> ExitCodes.OK, line -> { }).close();
      }
    }
    try {
      Class.forName(TtyTerminal.class.getName());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(Map<String, String> env, String... args) {
    StringWriter sink = new StringWriter();
    Context context = new Context(env, InputStream.nullInputStream(), false, 0, Clock.systemUTC());
    Cli.run(context, new PrintWriter(sink), new PrintWriter(sink), args);
  }

  /** A small export in LinkedIn's format: every verdict, both directions. */
  private static String invitations() {
    String[] notes = {
      "", "I'd like to add you to my professional network on LinkedIn.",
      "Hi Anna, let's connect!", "We met at the Kraków Rust meetup; I'd love to continue our chat.",
      "Je souhaiterais vous inviter à rejoindre mon réseau professionnel sur LinkedIn.",
      "Hallo Anna, wir haben uns auf der JavaLand getroffen - lass uns in Kontakt bleiben.",
    };
    StringBuilder csv = new StringBuilder(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for (int i = 0; i < 60; i++) {
      boolean outgoing = i % 7 == 0;
      String other = "Person" + i + " Example";
      csv.append(outgoing ? "Anna Nowak" : other).append(',')
          .append(outgoing ? other : "Anna Nowak").append(',')
          .append("\"10/").append(1 + i % 28).append("/26, 8:26 PM\",")
          .append('"').append(notes[i % notes.length].replace("\"", "\"\"")).append("\",")
          .append(outgoing ? "OUTGOING" : "INCOMING").append(',')
          .append("https://www.linkedin.com/in/").append(outgoing ? "anna-nowak" : "person-" + i).append(',')
          .append("https://www.linkedin.com/in/").append(outgoing ? "person-" + i : "anna-nowak").append('\n');
    }
    return csv.toString();
  }
}
