package dev.invitriage.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what the classifier knows of each language from its data file, {@code
 * languages/<code>.txt} beside this class, listed in {@code languages/index.txt}: the one reader of
 * that knowledge. Adding a language is adding a file (and its golden rows), never code.
 *
 * <p>A file is a list of sections ({@code [default]}, {@code [greeting]}, ...; see {@link
 * Section}), one phrase a line, {@code #} for comments. A phrase may hold alternatives, {@code
 * {a|b|}} (an empty one makes the group optional), expanded here into every form: matching then
 * stays a plain look-up of exact word sequences. A {@code [default]} line is {@code
 * variant<TAB>text}.
 */
final class Languages {
  private Languages() {}

  static final String FOLDER = "languages/";
  static final String INDEX = FOLDER + "index.txt";

  /** The most forms one line may expand to: a typo in a pattern must not build a huge table. */
  static final int MAX_FORMS = 2_000;

  /** A section of a language file: what kind of piece its phrases are. */
  enum Section {
    /** The language's English name, one line. */
    LANGUAGE,
    /** LinkedIn's default texts: {@code variant<TAB>text}. */
    DEFAULT,
    GREETING,
    SIGN_OFF,
    PLEASANTRY,
    /** Stock requests to connect ("let's connect"). */
    REQUEST,
    TITLE,
    /** Words that stand for the name after a greeting ("Hi all"). */
    FILLER,
    /** Name particles and title connectors ("van", "bin", "of"). */
    CONNECTOR,
    /** Words that show a sentence rather than a name or signature. */
    SENTENCE,
    /** Job-title and company-form words of signatures. */
    JOB,
    CONTACT_LABEL,
    PRONOUN;

    /** The section's name in a file, e.g. {@code sign-off}. */
    String fileName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Section ofFileName(String name) {
      for (Section s : values()) {
        if (s.fileName().equals(name)) {
          return s;
        }
      }
      return null;
    }
  }

  /** One default text form, labelled as reasons name it ({@code pl, classic}). */
  record DefaultText(String label, String text) {}

  /**
   * One language's knowledge: its code and name, its default texts, and every other section's
   * phrases, each alternative expanded.
   */
  record Language(
      String code, String name, List<DefaultText> defaults, Map<Section, List<String>> phrases) {

    List<String> phrases(Section section) {
      return phrases.getOrDefault(section, List.of());
    }
  }

  private static volatile List<Language> builtIn;

  /** Every built-in language, in the index's order; read once. */
  static List<Language> builtIn() {
    List<Language> all = builtIn;
    if (all == null) {
      synchronized (Languages.class) {
        all = builtIn;
        if (all == null) {
          all = List.copyOf(readAll());
          builtIn = all;
        }
      }
    }
    return all;
  }

  /** The codes listed in the index. */
  static List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (String line : lines(INDEX)) {
      String code = line.strip();
      if (!code.isEmpty() && !code.startsWith("#")) {
        codes.add(code);
      }
    }
    return codes;
  }

  /**
   * A digest of every language file as it is, for the classifier's fingerprint: stores judge
   * again when the data changes. Reads the bytes without parsing them, so that opening a store
   * stays cheap.
   */
  static String fingerprint() {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    for (String code : codes()) {
      crc.update(code.getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Languages.class.getResourceAsStream(FOLDER + code + ".txt")) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + FOLDER + code + ".txt");
        }
        crc.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Long.toHexString(crc.getValue());
  }

  private static List<Language> readAll() {
    List<Language> all = new ArrayList<>();
    for (String code : codes()) {
      all.add(parse(code, lines(FOLDER + code + ".txt")));
    }
    return all;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = Languages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one language file; a malformed line is an error naming the file and line. */
  static Language parse(String code, List<String> lines) {
    String file = FOLDER + code + ".txt";
    Map<Section, List<String>> phrases = new EnumMap<>(Section.class);
    List<DefaultText> defaults = new ArrayList<>();
    String name = null;
    Section section = null;
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + number + ": ";
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        section = close < 0 ? null : Section.ofFileName(line.substring(1, close).strip());
        if (section == null || !line.substring(close + 1).isBlank()
            && !line.substring(close + 1).strip().startsWith("#")) {
          throw new IllegalStateException(where + "unknown section " + line);
        }
        continue;
      }
      if (section == null) {
        throw new IllegalStateException(where + "text before any [section]");
      }
      line = withoutComment(line);
      switch (section) {
        case LANGUAGE:
          name = line;
          break;
        case DEFAULT:
          int tab = raw.indexOf('\t');
          if (tab < 0) {
            throw new IllegalStateException(where + "expected variant<TAB>text");
          }
          String variant = raw.substring(0, tab).strip();
          String text = withoutComment(raw.substring(tab + 1).strip());
          if (variant.isEmpty() || text.isEmpty()) {
            throw new IllegalStateException(where + "expected variant<TAB>text");
          }
          for (String form : expand(text, where)) {
            defaults.add(new DefaultText(code + ", " + variant, form));
          }
          break;
        default:
          phrases.computeIfAbsent(section, s -> new ArrayList<>()).addAll(expand(line, where));
      }
    }
    if (name == null) {
      throw new IllegalStateException(file + ": no [language] name");
    }
    return new Language(code, name, List.copyOf(defaults), Map.copyOf(phrases));
  }

  /** A trailing comment ("hi   # informal") is not part of the phrase. */
  private static String withoutComment(String line) {
    int hash = line.indexOf(" #");
    return hash < 0 ? line : line.substring(0, hash).strip();
  }

  /** Every form of a phrase with {@code {a|b|}} groups; groups do not nest. */
  static List<String> expand(String phrase, String where) {
    List<String> forms = new ArrayList<>();
    forms.add("");
    int i = 0;
    while (i < phrase.length()) {
      int open = phrase.indexOf('{', i);
      int close = open < 0 ? -1 : phrase.indexOf('}', open);
      String literal = phrase.substring(i, open < 0 ? phrase.length() : open);
      if (literal.indexOf('}') >= 0
          || open >= 0 && (close < 0 || phrase.substring(open + 1, close).indexOf('{') >= 0)) {
        throw new IllegalStateException(where + "unbalanced { } in: " + phrase);
      }
      append(forms, literal);
      if (open < 0) {
        break;
      }
      String[] options = phrase.substring(open + 1, close).split("\\|", -1);
      List<String> next = new ArrayList<>(forms.size() * options.length);
      for (String form : forms) {
        for (String option : options) {
          next.add(form + option);
        }
      }
      if (next.size() > MAX_FORMS) {
        throw new IllegalStateException(where + "more than " + MAX_FORMS + " forms: " + phrase);
      }
      forms = next;
      i = close + 1;
    }
    List<String> out = new ArrayList<>(forms.size());
    for (String form : forms) {
      String f = form.strip();
      if (!f.isEmpty()) {
        out.add(f); // spaces inside may be doubled by an empty alternative: tokens do not mind
      }
    }
    return out;
  }

  private static void append(List<String> forms, String text) {
    if (!text.isEmpty()) {
      forms.replaceAll(f -> f + text);
    }
  }

  /** The tokens of chunks of phrases beyond plain ASCII, as they recur (see tokensOf). */
  private static final Map<String, String[]> CHUNKS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Every section's phrases (but defaults) in every language, canonical tokens joined by single
   * spaces, each with the languages that list it as bits by language number.
   */
  static Map<Section, Map<String, Long>> canonicalPhrases(List<Language> languages) {
    if (languages.size() > WordSequences.MAX_LANGUAGES) {
      throw new IllegalStateException("more than " + WordSequences.MAX_LANGUAGES + " languages");
    }
    Map<Section, Map<String, Long>> all = new EnumMap<>(Section.class);
    for (int i = 0; i < languages.size(); i++) {
      long bit = 1L << i;
      for (Map.Entry<Section, List<String>> section : languages.get(i).phrases().entrySet()) {
        Map<String, Long> phrases =
            all.computeIfAbsent(section.getKey(), s -> new java.util.HashMap<>());
        for (String phrase : section.getValue()) {
          String canonical = String.join(" ", tokensOf(phrase));
          if (!canonical.isEmpty()) {
            phrases.merge(canonical, bit, (a, b) -> a | b);
          }
        }
      }
    }
    return all;
  }

  /**
   * A phrase's canonical tokens, as {@link Canonical} makes them. Tens of thousands of phrases are
   * read at start, and the full tokeniser, cold, took most of a second over them: whitespace
   * always parts tokens, so each chunk between spaces is tokenised on its own, a chunk of plain
   * ASCII words folded here (the same tokens: a test holds every phrase of every language to
   * Canonical's), any other remembered, as chunks recur across phrases.
   */
  static List<String> tokensOf(String raw) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = raw.length();
    while (i < n) {
      while (i < n && isAsciiSpace(raw.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isAsciiSpace(raw.charAt(i))) {
        i++;
      }
      if (i > start) {
        chunkTokens(raw.substring(start, i), tokens);
      }
    }
    return tokens;
  }

  private static void chunkTokens(String chunk, List<String> tokens) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < chunk.length(); i++) {
      char ch = chunk.charAt(i);
      if (ch >= 0x80 || ch == '&' || ch == '.' || ch == '@' || ch == '/' || ch == ':') {
        // Beyond ASCII, a character reference or what may be a link: the tokeniser's own way.
        tokens.addAll(List.of(CHUNKS.computeIfAbsent(chunk,
            c -> Canonical.of(c, Integer.MAX_VALUE).tokens())));
        return;
      }
    }
    for (int i = 0; i < chunk.length(); i++) {
      char ch = chunk.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        word.append((char) (ch + 32));
      } else if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
        word.append(ch);
      } else if (ch != '\'' && ch != '`' && word.length() > 0) {
        tokens.add(word.toString()); // any other ASCII character parts words
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      tokens.add(word.toString());
    }
  }

  private static boolean isAsciiSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
  }}
