package dev.invitriage.text;


/**
 * Makes untrusted text safe to print on a terminal. Everything that could steer a terminal, hide text or reorder it is turned
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
 * <p>Measuring, cutting and wrapping safe text in terminal columns is {@link TextColumns}'s.
 */
public final class TerminalText {
  /** Stand-in for a dangerous or invisible code point. */
  static final char PLACEHOLDER = '\u2370';

  private static final char DOTTED_CIRCLE = '\u25CC';
  private static final int TAB_STOP = 4;
  static final int ZWJ = 0x200D;

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
          int column = columnAtLineStart + TextColumns.width(out.substring(lineStart));
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

  static boolean isExtendedPictographic(int cp) {
    return cp >= 0xA9 && UnicodeTables.contains(UnicodeTables.EXTENDED_PICTOGRAPHIC, cp);
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
