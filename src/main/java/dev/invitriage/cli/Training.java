package dev.invitriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run the launcher records its class-data archive from (see {@code
 * src/main/dist/invitriage}): the commands people run most, in this process, on a small store in a
 * temporary directory, so that the classes they load are in the archive. Touches nothing of the
 * user's: every XDG directory points into the temporary one.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("invitriage-training");
    try {
      Path invitations = dir.resolve("Invitations.csv");
      Files.writeString(invitations, invitations(), StandardCharsets.UTF_8);
      String db = dir.resolve("inbox.db").toString();
      Map<String, String> env = Map.of(
          "HOME", dir.toString(),
          "XDG_CONFIG_HOME", dir.resolve("config").toString(),
          "XDG_DATA_HOME", dir.resolve("data").toString());
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
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
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
