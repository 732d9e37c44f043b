package dev.invitriage.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes untrusted text safe to print on a terminal and measures it in terminal columns.
 *
 * <h2>How it works</h2>
 *
 * <p><b>Sanitising.</b> Everything that could steer a terminal, hide text or reorder it is turned
 * into a visible, one-column stand-in, so a reader can see that something was there and the row
 * keeps a predictable width:
 *
 * <ul>
 *   <li>C0 controls and DEL become their Unicode Control Pictures (ESC → {@code ␛}, BEL → {@code
 *       ␇}, LF → {@code ␤}, DEL → {@code ␡}); they name the control, which helps when reading a
 *       hostile export.
 *   <li>Everything else that is dangerous or invisible becomes {@code ⍰} (U+2370): C1 controls,
 *       every format (Cf) character (bidi controls, zero-width characters, soft hyphen, BOM, tag
 *       characters), lone surrogates, private-use and unassigned code points, line/paragraph
 *       separators, the invisible Hangul fillers used for "blank" names, and runs of variation
 *       selectors (one after a base character is legitimate; a run is a way to smuggle data). A
 *       single character was chosen over a {@code <U+202E>} spelling because it costs exactly one
 *       column and cannot be confused with text the sender typed.
 *   <li>ZWJ (U+200D) is kept only between two emoji (an emoji ZWJ sequence such as 👨‍👩‍👧): there it
 *       only asks the font to join pictures and cannot hide letters. Anywhere else it is replaced.
 *   <li>A combining mark at the start of a line is put on a dotted circle ◌ (the Unicode
 *       convention), so it cannot combine with whatever the renderer drew just before the cell.
 * </ul>
 *
 * <p>"Unassigned" follows the running JDK's Unicode version (13.0 on Java 17), except that code
 * points listed as wide or Extended_Pictographic in the embedded Unicode 14 tables are kept, so
 * newer CJK ideographs and emoji survive. Sanitising is idempotent.
 *
 * <p><b>Measuring.</b> Width is counted per extended grapheme cluster, found with the regex
 * {@code \X}. {@link java.text.BreakIterator} is not used: on Java 17 it splits ZWJ sequences,
 * flag pairs and skin-tone modifiers, while {@code \X} handles them. A cluster takes the width of
 * its first code point (East Asian Wide/Fullwidth → 2, else 1), widened to 2 for emoji
 * presentation (regional-indicator flags, VS16, emoji ZWJ sequences, emoji newer than the tables);
 * everything else in the cluster (combining marks, ZWJ, modifiers, spacing marks) adds nothing.
 */
public final class TerminalText {
  /** Stand-in for a dangerous or invisible code point. */
  static final char PLACEHOLDER = '\u2370';
  /** Stand-in for a grapheme a renderer cannot draw. */
  static final char UNDRAWABLE = '\uFFFD';

  private static final char ELLIPSIS = '\u2026';
  private static final char DOTTED_CIRCLE = '\u25CC';
  private static final int TAB_STOP = 4;
  private static final int ZWJ = 0x200D;
  private static final int VS15 = 0xFE0E;
  private static final int VS16 = 0xFE0F;
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private TerminalText() {}

  /**
   * Makes {@code s} safe for one line of a terminal: every control, including CR, LF and TAB,
   * becomes a visible stand-in (see the class comment). Returns {@code s} itself when nothing needs
   * changing, and {@code ""} for {@code null}.
   */
  public static String sanitize(String s) {
    return s == null ? "" : clean(s, false);
  }

  /**
   * Like {@link #sanitize} but keeps line breaks: CRLF, lone CR, LF, U+2028 and U+2029 all become
   * {@code \n}, and TAB becomes spaces up to the next multiple of 4 columns so indented text stays
   * aligned. Other controls (VT, FF, NEL) are shown, not obeyed.
   */
  public static String sanitizeMultiline(String s) {
    return s == null ? "" : clean(s, true);
  }

  /**
   * True for a code point that {@link #sanitize} never lets through as itself, whatever surrounds
   * it: C0 and C1 controls, DEL, format characters (bidi controls, zero-width characters, ZWJ),
   * line and paragraph separators, private-use, unassigned and lone surrogate code points. For
   * escaping them in data formats (JSON's {@code \\uXXXX}) where a stand-in would change the data.
   */
  public static boolean isUnsafe(int cp) {
    return cp < 0x20 || cp == 0x7F || isHidden(cp);
  }

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
   * passed through {@link #sanitizeMultiline} first (a no-op for already-sanitised text), so the
   * lines are always safe to draw. Returns no lines when {@code columns < 1}.
   */
  public static List<String> wrap(String s, int columns) {
    List<String> lines = new ArrayList<>();
    if (columns < 1) {
      return lines;
    }
    for (String paragraph : sanitizeMultiline(s).split("\n", -1)) {
      wrapParagraph(paragraph, columns, lines);
    }
    return lines;
  }

  /**
   * The first line of a message that is not blank, with surrounding spaces removed and sanitised
   * for one-line display; {@code ""} if there is none. Messages often start with blank lines.
   */
  public static String firstLine(String s) {
    for (String line : sanitizeMultiline(s).split("\n")) {
      String stripped = stripSpaces(line);
      if (!stripped.isEmpty()) {
        return stripped;
      }
    }
    return "";
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

  // ---------------------------------------------------------------------------------------------
  // Sanitising

  /**
   * One pass over {@code s}; the builder is only created at the first change, so clean text (the
   * common case, run for every displayed row) costs one scan and no allocation.
   */
  private static String clean(String s, boolean multiline) {
    StringBuilder out = null;
    int n = s.length();
    int prevCp = -1; // last code point kept on the current line, -1 at a line start
    boolean emojiContext = false; // the kept text so far ends in an emoji (plus its modifiers)
    int lineStart = 0; // index in out where the current line (or text after the last tab) starts
    int columnAtLineStart = 0; // column at lineStart, for tab stops
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) { // printable ASCII: the fast path
        if (out != null) {
          out.append(c);
        }
        prevCp = c;
        emojiContext = false;
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      String replacement = null; // null keeps the code point
      boolean lineBreak = false;
      if (cp < 0x20 || cp == 0x7F) {
        if (multiline && (cp == '\n' || cp == '\r')) {
          lineBreak = true;
          if (cp == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
            len = 2;
          }
          replacement = cp == '\n' && len == 1 ? null : "\n";
        } else if (multiline && cp == '\t') {
          if (out == null) {
            out = new StringBuilder(n + 8).append(s, 0, i);
          }
          int column = columnAtLineStart + width(out.substring(lineStart));
          int spaces = TAB_STOP - column % TAB_STOP;
          out.append(" ".repeat(spaces));
          lineStart = out.length();
          columnAtLineStart = column + spaces;
          prevCp = ' ';
          emojiContext = false;
          i++;
          continue;
        } else {
          replacement = String.valueOf(controlPicture(cp));
        }
      } else if (multiline && (cp == 0x2028 || cp == 0x2029)) {
        lineBreak = true;
        replacement = "\n";
      } else if (cp == ZWJ) {
        int next = i + 1 < n ? s.codePointAt(i + 1) : -1;
        if (!(emojiContext && isExtendedPictographic(next))) {
          replacement = String.valueOf(PLACEHOLDER);
        }
      } else if (isHidden(cp)) {
        replacement = String.valueOf(PLACEHOLDER);
      } else if (isVariationSelector(cp)) {
        // One selector after a real base is legitimate; a run, one after a stand-in, or one after
        // a space (which wrapping would glue onto the word before, widening it) is not.
        if (prevCp == -1 || prevCp == PLACEHOLDER || prevCp == ' ' || isVariationSelector(prevCp)) {
          replacement = String.valueOf(PLACEHOLDER);
        }
      } else if (prevCp == -1 && isCombiningMark(cp)) {
        replacement = DOTTED_CIRCLE + new String(Character.toChars(cp));
      }

      if (replacement != null && out == null) {
        out = new StringBuilder(n + 8).append(s, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(s, i, i + len);
        }
      }
      if (lineBreak) {
        prevCp = -1;
        emojiContext = false;
        // Until the first change the output is a prefix of s, so indices coincide.
        lineStart = out == null ? i + len : out.length();
        columnAtLineStart = 0;
      } else {
        int kept = replacement == null ? cp : replacement.codePointBefore(replacement.length());
        if (isExtendedPictographic(kept)) {
          emojiContext = true;
        } else if (!(emojiContext && isEmojiExtender(kept))) {
          emojiContext = false;
        }
        prevCp = kept;
      }
      i += len;
    }
    return out == null ? s : out.toString();
  }

  /**
   * The Control Picture for a C0 control or DEL: U+2400 + code, except LF, which gets ␤ (SYMBOL FOR
   * NEWLINE) rather than ␊ because readers recognise it, and DEL, which sits at U+2421.
   */
  private static char controlPicture(int cp) {
    if (cp == '\n') {
      return '\u2424';
    }
    return (char) (cp == 0x7F ? 0x2421 : 0x2400 + cp);
  }

  /** Code points that must never reach the terminal as themselves (ZWJ is decided separately). */
  private static boolean isHidden(int cp) {
    if (cp >= 0x80 && cp <= 0x9F) {
      return true; // C1 controls, including the one-byte CSI U+009B
    }
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return true; // codePointAt only returns a surrogate when it is unpaired
    }
    switch (cp) {
      case 0x034F: // combining grapheme joiner: invisible
      case 0x115F: // Hangul fillers: render as nothing, used for "blank" names
      case 0x1160:
      case 0x3164:
      case 0xFFA0:
      case 0x2028: // line and paragraph separators: some terminals break the line
      case 0x2029:
        return true;
      default:
        break;
    }
    switch (Character.getType(cp)) {
      case Character.FORMAT: // bidi controls, zero-width characters, soft hyphen, BOM, tags
      case Character.PRIVATE_USE:
      case Character.CONTROL:
        return true;
      case Character.UNASSIGNED:
        // Newer emoji and ideographs than the JDK knows are still real text.
        return !UnicodeTables.contains(UnicodeTables.WIDE, cp) && !isExtendedPictographic(cp);
      default:
        return false;
    }
  }

  private static boolean isVariationSelector(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static boolean isCombiningMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** What may follow an emoji inside one emoji cluster before a ZWJ: VS16, skin tones, keycap. */
  private static boolean isEmojiExtender(int cp) {
    return isVariationSelector(cp) || isSkinTone(cp) || isCombiningMark(cp);
  }

  private static boolean isSkinTone(int cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }

  private static boolean isExtendedPictographic(int cp) {
    return cp >= 0xA9 && UnicodeTables.contains(UnicodeTables.EXTENDED_PICTOGRAPHIC, cp);
  }

  // ---------------------------------------------------------------------------------------------
  // Measuring

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
    boolean pictographic = isExtendedPictographic(first);
    if (pictographic && first >= 0x1F000 && !Character.isDefined(first)) {
      return 2; // an emoji newer than our tables: all new emoji have emoji presentation
    }
    boolean keycapBase = first == '#' || first == '*' || (first >= '0' && first <= '9');
    if (pictographic || keycapBase) {
      for (int i = start + Character.charCount(first); i < end; ) {
        int cp = s.codePointAt(i);
        if (cp == VS16 || cp == 0x20E3 || (pictographic && cp == ZWJ)) {
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

  // ---------------------------------------------------------------------------------------------
  // Wrapping

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

  /** Strips whitespace including no-break and other Unicode spaces, which isBlank misses. */
  private static String stripSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
