package dev.invitriage.formats;

import dev.invitriage.domain.InvitriageException;

/** Builds the one-line {@code file:line: field "X": what} messages every reader here throws. */
final class Problems {
  private Problems() {}

  private static final int MAX_SHOWN = 60;

  /** A problem with one field of a record. */
  static InvitriageException field(String where, String fieldName, String what) {
    return InvitriageException.badInput(where + ": field \"" + fieldName + "\": " + what);
  }

  /** A problem with a whole record or file. */
  static InvitriageException at(String where, String what) {
    return InvitriageException.badInput(where + ": " + what);
  }

  /**
   * Quotes a value for a message, keeping the message on one line: line breaks and other control
   * characters are escaped, and long values are cut.
   */
  static String show(String value) {
    StringBuilder sb = new StringBuilder("\"");
    int n = 0;
    for (int i = 0; i < value.length() && n < MAX_SHOWN; i++, n++) {
      char c = value.charAt(i);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (value.length() > MAX_SHOWN) {
      sb.append('…');
    }
    return sb.append('"').toString();
  }
}
