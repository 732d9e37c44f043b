package dev.invitriage.classify;

import dev.invitriage.classify.Languages.Language;
import dev.invitriage.classify.Languages.Section;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the classifier takes from the language files, worked out at build time: the languages'
 * codes, the default texts, and every other section's phrases in canonical form with the languages
 * that list them. Expanding the files' alternatives and tokenising their 30,000 phrases took most
 * of the 0.7 s a classifier took to build in a fresh JVM (a first frame and a server start wait for
 * it); reading this takes a fraction of that. The language files stay the one source: the build
 * writes this from them ({@link #main}), and a test holds the two equal.
 *
 * @param codes the languages in the index's order: language {@code i} is bit {@code i}
 * @param phrases by section, canonical phrase to its languages' bits
 */
public record CompiledLanguages(
    List<String> codes, List<Default> defaults, Map<Section, Map<String, Long>> phrases) {

  /** A default text, tokenised (see PhraseTable#tokenise); texts with nothing to match left out. */
  record Default(String label, PhraseTable.Tokens tokens) {}

  /** How the file writes a placeholder's token: no canonical token holds '<'. */
  private static final String PLACEHOLDER = "<>";

  /** The resource the build writes, beside this class. */
  static final String RESOURCE = "compiled-languages.tsv";

  private static volatile CompiledLanguages builtIn;

  /** The built-in languages' form: the build's, else worked out from the files now. */
  static CompiledLanguages builtIn() {
    CompiledLanguages c = builtIn;
    if (c == null) {
      synchronized (CompiledLanguages.class) {
        c = builtIn;
        if (c == null) {
          c = readResource();
          if (c == null) {
            c = of(Languages.builtIn()); // a build that did not run the step: correct, slower
          }
          builtIn = c;
        }
      }
    }
    return c;
  }

  /** Worked out from parsed language files. */
  static CompiledLanguages of(List<Language> languages) {
    List<String> codes = new ArrayList<>();
    List<Default> defaults = new ArrayList<>();
    for (Language language : languages) {
      codes.add(language.code());
      for (Languages.DefaultText text : language.defaults()) {
        PhraseTable.Tokens tokens = PhraseTable.tokenise(text.text());
        if (tokens != null) {
          defaults.add(new Default(text.label(), tokens));
        }
      }
    }
    return new CompiledLanguages(codes, defaults, Languages.canonicalPhrases(languages));
  }

  /** Writes the built-in languages' form into {@code args[0]}, the classes directory. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]).resolve(
        CompiledLanguages.class.getPackageName().replace('.', '/')).resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "fingerprint\t" + Languages.fingerprint() + "\n" + of(Languages.builtIn()).text(),
        StandardCharsets.UTF_8);
  }

  /**
   * {@link Languages#fingerprint} of the files the build compiled, read from the first line of
   * the compiled form: every store's open asks for it, and digesting the 37 files from the jar was
   * a tenth of a cold `stats`. From the files when there is no compiled form.
   */
  static String fingerprint() {
    try (InputStream in = CompiledLanguages.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        String first = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (first != null && first.startsWith("fingerprint\t")) {
          return first.substring("fingerprint\t".length());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Languages.fingerprint();
  }

  /** As text: a line per code, default text and phrase, sorted so that a build is repeatable. */
  String text() {
    StringBuilder out = new StringBuilder();
    out.append("codes\t").append(String.join(" ", codes)).append('\n');
    for (Default d : defaults) {
      out.append("default\t").append(d.label()).append('\t').append(d.tokens().namedLead() ? "named" : "-");
      for (String token : d.tokens().words()) {
        if (token.indexOf(' ') >= 0 || token.indexOf('<') >= 0 || token.isEmpty()) {
          throw new IllegalStateException("a default text's token cannot be written: " + d);
        }
        out.append(token.equals(PhraseTable.WILDCARD) ? " " + PLACEHOLDER : " " + token);
      }
      out.append('\n');
    }
    for (Map.Entry<Section, Map<String, Long>> section : phrases.entrySet()) {
      for (Map.Entry<String, Long> p : new TreeMap<>(section.getValue()).entrySet()) {
        out.append("phrase\t").append(section.getKey().name()).append('\t')
            .append(Long.toHexString(p.getValue())).append('\t').append(p.getKey()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Read whole as bytes and cut at its tabs and line ends (in UTF-8 neither is ever part of
   * another character), each field decoded alone: a cold start reads its 40,000 lines, and
   * decoding the file as one text, or a reader's line and a split's pieces for each, made and
   * dropped 25 MB (a collection of a starting command copies what is live; see WordSequences).
   */
  private static CompiledLanguages readResource() {
    byte[] text;
    try (InputStream in = CompiledLanguages.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      text = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> codes = List.of();
    List<Default> defaults = new ArrayList<>();
    Map<Section, Map<String, Long>> phrases = new EnumMap<>(Section.class);
    Section section = null;
    Map<String, Long> sectionPhrases = null;
    WordIndex defaultWords = new WordIndex(); // a word's one copy for all default texts
    for (int line = 0, end; line < text.length; line = end + 1) {
      end = indexOf(text, (byte) '\n', line, text.length);
      int tab = indexOf(text, (byte) '\t', line, end);
      if (sameAscii(text, line, tab, "phrase")) {
        // Lines come sorted by section: its name is compared, not looked up, on most lines.
        int name = indexOf(text, (byte) '\t', tab + 1, end);
        if (section == null || !sameAscii(text, tab + 1, name, section.name())) {
          section = Section.valueOf(decode(text, tab + 1, name));
          sectionPhrases = phrases.computeIfAbsent(section, s -> new HashMap<>());
        }
        int bits = indexOf(text, (byte) '\t', name + 1, end);
        long languages = 0;
        for (int i = name + 1; i < bits; i++) {
          languages = languages << 4 | Character.digit(text[i], 16);
        }
        sectionPhrases.put(decode(text, bits + 1, end), languages);
      } else if (sameAscii(text, line, tab, "default")) {
        int label = indexOf(text, (byte) '\t', tab + 1, end);
        defaults.add(new Default(decode(text, tab + 1, label), tokens(decode(text, label + 1, end), defaultWords)));
      } else if (sameAscii(text, line, tab, "codes")) {
        codes = List.of(decode(text, tab + 1, end).split(" "));
      } else if (!sameAscii(text, line, tab, "fingerprint")) { // see fingerprint()
        throw new IllegalStateException(RESOURCE + ": unexpected line " + decode(text, line, end));
      }
    }
    return new CompiledLanguages(codes, defaults, phrases);
  }

  /** A default text's tokens as {@link #text} writes them: "named" or "-", then each token. */
  private static PhraseTable.Tokens tokens(String line, WordIndex known) {
    List<String> words = new ArrayList<>();
    int from = line.indexOf(' ') + 1;
    while (from > 0) {
      int to = line.indexOf(' ', from);
      String word = known.word(known.add(line, from, to < 0 ? line.length() : to));
      words.add(word.equals(PLACEHOLDER) ? PhraseTable.WILDCARD : word);
      from = to + 1;
    }
    return new PhraseTable.Tokens(List.copyOf(words), line.startsWith("named "));
  }

  /** Where {@code b} first stands in {@code text[from..to)}, else {@code to}. */
  private static int indexOf(byte[] text, byte b, int from, int to) {
    int i = from;
    while (i < to && text[i] != b) {
      i++;
    }
    return i;
  }

  private static String decode(byte[] text, int from, int to) {
    return new String(text, from, to - from, StandardCharsets.UTF_8);
  }

  private static boolean sameAscii(byte[] text, int from, int to, String name) {
    if (to - from != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (text[from + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
