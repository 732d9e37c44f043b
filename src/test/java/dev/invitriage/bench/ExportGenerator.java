package dev.invitriage.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a realistic LinkedIn data export of any size, the same bytes for the same size and seed:
 * an unpacked folder ({@code export/Invitations.csv}, {@code export/Connections.csv}) and the zip
 * LinkedIn sends. The mix follows {@code shared/linkedin-export-format.md}: about 40% empty notes,
 * 25% default texts in every language with greeting, sign-off, apostrophe, entity, case, spacing
 * and emoji noise, 5% mass templates (the same text from many senders), 30% personal notes of 50
 * to 600 characters in Latin, Cyrillic, CJK and Arabic script, 10% outgoing; realistic names (with
 * commas, emoji, other scripts, mathematical letters, odd spaces), profile URLs (raw Unicode here,
 * percent-encoded in Connections.csv, a few missing or redacted) and some connections.
 */
public final class ExportGenerator {
  /** Bumped whenever the output changes, so cached data made by an older generator is remade. */
  static final int VERSION = 3;

  static final String USER_NAME = "Mira Sørensen";
  static final String USER_URL = "https://www.linkedin.com/in/mira-sorensen";
  static final String ZIP_NAME = "Basic_LinkedInDataExport_11-28-2026.zip";
  static final String INVITATIONS_HEADER =
      "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";
  static final String CONNECTIONS_PREAMBLE = "Notes:\n"
      + "\"When exporting your connection data, you may notice that some of the email addresses are missing."
      + " You will only see email addresses for connections who have allowed their connections to see or"
      + " download their email address using this setting https://www.linkedin.com/psettings/privacy/email."
      + " You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n"
      + "\n"
      + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

  private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("M/d/yy, h:mm a", Locale.US);
  private static final DateTimeFormatter CONNECTED_ON = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.US);
  private static final LocalDateTime NEWEST = LocalDateTime.of(2026, 11, 27, 21, 14);

  /** Where one generated export lives. */
  public record Export(Path folder, Path zip, Path invitationsCsv, int size, long seed) { }

  /** What kind of note a row carries, in the proportions of the realistic mix. */
  enum Kind { EMPTY, DEFAULT, TEMPLATE, GENERIC, PERSONAL }

  /** One Invitations.csv row, its kind, and (for some incoming rows) a Connections.csv row. */
  record Row(String from, String to, String sentAt, String message, String direction, String inviterUrl,
      String inviteeUrl, Kind kind, String connection) {

    /** Who wrote the note: the From column, as the store hands it to the classifier. */
    String senderName() {
      return from;
    }

    /** Whom the note is for: the To column, as the store hands it to the classifier. */
    String recipientName() {
      return to;
    }
  }

  private ExportGenerator() { }

  /**
   * The export of {@code size} invitations for {@code seed} under {@code root}, generated only when
   * not already there (a marker file is written last, so a half-written export is remade).
   */
  public static Export ensure(Path root, int size, long seed) {
    Path dir = root.resolve("invitations-" + size + "-seed" + seed + "-v" + VERSION);
    Export export = new Export(dir.resolve("export"), dir.resolve(ZIP_NAME), dir.resolve("export").resolve("Invitations.csv"),
        size, seed);
    Path done = dir.resolve(".complete");
    if (Files.exists(done)) {
      return export;
    }
    try {
      deleteTree(dir);
      Path tmp = root.resolve(dir.getFileName() + ".tmp");
      deleteTree(tmp);
      Files.createDirectories(tmp.resolve("export"));
      write(tmp.resolve("export").resolve("Invitations.csv"), tmp.resolve("export").resolve("Connections.csv"), size, seed);
      zip(tmp.resolve("export"), tmp.resolve(ZIP_NAME));
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(done, "size=" + size + " seed=" + seed + " version=" + VERSION + "\n");
      return export;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes both CSV files, streaming: memory stays small whatever the size. */
  static void write(Path invitations, Path connections, int size, long seed) throws IOException {
    List<String> connectionRows = new ArrayList<>();
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(invitations), StandardCharsets.UTF_8), 1 << 16)) {
      w.write(INVITATIONS_HEADER);
      w.write('\n');
      Rows rows = new Rows(size, seed);
      StringBuilder line = new StringBuilder(1024);
      while (rows.hasNext()) {
        Row r = rows.next();
        line.setLength(0);
        cell(line, r.from()).append(',');
        cell(line, r.to()).append(',');
        cell(line, r.sentAt()).append(',');
        cell(line, r.message()).append(',');
        line.append(r.direction()).append(',');
        cell(line, r.inviterUrl()).append(',');
        cell(line, r.inviteeUrl()).append('\n');
        w.append(line);
        if (r.connection() != null) {
          connectionRows.add(r.connection());
        }
      }
    }
    // Connections: the invitations' senders that are connections, hidden profiles, and people who
    // never sent an invitation; the last row has no newline, like LinkedIn's.
    SplittableRandom r = new SplittableRandom(seed ^ 0x5EED_C0FFEEL);
    int extra = Math.max(5, size / 50);
    for (int i = 0; i < extra; i++) {
      Person p = Person.random(r, 10_000_000 + i);
      connectionRows.add(connectionRow(p, r));
    }
    for (int i = 0; i < Math.max(2, size / 400); i++) {
      connectionRows.add(",,,,,," + connectedOn(r));
    }
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(connections), StandardCharsets.UTF_8), 1 << 16)) {
      w.write(CONNECTIONS_PREAMBLE);
      for (int i = 0; i < connectionRows.size(); i++) {
        w.write(connectionRows.get(i));
        if (i + 1 < connectionRows.size()) {
          w.write('\n');
        }
      }
    }
  }

  private static void zip(Path folder, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (String name : List.of("Connections.csv", "Invitations.csv")) {
        z.putNextEntry(new ZipEntry(name));
        Files.copy(folder.resolve(name), z);
        z.closeEntry();
      }
    }
  }

  /** The first {@code count} rows' (message, sender, recipient): the classifier benchmark's input. */
  static List<String[]> notes(long seed, int count) {
    List<String[]> out = new ArrayList<>(count);
    Rows rows = new Rows(count, seed);
    while (rows.hasNext()) {
      Row r = rows.next();
      out.add(new String[] {r.message(), r.senderName(), r.recipientName()});
    }
    return out;
  }

  // ---------------------------------------------------------------- rows

  /** The rows of one export in file order: every OUTGOING row, then every INCOMING, each newest first. */
  static final class Rows {
    private final int size;
    private final int outgoing;
    private final SplittableRandom r;
    private int i;
    private LocalDateTime at = NEWEST;

    Rows(int size, long seed) {
      this.size = size;
      this.outgoing = size / 10;
      this.r = new SplittableRandom(seed);
    }

    boolean hasNext() {
      return i < size;
    }

    Row next() {
      int n = i++;
      if (n == outgoing) {
        at = NEWEST; // the incoming block starts again at the newest
      }
      // Strictly older than the row before: every (person, minute) is distinct, so is every id.
      at = at.minusMinutes(1 + r.nextInt(8));
      String sentAt = SENT_AT.format(at);
      boolean out = n < outgoing;
      Person other = Person.random(r, n);
      int p = r.nextInt(100);
      Kind kind = p < 40 ? Kind.EMPTY : p < 65 ? Kind.DEFAULT : p < 70 ? Kind.TEMPLATE
          : p < 75 ? Kind.GENERIC : Kind.PERSONAL;
      String message = switch (kind) {
        case EMPTY -> Notes.empty(r);
        case DEFAULT -> Notes.defaultText(r, out ? other.first() : "Mira", out ? USER_NAME : other.display());
        case TEMPLATE -> Notes.template(r, out ? other.first() : "Mira", out ? USER_NAME : other.display());
        case GENERIC -> Notes.generic(r, out ? other.first() : "Mira", out ? USER_NAME : other.display());
        case PERSONAL -> Notes.personal(r, out ? other.first() : "Mira");
      };
      if (out) {
        boolean email = r.nextInt(20) == 0;
        String to = email ? other.email() : other.display();
        return new Row(USER_NAME, to, sentAt, message, "OUTGOING", USER_URL, email ? "" : other.url(), kind, null);
      }
      String connection = other.hasUrl() && r.nextInt(33) == 0 ? connectionRow(other, r) : null;
      return new Row(other.display(), USER_NAME, sentAt, message, "INCOMING", other.url(), USER_URL, kind, connection);
    }
  }

  private static String connectionRow(Person p, SplittableRandom r) {
    StringBuilder b = new StringBuilder(160);
    cell(b, p.first()).append(',');
    cell(b, p.lastForConnections()).append(',');
    cell(b, p.percentEncodedUrl()).append(',');
    cell(b, r.nextInt(10) == 0 ? p.email() : "").append(',');
    cell(b, pick(r, Pools.COMPANIES)).append(',');
    cell(b, pick(r, Pools.POSITIONS)).append(',');
    b.append(connectedOn(r));
    return b.toString();
  }

  private static String connectedOn(SplittableRandom r) {
    return CONNECTED_ON.format(NEWEST.minusDays(r.nextInt(3000)));
  }

  /** RFC 4180 minimal quoting: only a cell holding a comma, quote or line break is quoted. */
  static StringBuilder cell(StringBuilder b, String s) {
    boolean quote = false;
    for (int k = 0; k < s.length() && !quote; k++) {
      char c = s.charAt(k);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return b.append(s);
    }
    b.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    return b.append('"');
  }

  static String pick(SplittableRandom r, String[] pool) {
    return pool[r.nextInt(pool.length)];
  }

  // ---------------------------------------------------------------- people

  /** Someone in the export: a name in one of several scripts, and a profile URL slug. */
  record Person(String first, String last, String display, String slug, boolean ascii, int urlKind) {

    static Person random(SplittableRandom r, int serial) {
      int script = r.nextInt(100);
      String[][] pool = script < 62 ? Pools.LATIN : script < 72 ? Pools.CYRILLIC : script < 82 ? Pools.CJK
          : script < 90 ? Pools.ARABIC : Pools.INDIAN;
      String first = pick(r, pool[0]);
      String last = pick(r, pool[1]);
      boolean ascii = pool == Pools.LATIN || pool == Pools.INDIAN;
      String display = pool == Pools.CJK && r.nextBoolean() ? last + first : first + " " + last;
      int noise = r.nextInt(100);
      if (noise < 3) {
        display = display + ", " + pick(r, Pools.SUFFIXES); // "Chavez, MBA": quoted in the CSV
      } else if (noise < 5) {
        display = display + " " + pick(r, Pools.NAME_EMOJI);
      } else if (noise < 6) {
        display = Pools.mathScript(first) + " " + last;
      } else if (noise < 8) {
        display = first + "  " + last; // a double space
      } else if (noise < 9) {
        display = display + " "; // a trailing space
      } else if (noise < 10) {
        display = "Dr. " + display;
      }
      String base = ascii ? Pools.asciiSlug(first + "-" + last) : (first + "-" + last).toLowerCase(Locale.ROOT).replace(' ', '-');
      // Slugs are unique per person, as LinkedIn's are: a name plus a short suffix.
      String slug = base + "-" + Integer.toHexString(mix(serial) & 0x7fffffff);
      int u = r.nextInt(1000);
      int urlKind = u < 10 ? 0 : u < 13 ? 1 : 2; // 1% missing, 0.3% redacted, the rest real
      return new Person(first, last, display, slug, ascii, urlKind);
    }

    boolean hasUrl() {
      return urlKind == 2;
    }

    String url() {
      return switch (urlKind) {
        case 0 -> "";
        case 1 -> "https://www.linkedin.com/in";
        default -> "https://www.linkedin.com/in/" + slug;
      };
    }

    /** Connections.csv percent-encodes non-ASCII slugs; Invitations.csv keeps them raw. */
    String percentEncodedUrl() {
      return "https://www.linkedin.com/in/" + (ascii ? slug : URLEncoder.encode(slug, StandardCharsets.UTF_8));
    }

    String lastForConnections() {
      return display.endsWith(", MBA") ? last + ", MBA" : last;
    }

    String email() {
      return Pools.asciiSlug(first + "." + last).replace('-', '.') + "@example.com";
    }
  }

  static int mix(int x) {
    int h = x * 0x9E3779B1;
    h ^= h >>> 15;
    h *= 0x85EBCA77;
    return h ^ (h >>> 13);
  }

  // ---------------------------------------------------------------- notes

  /** The four kinds of note, each drawn from {@link Pools}. */
  static final class Notes {
    private Notes() { }

    static String empty(SplittableRandom r) {
      return switch (r.nextInt(20)) {
        case 0 -> " ";
        case 1 -> "\u200B";
        case 2 -> "   ";
        default -> "";
      };
    }

    /** A default text in any language, wrapped in greeting, sign-off and typing noise. */
    static String defaultText(SplittableRandom r, String recipientFirst, String sender) {
      String[] d = Pools.DEFAULTS[r.nextInt(Pools.DEFAULTS.length)];
      String lang = d[0];
      String text = d[1].replace("<name>", recipientFirst).replace("<group>", pick(r, Pools.GROUPS))
          .replace("<sender>", sender.strip());
      StringBuilder b = new StringBuilder(160);
      if (!d[1].startsWith("<name>") && !d[1].startsWith("Hi ") && !d[1].startsWith("Bonjour") && r.nextInt(3) == 0) {
        b.append(greeting(r, lang, recipientFirst));
      }
      // Apostrophes: straight, curly, HTML entity, acute accent.
      switch (r.nextInt(6)) {
        case 0 -> text = text.replace("'", "’");
        case 1 -> text = text.replace("'", "&#39;");
        case 2 -> text = text.replace("'", "´");
        default -> { }
      }
      switch (r.nextInt(12)) {
        case 0 -> text = text.toLowerCase(Locale.ROOT);
        case 1 -> text = text.toUpperCase(Locale.ROOT);
        case 2 -> text = text.replace(" ", "  ");
        case 3 -> text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        case 4 -> text = text.endsWith(".") ? text.substring(0, text.length() - 1) + "!!!" : text + "!!";
        default -> { }
      }
      b.append(text);
      int s = r.nextInt(10);
      if (s < 3) {
        b.append(" - ").append(sender.strip());
      } else if (s < 4) {
        b.append(' ').append(pick(r, Pools.SIGN_OFFS.get(lang))).append(' ').append(sender.strip());
      } else if (s < 5) {
        b.append("\n\n").append(pick(r, Pools.SIGN_OFFS.get(lang))).append('\n').append(sender.strip())
            .append(" | ").append(pick(r, Pools.POSITIONS)).append(" at ").append(pick(r, Pools.COMPANIES));
      }
      int t = r.nextInt(10);
      if (t == 0) {
        b.append(' ').append(pick(r, Pools.NOTE_EMOJI));
      } else if (t == 1) {
        b.append(" ".repeat(1 + r.nextInt(40)));
      }
      return b.toString();
    }

    static String greeting(SplittableRandom r, String lang, String first) {
      String g = pick(r, Pools.GREETINGS.get(lang));
      return g.replace("<name>", first);
    }

    /** A note that says nothing: greetings, stock requests, pleasantries, a signature, in any language. */
    static String generic(SplittableRandom r, String recipientFirst, String sender) {
      String g = Pools.GENERICS[r.nextInt(Pools.GENERICS.length)];
      return g.replace("<name>", recipientFirst).replace("<sender>", sender.strip());
    }

    /** A mass template: one of a few texts sent by many senders, the greeting naming the recipient. */
    static String template(SplittableRandom r, String recipientFirst, String sender) {
      String t = Pools.TEMPLATES[r.nextInt(Pools.TEMPLATES.length)];
      String text = t.replace("<name>", recipientFirst).replace("<sender>", sender.strip().split(" ")[0]);
      return r.nextInt(4) == 0 ? text + "\n" + sender.strip() : text;
    }

    /** A personal note of 50 to 600 characters in one script, line breaks as spaces or real ones. */
    static String personal(SplittableRandom r, String recipientFirst) {
      int script = r.nextInt(100);
      String[] pool = script < 55 ? Pools.PERSONAL_EN : script < 62 ? Pools.PERSONAL_DE : script < 68 ? Pools.PERSONAL_FR
          : script < 73 ? Pools.PERSONAL_ES : script < 82 ? Pools.PERSONAL_RU : script < 91 ? Pools.PERSONAL_CJK
          : Pools.PERSONAL_AR;
      int target = 50 + r.nextInt(551);
      StringBuilder b = new StringBuilder(target + 80);
      if (pool == Pools.PERSONAL_EN && r.nextBoolean()) {
        b.append("Hi ").append(recipientFirst).append(", ");
      }
      while (b.length() < target) {
        b.append(pick(r, pool));
        int sep = r.nextInt(40);
        b.append(sep == 0 ? "\n" : sep == 1 ? "\r\n" : sep < 5 ? "     " : " ");
      }
      int end = target;
      if (Character.isHighSurrogate(b.charAt(end - 1))) {
        end--;
      }
      // Cut mid-sentence, as any length limit does; a cut at a break ends in dots instead.
      char[] cut = b.substring(0, end).toCharArray();
      for (int k = cut.length - 1; k >= 0 && Character.isWhitespace(cut[k]); k--) {
        cut[k] = '.';
      }
      return new String(cut);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
