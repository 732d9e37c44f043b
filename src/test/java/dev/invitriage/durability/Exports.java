package dev.invitriage.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic LinkedIn exports for the crash and fault tests: folders {@code export-0},
 * {@code export-1}, … each holding an Invitations.csv (current layout, outgoing rows first, newest
 * first, quoted dates, commas, quotes, line breaks, emoji and non-Latin names) and a
 * Connections.csv with its notes preamble. Consecutive exports overlap, as real ones taken months
 * apart do, so re-imports must dedupe.
 */
final class Exports {
  private Exports() {}

  static final String INVITATIONS_HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
  private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("M/d/yy, h:mm a", Locale.US);
  private static final DateTimeFormatter CONNECTED_ON = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.US);
  private static final String[] FIRST = {"Ana", "Bo", "Cara", "Dev", "Émile", "Fatima", "Gu", "Hana", "Ivan", "Jo", "Kwame", "Lin", "Мария", "李", "Zoë 🚀"};
  private static final String[] MESSAGES = {
    "",
    "",
    "",
    "I'd like to add you to my professional network on LinkedIn.",
    "I'd like to add you to my professional network on LinkedIn. - %s",
    "Hi, I’d like to join your LinkedIn network.",
    "Hi Pat, we met at the Lisbon Java meetup, would love to stay in touch.",
    "Pat, loved your talk on \"durable\" storage; can we talk, maybe next week?",
    "Hello!\nWe worked together at Acme in 2019.\nBest, %s",
    "Recruiting for a senior role 🚀 — interested?",
  };

  /** The folder of export {@code k} under {@code root}. */
  static Path folder(Path root, int k) {
    return root.resolve("export-" + k);
  }

  /**
   * Writes {@code count} exports of {@code rows} invitations each; export k covers people
   * {@code k*rows/2 .. k*rows/2+rows-1}, so each shares half its rows with the one before.
   */
  static List<Path> write(Path root, int count, int rows) {
    List<Path> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      Path dir = folder(root, k);
      try {
        Files.createDirectories(dir);
        int from = k * rows / 2;
        Files.writeString(dir.resolve("Invitations.csv"), invitations(from, rows), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Connections.csv"), connections(from, rows), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.add(dir);
    }
    return out;
  }

  /** An Invitations.csv of people {@code from .. from+rows-1}. */
  static String invitations(int from, int rows) {
    StringBuilder outgoing = new StringBuilder();
    StringBuilder incoming = new StringBuilder();
    for (int p = from + rows - 1; p >= from; p--) {
      Random r = new Random(p);
      String name = name(p);
      String url = url(p);
      String sent = SENT_AT.format(LocalDateTime.of(2022, 1, 1, 0, 0).plusMinutes(37L * p));
      if (p % 10 == 0) {
        outgoing.append("Pat User,").append(csv(name)).append(",\"").append(sent).append("\",,OUTGOING,")
            .append("https://www.linkedin.com/in/pat-user,").append(url).append('\n');
      } else {
        String message = String.format(MESSAGES[r.nextInt(MESSAGES.length)], name);
        // A few senders hide their profile: no URL, matched by name only.
        String fromUrl = p % 97 == 5 ? "" : url;
        incoming.append(csv(name)).append(",Pat User,\"").append(sent).append("\",").append(csv(message))
            .append(",INCOMING,").append(fromUrl).append(",https://www.linkedin.com/in/pat-user\n");
      }
    }
    return INVITATIONS_HEADER + outgoing + incoming;
  }

  /** A Connections.csv holding every seventh person of the range, and one hidden profile. */
  static String connections(int from, int rows) {
    StringBuilder sb = new StringBuilder("Notes:\n\"When exporting your connection data, you may notice that some of the"
        + " email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for (int p = from; p < from + rows; p++) {
      if (p % 7 == 3) {
        String[] parts = name(p).split(" ", 2);
        sb.append(csv(parts[0])).append(',').append(csv(parts[1])).append(',').append(url(p)).append(",,")
            .append(csv("Acme, Inc.")).append(",Engineer,").append(CONNECTED_ON.format(LocalDateTime.of(2023, 1, 1, 0, 0).plusDays(p % 700)))
            .append('\n');
      }
    }
    sb.append(",,,,,,07 Nov 2024");
    return sb.toString();
  }

  static String name(int p) {
    return FIRST[p % FIRST.length] + " Person" + p;
  }

  static String url(int p) {
    return "https://www.linkedin.com/in/person-" + p;
  }

  private static String csv(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }
}
