package dev.invitriage.domain;

import java.util.Locale;

/** What the user decided to do with an invitation. */
public enum Decision {
  PENDING,
  ACCEPT,
  IGNORE,
  LATER;

  /** The lower-case word used on the command line and in exports. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code accept}, {@code ignore}, {@code later} or {@code pending}, in any case. */
  public static Decision fromWord(String word) {
    for (Decision d : values()) {
      if (d.name().equalsIgnoreCase(word.strip())) {
        return d;
      }
    }
    throw new InvitriageException(
        InvitriageException.Kind.USAGE,
        "unknown decision '" + word + "' (expected accept, ignore, later or pending)");
  }
}
