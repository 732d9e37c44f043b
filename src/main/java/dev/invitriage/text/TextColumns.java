package dev.invitriage.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures text already made safe ({@link TerminalText}) in terminal columns, and cuts, pads and
 * wraps it to a width. Width is counted per extended grapheme cluster, found with the regex
 * {@code \X}. {@link java.text.BreakIterator} is not used: on Java 17 it splits ZWJ sequences,
 * flag pairs and skin-tone modifiers, while {@code \X} handles them. A cluster takes the width of
 * its first code point (East Asian Wide/Fullwidth → 2, else 1), widened to 2 for emoji
 * presentation (regional-indicator flags, VS16, emoji ZWJ sequences, emoji newer than the tables);
 * everything else in the cluster (combining marks, ZWJ, modifiers, spacing marks) adds nothing.
 */
public final class TextColumns {
  /** Stand-in for a grapheme a renderer cannot draw. */
  static final char UNDRAWABLE = '\uFFFD';

  private static final char ELLIPSIS = '\u2026';
  private static final int VS15 = 0xFE0E;
  private static final int VS16 = 0xFE0F;
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private TextColumns() {}

  /**
   * Terminal columns taken by an already-sanitised single line. Counts grapheme clusters: wide and
   * emoji clusters take 2, combining marks 0, everything else 1 (an unsanitised control counts 1,
   * the width of the stand-in it would get).
   */
  public static int width(String s) {
    if (s == null) {
      return 0;
    }
    return oneColumnEach(s) ? s.length() : widthByClusters(s);
  }

  /** {@link #width} the long way: each grapheme cluster's width. */
  static int widthByClusters(String s) {
    int total = 0;
    Matcher m = GRAPHEME.matcher(s);
    while (m.find()) {
      total += clusterWidth(s, m.start(), m.end());
    }
    return total;
  }

  /** How many grapheme clusters {@code s} holds. */
  static int clusters(String s) {
    int n = 0;
    Matcher m = GRAPHEME.matcher(s);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * Cuts {@code s} to at most {@code columns} columns, ending with {@code …} when something was
   * cut. Never splits a grapheme cluster; when a wide cluster would straddle the edge a space takes
   * its place, so a cut result is exactly {@code columns} wide. Returns {@code s} itself when it
   * already fits.
   */
  public static String fit(String s, int columns) {
    if (s == null || columns <= 0) {
      return "";
    }
    if (width(s) <= columns) {
      return s;
    }
    int budget = columns - 1; // the ellipsis takes one column
    if (oneColumnEach(s)) {
      return s.substring(0, budget) + ELLIPSIS;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    Matcher m = GRAPHEME.matcher(s);
    while (m.find()) {
      int w = clusterWidth(s, m.start(), m.end());
      if (used + w > budget) {
        break;
      }
      out.append(s, m.start(), m.end());
      used += w;
    }
    out.append(" ".repeat(budget - used)).append(ELLIPSIS);
    return out.toString();
  }

  /** {@link #fit}s {@code s} and right-pads it with spaces to exactly {@code columns} columns. */
  public static String pad(String s, int columns) {
    if (columns <= 0) {
      return "";
    }
    String fitted = fit(s, columns);
    int w = width(fitted);
    return w == columns ? fitted : fitted + " ".repeat(columns - w);
  }

  /**
   * Word-wraps multiline text into lines of at most {@code columns} columns. Explicit line breaks
   * and blank lines are kept, leading indentation of a paragraph is kept, spaces at a wrap point
   * are dropped, and a word longer than a line is broken between grapheme clusters. The input is
   * passed through {@link TerminalText#sanitizeMultiline} first (a no-op for already-sanitised text), so the
   * lines are always safe to draw. Returns no lines when {@code columns < 1}.
   */
  public static List<String> wrap(String s, int columns) {
    List<String> lines = new ArrayList<>();
    if (columns < 1) {
      return lines;
    }
    for (String paragraph : TerminalText.sanitizeMultiline(s).split("\n", -1)) {
      wrapParagraph(paragraph, columns, lines);
    }
    return lines;
  }

  /**
   * Replaces each grapheme cluster containing a code point the renderer cannot draw with {@code �}
   * followed by spaces, keeping the cluster's width, so columns stay aligned (Lanterna 3.1 prints
   * astral characters as {@code ??}). A zero-width cluster that cannot be drawn is dropped, since
   * it has no column to hold a stand-in. Returns {@code s} itself when everything can be drawn.
   */
  public static String replaceUnsupported(String s, IntPredicate canDraw) {
    if (s == null) {
      return "";
    }
    if (s.codePoints().allMatch(canDraw)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    Matcher m = GRAPHEME.matcher(s);
    while (m.find()) {
      String cluster = s.substring(m.start(), m.end());
      if (cluster.codePoints().allMatch(canDraw)) {
        out.append(cluster);
        continue;
      }
      int w = clusterWidth(s, m.start(), m.end());
      // Styled letters (mathematical script, fullwidth, circled) have a plain compatibility
      // form: showing 'M' for a script M keeps a name readable where the terminal cannot draw it.
      String plain = Normalizer.normalize(cluster, Normalizer.Form.NFKC);
      if (!plain.equals(cluster) && plain.codePoints().allMatch(canDraw) && width(plain) == w) {
        out.append(plain);
      } else if (w > 0) {
        out.append(UNDRAWABLE).append(" ".repeat(w - 1));
      }
    }
    return out.toString();
  }

  /**
   * True when every character of {@code s} is a grapheme cluster of its own one column wide:
   * printable ASCII, Latin-1 and the Latin extensions (less the invisible soft hyphen), Greek and
   * Cyrillic (less Cyrillic's combining marks), dashes, quotes, bullets and the ellipsis, and the
   * box-drawing lines. Most names and notes are, and so is every row the list draws, and then
   * widths and cuts need no grapheme search, which was the largest part of drawing a row.
   */
  public static boolean oneColumnEach(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean one = (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x300 && c != 0xAD) || (c >= 0x370 && c < 0x483)
          || (c >= 0x48A && c < 0x530) || (c >= 0x2010 && c < 0x2028) || (c >= 0x2500 && c < 0x2580);
      if (!one) {
        return false;
      }
    }
    return true;
  }

  /** Width of the grapheme cluster {@code s[start, end)}; see the class comment for the rules. */
  private static int clusterWidth(String s, int start, int end) {
    int first = s.codePointAt(start);
    if (first >= 0x20 && first < 0x7F && end - start == 1) {
      return 1;
    }
    int type = Character.getType(first);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0; // a cluster that is only a mark or format character draws nothing of its own
    }
    if (UnicodeTables.contains(UnicodeTables.WIDE, first)) {
      return 2;
    }
    if (first >= 0x1F1E6 && first <= 0x1F1FF) {
      return 2; // regional indicators: flags, and terminals draw a lone one wide too
    }
    boolean pictographic = TerminalText.isExtendedPictographic(first);
    if (pictographic && first >= 0x1F000 && !Character.isDefined(first)) {
      return 2; // an emoji newer than our tables: all new emoji have emoji presentation
    }
    boolean keycapBase = first == '#' || first == '*' || (first >= '0' && first <= '9');
    if (pictographic || keycapBase) {
      for (int i = start + Character.charCount(first); i < end; ) {
        int cp = s.codePointAt(i);
        if (cp == VS16 || cp == 0x20E3 || (pictographic && cp == TerminalText.ZWJ)) {
          return 2; // emoji presentation requested, a keycap, or an emoji ZWJ sequence
        }
        if (cp == VS15) {
          return 1;
        }
        i += Character.charCount(cp);
      }
    }
    return 1;
  }

  private static void wrapParagraph(String paragraph, int columns, List<String> lines) {
    StringBuilder line = new StringBuilder();
    int lineWidth = 0;
    int pendingSpaces = 0;
    boolean atParagraphStart = true;
    boolean hasWord = false; // the line holds more than indentation
    int i = 0;
    int n = paragraph.length();
    while (i < n) {
      if (paragraph.charAt(i) == ' ') {
        int j = i;
        while (j < n && paragraph.charAt(j) == ' ') {
          j++;
        }
        if (atParagraphStart) {
          // Keep indentation, but never a whole line of it.
          int keep = Math.min(j - i, columns - 1);
          line.append(" ".repeat(keep));
          lineWidth = keep;
        } else {
          pendingSpaces = j - i;
        }
        i = j;
        continue;
      }
      atParagraphStart = false;
      int j = paragraph.indexOf(' ', i);
      if (j < 0) {
        j = n;
      }
      String word = paragraph.substring(i, j);
      int wordWidth = width(word);
      if (lineWidth + pendingSpaces + wordWidth <= columns) {
        line.append(" ".repeat(pendingSpaces)).append(word);
        lineWidth += pendingSpaces + wordWidth;
      } else if (wordWidth <= columns) {
        if (hasWord) {
          lines.add(fitLine(line, columns));
        }
        line.setLength(0);
        line.append(word);
        lineWidth = wordWidth;
      } else {
        // A word longer than a line: fill what is left of this line, then break between clusters.
        if (lineWidth > 0 && lineWidth + pendingSpaces < columns) {
          line.append(" ".repeat(pendingSpaces));
          lineWidth += pendingSpaces;
        }
        boolean lineHasContent = hasWord;
        Matcher m = GRAPHEME.matcher(word);
        while (m.find()) {
          String cluster = word.substring(m.start(), m.end());
          int w = clusterWidth(word, m.start(), m.end());
          if (w > columns) {
            cluster = fit(cluster, columns); // a wide cluster on a one-column line
            w = width(cluster);
          }
          if (lineWidth + w > columns) {
            if (lineHasContent) { // otherwise it is only indentation: drop it
              lines.add(fitLine(line, columns));
            }
            line.setLength(0);
            lineWidth = 0;
          }
          line.append(cluster);
          lineWidth += w;
          lineHasContent = true;
        }
      }
      pendingSpaces = 0;
      hasWord = true;
      i = j;
    }
    lines.add(fitLine(stripTrailingSpaces(line), columns));
  }

  /**
   * A finished line, cut if it is too wide after all: a cluster can join the one before it across
   * a break (a lone combining mark or selector after a word), so summed widths can undercount.
   */
  private static String fitLine(CharSequence line, int columns) {
    return fit(line.toString(), columns);
  }

  private static String stripTrailingSpaces(CharSequence line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.subSequence(0, end).toString();
  }
}
