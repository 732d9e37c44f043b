package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Verdict;
import java.util.Locale;

/**
 * Which invitations a listing or export shows. Null fields do not filter.
 *
 * @param direction null for both directions
 * @param search case-insensitive text looked for in the other person's name, the message and the
 *     note
 */
public record EntryFilter(
    boolean offendersOnly,
    Verdict verdict,
    Decision decision,
    Direction direction,
    boolean clientsOnly,
    String search) {

  /** Everything, both directions. */
  public static final EntryFilter ALL = new EntryFilter(false, null, null, null, false, null);

  /** Whether every invitation matches, so none needs reading to know. */
  public boolean matchesAll() {
    return !offendersOnly && verdict == null && decision == null && direction == null
        && !clientsOnly && (search == null || search.isBlank());
  }

  public boolean matches(InboxEntry e) {
    if (offendersOnly && !e.offender()) {
      return false;
    }
    if (verdict != null && e.verdict() != verdict) {
      return false;
    }
    if (decision != null && e.decision() != decision) {
      return false;
    }
    if (direction != null && e.invitation().direction() != direction) {
      return false;
    }
    if (clientsOnly && !e.client()) {
      return false;
    }
    return search == null || search.isBlank() || InboxView.matches(e, search.toLowerCase(Locale.ROOT));
  }
}
