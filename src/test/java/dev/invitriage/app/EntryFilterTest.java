package dev.invitriage.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Judgement;
import dev.invitriage.domain.Verdict;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryFilterTest {

  /** Every kind of row: each direction, verdict, decision, offender or not, client or not. */
  private static List<InboxEntry> everyKind() {
    List<InboxEntry> entries = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      for (Verdict verdict : Verdict.values()) {
        for (Decision decision : Decision.values()) {
          for (boolean flag : new boolean[] {false, true}) {
            Invitation inv = new Invitation(direction, "Ana Example", "", "Pat User", "",
                LocalDateTime.of(2026, 1, 2, 3, 4), "hello " + verdict);
            entries.add(new InboxEntry(InvitationId.of(inv), 8, inv,
                Judgement.of(new Classification(verdict, "test")), flag, !flag, flag, decision, null, "", ""));
          }
        }
      }
    }
    return entries;
  }

  @Test
  void aFilterThatMatchesAllMatchesEveryKindOfRow() {
    for (EntryFilter all : List.of(EntryFilter.ALL, new EntryFilter(false, null, null, null, false, "  "))) {
      assertThat(all.matchesAll()).isTrue();
      assertThat(everyKind()).allMatch(all::matches);
    }
  }

  @Test
  void aFilterOnAnythingDoesNotMatchAll() {
    List<EntryFilter> filters = List.of(
        new EntryFilter(true, null, null, null, false, null),
        new EntryFilter(false, Verdict.PERSONAL, null, null, false, null),
        new EntryFilter(false, null, Decision.PENDING, null, false, null),
        new EntryFilter(false, null, null, Direction.INCOMING, false, null),
        new EntryFilter(false, null, null, null, true, null),
        new EntryFilter(false, null, null, null, false, "ana"));
    for (EntryFilter filter : filters) {
      assertThat(filter.matchesAll()).as(filter.toString()).isFalse();
      assertThat(everyKind()).as(filter.toString()).anyMatch(e -> !filter.matches(e));
    }
  }
}
