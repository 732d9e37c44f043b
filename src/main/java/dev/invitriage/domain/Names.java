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
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return s.replaceAll("[\\s\\p{Z}]+", " ").strip();
  }
}
