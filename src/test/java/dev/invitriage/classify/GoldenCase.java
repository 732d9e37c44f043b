package dev.invitriage.classify;

import dev.invitriage.domain.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled line of {@code golden.tsv} or {@code golden/<language>.tsv}, with its escapes
 * already decoded.
 */
record GoldenCase(
    String file,
    int line,
    Verdict expected,
    String sender,
    String recipient,
    String message,
    String reasonPart) {

  @Override
  public String toString() {
    String shown = message.length() > 70 ? message.substring(0, 70) + "…" : message;
    return file + ":" + line + ": " + expected + " " + visible(shown);
  }

  /** Every case: {@code golden.tsv}, then each language's file in the languages' order. */
  static List<GoldenCase> all() {
    List<GoldenCase> cases = new ArrayList<>(load("golden.tsv"));
    for (String code : Languages.codes()) {
      if (GoldenCase.class.getResource(languageFile(code)) != null) {
        cases.addAll(load(languageFile(code)));
      }
    }
    return cases;
  }

  /** The golden file of a language, next to this class. */
  static String languageFile(String code) {
    return "golden/" + code + ".tsv";
  }

  /** Reads every case of a golden file next to this class. */
  static List<GoldenCase> load(String resource) {
    List<GoldenCase> cases = new ArrayList<>();
    try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String text;
      int number = 0;
      while ((text = r.readLine()) != null) {
        number++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] cols = text.split("\t", -1);
        if (cols.length < 4 || cols.length > 5) {
          throw new IllegalStateException(resource + ":" + number + ": expected 4 or 5 columns");
        }
        cases.add(
            new GoldenCase(
                resource,
                number,
                Verdict.valueOf(cols[0].strip()),
                unescape(cols[1]),
                unescape(cols[2]),
                unescape(cols[3]),
                cols.length == 5 ? cols[4].strip() : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** Decodes {@code \n \r \t \\ \\uXXXX}; lone surrogates are allowed on purpose. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case '\\' -> sb.append('\\');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append('\\').append(e);
      }
    }
    return sb.toString();
  }

  /** Shows invisible and control characters as escapes, so failure messages can be read. */
  static String visible(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (c < 0x20 || (c >= 0x7F && c < 0xA0) || type == Character.FORMAT
          || type == Character.SURROGATE && !(Character.isHighSurrogate(c)
              && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
