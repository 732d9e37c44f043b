package dev.invitriage.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Puts people's names into one comparable form. */
public final class Names {
  private Names() {}

  /**
   * NFKC-folds (so mathematical-script letters become plain ones), lower-cases, and collapses all
   * whitespace runs to one space. Two spellings of a name that differ only in these ways match.
   */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    // A name in ASCII is as NFKC makes it, and its lower case is ASCII's: an import normalises
    // every row's name, and the normaliser was a fifteenth of judging a row.
    boolean ascii = Ascii.isAscii(name);
    String s = ascii
        ? name
        : Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return collapseSpaces(s, ascii).strip();
  }

  /**
   * Each run of white space ({@code [\s\p{Z}]+}: ASCII's six and Unicode's separators) as one
   * space, lowering ASCII letters on the way when asked. Written out, not as the regular expression
   * it says: that was half of normalising a name.
   */
  private static String collapseSpaces(String s, boolean lowerAscii) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          sb.append(' ');
        }
        inSpace = true;
      } else {
        sb.append(lowerAscii ? Ascii.toLowerCase(c) : c);
        inSpace = false;
      }
    }
    return sb.toString();
  }

  /** {@code [\s\p{Z}]}: space, tab, line feed, vertical tab, form feed, return, or a separator. */
  private static boolean isSpace(char c) {
    if (c < 0x80) {
      return c == ' ' || c >= '\t' && c <= '\r';
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
