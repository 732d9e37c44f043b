package dev.invitriage.formats;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.RestoredTriage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The fields of an invitriage export, shared by both writers and by the reader that imports an
 * export back, so the three cannot drift apart.
 */
final class ExportFields {
  private ExportFields() {}

  /** Field names in export order. */
  static final List<String> NAMES =
      List.of(
          "id",
          "direction",
          "from_name",
          "from_url",
          "to_name",
          "to_url",
          "sent_at",
          "message",
          "verdict",
          "reason",
          "offender",
          "client",
          "connection",
          "decision",
          "decided_at",
          "note");

  /**
   * Makes a CSV cell safe to open in a spreadsheet: a cell starting with {@code = + - @}, tab or CR
   * could run as a formula, so it gets a leading {@code '}. A cell already starting with {@code '}
   * gets one too, so that {@link #restore} (drop exactly one leading {@code '}) is an exact
   * inverse.
   */
  static String neutralise(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    return isRisky(cell.charAt(0)) ? "'" + cell : cell;
  }

  /** Whether a cell starting with {@code c} gets a leading {@code '} (see {@link #neutralise}). */
  static boolean isRisky(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
  }

  /** Inverse of {@link #neutralise}. */
  static String restore(String cell) {
    return cell.startsWith("'") ? cell.substring(1) : cell;
  }

  /** The entry's values as text, in {@link #NAMES} order, before neutralisation. */
  static List<String> textValues(InboxEntry e) {
    return textValues(e.id(), e.invitation(), e.classification(), e.offender(), e.client(),
        e.connection(), e.decision(), e.decidedAt(), e.note());
  }

  /** {@link #textValues(InboxEntry)}, of an entry whose texts are as stored. */
  static List<String> textValues(EncodedEntry e) {
    return textValues(e.id(), e.invitation().decode(), e.classification(), e.offender(), e.client(),
        e.connection(), e.decision(), e.decidedAt(), e.note());
  }

  private static List<String> textValues(InvitationId id, Invitation inv, Classification c,
      boolean offender, boolean client, boolean connection, Decision decision, Instant decidedAt,
      String note) {
    return List.of(
        id.hex(),
        inv.direction().name(),
        inv.fromName(),
        inv.fromUrl(),
        inv.toName(),
        inv.toUrl(),
        Dates.formatExportDateTime(inv.sentAt()),
        inv.message(),
        c.verdict().name(),
        c.reason(),
        Boolean.toString(offender),
        Boolean.toString(client),
        Boolean.toString(connection),
        decision.word(),
        decidedAt(decidedAt),
        note);
  }

  static String decidedAt(Instant at) {
    return at == null ? "" : at.toString();
  }

  /**
   * Rebuilds the invitation and triage of one exported record. Verdict, reason and offender are not
   * read: the classifier recomputes them on import.
   *
   * @param field the value of a named field, the empty string when absent
   * @param where {@code file:line} for error messages
   */
  static RestoredTriage toRestored(Function<String, String> field, String where) {
    String id = field.apply("id");
    if (!InvitationId.isHex(id) || id.length() != InvitationId.HEX_LENGTH) {
      throw bad(where, "id", "not a 32-digit hex id " + Problems.show(id));
    }
    Direction direction = direction(field.apply("direction"), where, "direction");
    String sentText = field.apply("sent_at");
    LocalDateTime sentAt =
        Dates.exportDateTime(sentText)
            .orElseThrow(
                () -> bad(where, "sent_at", "cannot read date-time " + Problems.show(sentText)));
    Invitation inv =
        new Invitation(
            direction,
            field.apply("from_name"),
            field.apply("from_url"),
            field.apply("to_name"),
            field.apply("to_url"),
            sentAt,
            field.apply("message"));
    String decisionText = field.apply("decision");
    Decision decision = decision(decisionText, where);
    String decidedText = field.apply("decided_at");
    Instant decidedAt = null;
    if (!decidedText.isEmpty()) {
      try {
        decidedAt = Instant.parse(decidedText);
      } catch (DateTimeParseException e) {
        throw bad(where, "decided_at", "cannot read instant " + Problems.show(decidedText));
      }
    }
    return new RestoredTriage(
        inv,
        decision,
        decidedAt,
        field.apply("note"),
        bool(field.apply("client"), where, "client"),
        bool(field.apply("connection"), where, "connection"));
  }

  private static Decision decision(String text, String where) {
    for (Decision d : Decision.values()) {
      if (d.word().equalsIgnoreCase(text.strip())) {
        return d;
      }
    }
    throw bad(
        where,
        "decision",
        "expected pending, accept, ignore or later, found " + Problems.show(text));
  }

  static Direction direction(String text, String where, String fieldName) {
    String s = text.strip().toUpperCase(Locale.ROOT);
    if (s.equals("INCOMING")) {
      return Direction.INCOMING;
    }
    if (s.equals("OUTGOING")) {
      return Direction.OUTGOING;
    }
    throw bad(where, fieldName, "expected INCOMING or OUTGOING, found " + Problems.show(text));
  }

  private static boolean bool(String text, String where, String fieldName) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw bad(where, fieldName, "expected true or false, found " + Problems.show(text));
  }

  private static InvitriageException bad(String where, String fieldName, String what) {
    return Problems.field(where, fieldName, what);
  }
}
