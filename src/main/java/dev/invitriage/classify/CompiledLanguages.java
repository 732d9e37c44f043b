package dev.invitriage.classify;

import dev.invitriage.classify.Languages.DefaultText;
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
    List<String> codes, List<DefaultText> defaults, Map<Section, Map<String, Long>> phrases) {

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
    List<DefaultText> defaults = new ArrayList<>();
    for (Language language : languages) {
      codes.add(language.code());
      defaults.addAll(language.defaults());
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
    for (DefaultText d : defaults) {
      out.append("default\t").append(d.label()).append('\t').append(d.text()).append('\n');
    }
    for (Map.Entry<Section, Map<String, Long>> section : phrases.entrySet()) {
      for (Map.Entry<String, Long> p : new TreeMap<>(section.getValue()).entrySet()) {
        out.append("phrase\t").append(section.getKey().name()).append('\t')
            .append(Long.toHexString(p.getValue())).append('\t').append(p.getKey()).append('\n');
      }
    }
    return out.toString();
  }

  private static CompiledLanguages readResource() {
    try (InputStream in = CompiledLanguages.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      List<String> codes = List.of();
      List<DefaultText> defaults = new ArrayList<>();
      Map<Section, Map<String, Long>> phrases = new EnumMap<>(Section.class);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "fingerprint" -> { } // see fingerprint()
          case "codes" -> codes = List.of(f[1].split(" "));
          case "default" -> defaults.add(new DefaultText(f[1], f[2]));
          case "phrase" -> phrases.computeIfAbsent(Section.valueOf(f[1]), s -> new HashMap<>())
              .put(f[3], Long.parseUnsignedLong(f[2], 16));
          default -> throw new IllegalStateException(RESOURCE + ": unexpected line " + line);
        }
      }
      return new CompiledLanguages(codes, defaults, phrases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
