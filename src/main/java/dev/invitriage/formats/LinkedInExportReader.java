package dev.invitriage.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.RestoredTriage;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads what {@code invitriage import PATH...} is given: LinkedIn data exports (the zip, the
 * unpacked folder, or a single {@code Invitations.csv} / {@code Connections.csv}) and invitriage's
 * own CSV or JSON exports, which come back as {@link RestoredTriage} entries.
 *
 * <p>Files are recognised by their header, never by their name. A zip or folder contributes the
 * LinkedIn files among its top-level CSVs; every other file in it is ignored. Rows are streamed; a
 * zip is read in place and refused once it has expanded past {@value #MAX_EXPANDED_MB} MB. Text is
 * strict UTF-8 (a BOM is dropped; UTF-16 with a BOM is decoded too). Every problem is one {@link
 * InvitriageException} line of the form {@code file:line: what}; with {@code skipBad}, a bad row is
 * reported through the callback instead, but a file that cannot be parsed at all still fails.
 *
 * <p>An invitriage export's records go to {@link ImportBatch#restored()} only, not to {@link
 * ImportBatch#invitations()}: each restored entry carries its invitation.
 */
public final class LinkedInExportReader {

  /** Largest total an export may expand to, in MB (MiB). */
  public static final int MAX_EXPANDED_MB = 200;

  private static final String UNKNOWN_HEADER =
      "unknown header (not a LinkedIn Invitations.csv or Connections.csv)";
  // A JSON string is held to the same limit as a CSV cell (Jackson's own default is 20M chars).
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(CsvGuard.MAX_CELL_CHARS).build())
          .build();

  /** How a file was reached, which decides what to do with one that is not recognised. */
  private enum Mode {
    /** Named on the command line: must be recognised; may be an invitriage export. */
    SINGLE,
    /** Called Invitations.csv or Connections.csv inside a zip or folder: must be recognised. */
    NAMED_MEMBER,
    /** Any other top-level CSV inside a zip or folder: used if recognised, else ignored. */
    OTHER_MEMBER
  }

  private final long maxExpandedBytes;

  public LinkedInExportReader() {
    this(MAX_EXPANDED_MB * 1024L * 1024L);
  }

  /** For tests that want a small limit. */
  LinkedInExportReader(long maxExpandedBytes) {
    this.maxExpandedBytes = maxExpandedBytes;
  }

  /**
   * Reads every path into one batch.
   *
   * @param skipBad store the good rows and report each bad one to {@code skipped} instead of
   *     failing; files that cannot be parsed at all still fail
   * @param skipped receives {@code file:line: what (skipped)} once per skipped row
   * @throws InvitriageException for any problem; nothing else escapes
   */
  public ImportBatch read(List<Path> paths, boolean skipBad, Consumer<String> skipped) {
    List<ImportBatch> parts = new ArrayList<>();
    List<String> sources = read(paths, skipBad, skipped, parts::add);
    List<Invitation> invitations = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    List<RestoredTriage> restored = new ArrayList<>();
    for (ImportBatch p : parts) {
      invitations.addAll(p.invitations());
      connections.addAll(p.connections());
      restored.addAll(p.restored());
    }
    return new ImportBatch(sources, invitations, connections, restored);
  }

  /**
   * Reads like {@link #read(List, boolean, Consumer)} but hands the rows over in parts of at most
   * {@link #PART_SIZE} as it goes, so that memory does not grow with the input.
   *
   * @param parts receives each part (its {@code sources} empty) in file order
   * @return the names of the files read
   */
  public List<String> read(List<Path> paths, boolean skipBad, Consumer<String> skipped, Consumer<ImportBatch> parts) {
    Batch batch = new Batch(skipBad, skipped, parts);
    for (Path path : paths) {
      try {
        readPath(path, batch);
      } catch (InvitriageException e) {
        throw e;
      } catch (UncheckedIOException e) {
        throw InvitriageException.io(path + ": cannot read the file", e);
      } catch (RuntimeException e) {
        // A library failing in a way we did not foresee: still one clean line, cause kept.
        throw new InvitriageException(
            InvitriageException.Kind.BAD_INPUT, path + ": cannot read this file", e);
      }
    }
    batch.flush();
    return List.copyOf(batch.sources);
  }

  /**
   * Rows handed over at a time by the streaming {@code read}, each part one journal entry: at 256
   * a million-row import left 4,000 entries whose headers every later open reads (20 ms of a cold
   * `stats`); 4,096 rows are about a megabyte of memory per part.
   */
  public static final int PART_SIZE = 4096;

  private void readPath(Path path, Batch batch) {
    if (!Files.exists(path)) {
      throw InvitriageException.badInput(path + ": no such file");
    }
    try {
      if (Files.isDirectory(path)) {
        readFolder(path, batch);
      } else if (isZip(path)) {
        readZip(path, batch);
      } else {
        String name = fileName(path);
        try (InputStream in = Files.newInputStream(path)) {
          readStream(in, name, name, Mode.SINGLE, batch);
        }
      }
    } catch (IOException e) {
      throw InvitriageException.io(path + ": cannot read the file", e);
    }
  }

  private void readFolder(Path dir, Batch batch) throws IOException {
    List<Path> csvs;
    try (Stream<Path> files = Files.list(dir)) {
      csvs =
          files.filter(Files::isRegularFile).filter(p -> isCsvName(fileName(p))).sorted().toList();
    }
    boolean found = false;
    for (Path csv : csvs) {
      String name = fileName(csv);
      try (InputStream in = Files.newInputStream(csv)) {
        found |= readStream(in, name, name, memberMode(name), batch);
      }
    }
    if (!found) {
      throw InvitriageException.badInput(
          dir + ": no Invitations.csv or Connections.csv found in this folder");
    }
  }

  private void readZip(Path zip, Batch batch) throws IOException {
    String zipName = fileName(zip);
    ExpansionGuard guard = new ExpansionGuard(zipName);
    boolean anyEntry = false;
    boolean found = false;
    try (ZipInputStream in =
        new ZipInputStream(
            new BufferedInputStream(Files.newInputStream(zip)), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        anyEntry = true;
        String name = entry.getName();
        if (isUnsafe(name)) {
          throw InvitriageException.badInput(
              zipName + ": entry " + Problems.show(name) + " points outside the archive (refused)");
        }
        InputStream counted = guard.wrap(in);
        if (!entry.isDirectory() && !name.contains("/") && isCsvName(name)) {
          found |= readStream(counted, zipName + "!" + name, name, memberMode(name), batch);
        }
        // Count what we did not read too: the limit is on the whole expanded export.
        counted.transferTo(OutputStreamSink.INSTANCE);
      }
    } catch (ZipException | EOFException | IllegalArgumentException e) {
      // EOFException: a truncated archive. IllegalArgumentException: an undecodable entry name.
      throw new InvitriageException(
          InvitriageException.Kind.BAD_INPUT, zipName + ": not a valid zip archive", e);
    }
    if (!anyEntry) {
      throw InvitriageException.badInput(zipName + ": empty zip archive");
    }
    if (!found) {
      throw InvitriageException.badInput(
          zipName + ": no Invitations.csv or Connections.csv found in this archive");
    }
  }

  /**
   * Reads one file's text into the batch.
   *
   * @param where the name used in messages, e.g. {@code export.zip!Invitations.csv}
   * @param source the name recorded in {@link ImportBatch#sources()}
   * @return false when the file was not recognised and its mode says to ignore it
   */
  private boolean readStream(InputStream raw, String where, String source, Mode mode, Batch batch)
      throws IOException {
    BufferedReader text;
    try {
      text = new BufferedReader(StrictTextReader.open(new NonClosing(raw)), 8192);
    } catch (IOException e) {
      throw InvitriageException.io(where + ": cannot read the file", e);
    }
    if (mode == Mode.SINGLE && startsWithBracket(text, where)) {
      readJsonExport(text, where, batch);
      batch.sources.add(batch.invitationSources++, source);
      return true;
    }
    try (CsvRows rows = new CsvRows(where, text)) {
      CsvHeader header;
      try {
        header = CsvHeader.detect(rows);
      } catch (InvitriageException e) {
        if (mode == Mode.OTHER_MEMBER) {
          return false; // not ours, and unreadable too: LinkedIn's other files are none of our
                        // business
        }
        throw e;
      }
      rows.columns(header.columns());
      boolean usable =
          header.kind() == CsvHeader.Kind.INVITATIONS
              || header.kind() == CsvHeader.Kind.CONNECTIONS
              || (header.kind() == CsvHeader.Kind.EXPORT && mode == Mode.SINGLE);
      if (!usable) {
        if (mode == Mode.OTHER_MEMBER) {
          return false;
        }
        String what =
            header.kind() == CsvHeader.Kind.EMPTY
                ? "empty file (not a LinkedIn Invitations.csv or Connections.csv)"
                : UNKNOWN_HEADER;
        throw Problems.at(where + ":" + header.line(), what);
      }
      switch (header.kind()) {
        case INVITATIONS -> readRows(rows, header, batch, this::invitation);
        case CONNECTIONS -> readRows(rows, header, batch, this::connection);
        default -> readRows(rows, header, batch, this::exportRecord);
      }
      // The summary names invitation files first, whatever order a folder or zip lists them in.
      if (header.kind() == CsvHeader.Kind.CONNECTIONS) {
        batch.sources.add(source);
      } else {
        batch.sources.add(batch.invitationSources++, source);
      }
    }
    return true;
  }

  /** Maps one data row into the batch, or throws a bad-input problem for that row. */
  @FunctionalInterface
  private interface RowMapper {
    void map(CsvRows.Row row, CsvHeader header, String where, Batch batch);
  }

  private static void readRows(CsvRows rows, CsvHeader header, Batch batch, RowMapper mapper) {
    for (CsvRows.Row row = rows.nextNonBlank(); row != null; row = rows.nextNonBlank()) {
      String where = rows.file() + ":" + row.line();
      try {
        if (row.size() != header.width()) {
          throw Problems.at(where, "expected " + header.width() + " cells, found " + row.size());
        }
        mapper.map(row, header, where, batch);
      } catch (InvitriageException e) {
        batch.badRow(e);
      }
      batch.flushIfFull();
    }
  }

  private void invitation(CsvRows.Row row, CsvHeader header, String where, Batch batch) {
    String sentText = row.cell(2);
    LocalDateTime sentAt =
        Dates.sentAt(sentText)
            .orElseThrow(
                () ->
                    Problems.field(
                        where, "Sent At", "cannot read date " + Problems.show(sentText)));
    Direction direction = ExportFields.direction(row.cell(4), where, "Direction");
    boolean withUrls = header.width() == CsvHeader.INVITATIONS_NEW.size();
    // inviterProfileUrl belongs to whoever sent the invitation, which is what "From" names, in
    // both directions; only whose profile it is (the user's or the other person's) flips.
    String inviterUrl = withUrls ? row.cell(5) : "";
    String inviteeUrl = withUrls ? row.cell(6) : "";
    batch.invitations.add(
        new Invitation(
            direction, row.cell(0), inviterUrl, row.cell(1), inviteeUrl, sentAt, row.cell(3)));
  }

  private void connection(CsvRows.Row row, CsvHeader header, String where, Batch batch) {
    batch.connections.add(toConnection(row, header, where));
  }

  /** One Connections.csv row; shared with {@link ClientCsvReader}. */
  static Connection toConnection(CsvRows.Row row, CsvHeader header, String where) {
    String dateText = cell(row, header, "Connected On");
    LocalDate connectedOn = null;
    if (!dateText.isBlank()) {
      connectedOn =
          Dates.connectedOn(dateText)
              .orElseThrow(
                  () ->
                      Problems.field(
                          where, "Connected On", "cannot read date " + Problems.show(dateText)));
    }
    // Hidden profiles (",,,,,,07 Nov 2024") are kept: they are real connections that count
    // towards the user's network, and with no name or URL they can never match an invitation.
    return new Connection(
        cell(row, header, "First Name"),
        cell(row, header, "Last Name"),
        cell(row, header, "URL"),
        cell(row, header, "Email Address"),
        cell(row, header, "Company"),
        cell(row, header, "Position"),
        connectedOn);
  }

  private static String cell(CsvRows.Row row, CsvHeader header, String column) {
    int i = header.indexOf(column);
    return i < 0 ? "" : row.cell(i);
  }

  private void exportRecord(CsvRows.Row row, CsvHeader header, String where, Batch batch) {
    batch.restored.add(
        ExportFields.toRestored(
            name -> ExportFields.restore(row.cell(header.indexOf(name))), where));
  }

  private static boolean startsWithBracket(BufferedReader text, String where) throws IOException {
    text.mark(4096);
    try {
      int c;
      int n = 0;
      do {
        c = text.read();
        n++;
      } while (c >= 0 && Character.isWhitespace(c) && n < 4096);
      return c == '[';
    } catch (StrictTextReader.MalformedTextException e) {
      throw Problems.at(where + ":" + e.line(), "invalid " + e.charsetName());
    } finally {
      text.reset();
    }
  }

  private void readJsonExport(BufferedReader text, String where, Batch batch) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw Problems.at(
            where + ":" + line(p), "not an invitriage export (expected a JSON array)");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.START_OBJECT) {
          throw Problems.at(where + ":" + line(p), "expected an object for each invitation");
        }
        String at = where + ":" + line(p);
        Map<String, String> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          switch (value) {
            case VALUE_NULL -> fields.put(name, "");
            case START_OBJECT, START_ARRAY -> {
              // Not a field we write; skipping keeps newer exports importable.
              p.skipChildren();
            }
            default -> fields.put(name, p.getText());
          }
        }
        try {
          batch.restored.add(ExportFields.toRestored(name -> fields.getOrDefault(name, ""), at));
        } catch (InvitriageException e) {
          batch.badRow(e);
        }
      }
      if (p.nextToken() != null) {
        throw Problems.at(where + ":" + line(p), "unexpected text after the JSON array");
      }
    } catch (StrictTextReader.MalformedTextException e) {
      throw Problems.at(where + ":" + e.line(), "invalid " + e.charsetName());
    } catch (StreamConstraintsException e) {
      throw new InvitriageException(
          InvitriageException.Kind.BAD_INPUT,
          where + ": a value is too large or too deeply nested (refused; at most "
              + CsvGuard.MAX_CELL_CHARS + " characters a value)",
          e);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      long line = loc == null ? 1 : Math.max(1, loc.getLineNr());
      throw new InvitriageException(
          InvitriageException.Kind.BAD_INPUT, where + ":" + line + ": malformed JSON", e);
    } catch (IOException e) {
      throw InvitriageException.io(where + ": cannot read the file", e);
    }
  }

  private static long line(JsonParser p) {
    return Math.max(1, p.currentTokenLocation().getLineNr());
  }

  private static Mode memberMode(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("invitations.csv") || lower.equals("connections.csv")
        ? Mode.NAMED_MEMBER
        : Mode.OTHER_MEMBER;
  }

  private static boolean isCsvName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** An entry that would land outside the folder it is unpacked into, were it unpacked. */
  static boolean isUnsafe(String name) {
    if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String part : name.split("[/\\\\]")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Zip by content ("PK\3\4", or "PK\5\6" for an empty archive); a {@code .zip} name without it is
   * refused.
   */
  private static boolean isZip(Path path) throws IOException {
    byte[] magic = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(magic, 0, 4);
    }
    boolean pk =
        n == 4
            && magic[0] == 'P'
            && magic[1] == 'K'
            && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
    if (!pk && fileName(path).toLowerCase(Locale.ROOT).endsWith(".zip")) {
      // Reading it as CSV would only produce a puzzling "invalid UTF-8" or header message.
      throw InvitriageException.badInput(fileName(path) + ": not a valid zip archive");
    }
    return pk;
  }

  private static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  /** Counts decompressed bytes across a whole archive and refuses to go past the limit. */
  private final class ExpansionGuard {
    private final String zipName;
    private long total;

    ExpansionGuard(String zipName) {
      this.zipName = zipName;
    }

    /** A view of the current entry that counts, and that does not close the archive. */
    InputStream wrap(InputStream entry) {
      return new FilterInputStream(entry) {
        @Override
        public int read() throws IOException {
          int b;
          try {
            b = super.read();
          } catch (ZipException | EOFException e) {
            throw broken(e);
          }
          if (b >= 0) {
            add(1);
          }
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n;
          try {
            n = super.read(b, off, len);
          } catch (ZipException | EOFException e) {
            throw broken(e);
          }
          if (n > 0) {
            add(n);
          }
          return n;
        }

        @Override
        public long skip(long n) throws IOException {
          // Force skipped bytes through read() so they are counted.
          byte[] buf = new byte[(int) Math.min(n, 8192)];
          int r = read(buf, 0, buf.length);
          return Math.max(r, 0);
        }

        @Override
        public void close() {
          // The archive stays open for the next entry.
        }
      };
    }

    /**
     * A truncated or corrupt entry found while reading it: bad input, like a broken directory,
     * not an I/O error (the disk read fine; the archive is wrong).
     */
    private InvitriageException broken(IOException e) {
      return new InvitriageException(
          InvitriageException.Kind.BAD_INPUT, zipName + ": not a valid zip archive", e);
    }

    private void add(long n) {
      total += n;
      if (total > maxExpandedBytes) {
        throw InvitriageException.badInput(
            zipName + ": expands past " + MAX_EXPANDED_MB + " MB (refused)");
      }
    }
  }

  /** Keeps a parser's close() from closing a stream it was lent. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The owner closes the stream.
    }
  }

  /** Discards bytes. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** What has been read so far, and how bad rows are handled. */
  private static final class Batch {
    final List<String> sources = new ArrayList<>();
    /** How many of {@link #sources} hold invitations; they come first. */
    int invitationSources;
    final List<Invitation> invitations = new ArrayList<>();
    final List<Connection> connections = new ArrayList<>();
    final List<RestoredTriage> restored = new ArrayList<>();
    final boolean skipBad;
    final Consumer<String> skipped;
    final Consumer<ImportBatch> parts;
    /**
     * Rows in the next part: the first parts are smaller, so that judging and storing start while
     * the rest is read (a fresh JVM judges its first rows slowly), growing to {@link #PART_SIZE}.
     */
    private int partSize = PART_SIZE / 8;

    Batch(boolean skipBad, Consumer<String> skipped, Consumer<ImportBatch> parts) {
      this.skipBad = skipBad;
      this.skipped = skipped;
      this.parts = parts;
    }

    void flushIfFull() {
      if (invitations.size() + connections.size() + restored.size() >= partSize) {
        flush();
        partSize = Math.min(2 * partSize, PART_SIZE);
      }
    }

    /** Hands what was read so far to the consumer and forgets it. */
    void flush() {
      if (invitations.isEmpty() && connections.isEmpty() && restored.isEmpty()) {
        return;
      }
      parts.accept(new ImportBatch(List.of(), invitations, connections, restored));
      invitations.clear();
      connections.clear();
      restored.clear();
    }

    /** A problem confined to one row: skip it or fail, as the user asked. */
    void badRow(InvitriageException e) {
      if (!skipBad || e.kind() != InvitriageException.Kind.BAD_INPUT) {
        throw e;
      }
      skipped.accept(e.getMessage() + " (skipped)");
    }

  }
}
