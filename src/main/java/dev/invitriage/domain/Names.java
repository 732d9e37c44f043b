package dev.invitriage.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Puts people's names into one comparable form. */
public final class Names {
  private Names() {}

  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  /**
   * NFKC-folds (so mathematical-script letters become plain ones), lower-cases, and collapses all
   * whitespace runs to one space. Two spellings of a name that differ only in these ways match.
   */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
