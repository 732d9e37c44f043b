package dev.invitriage.app;

import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.TemplateUse;
import dev.invitriage.domain.Verdict;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox as a whole, as the stats screen draws it and {@code stats --format json} prints it:
 * the counts, incoming invitations by month over the last twelve, and the most-sent templates.
 *
 * @param months oldest first, ending with the current month
 */
public record Overview(Stats stats, List<Month> months, List<TemplateUse> templates) {
  /** How many months {@link #of} counts, ending with the current one. */
  public static final int MONTHS = 12;
  /** How many templates it lists. */
  public static final int TEMPLATES = 10;

  /** Incoming invitations sent in one month: all of them, the offenders, the personal ones. */
  public record Month(YearMonth month, int incoming, int offenders, int personal) { }

  static Overview of(FacetTable t, List<TemplateUse> templates, YearMonth current) {
    YearMonth first = current.minusMonths(MONTHS - 1L);
    // Month boundaries as the table stores times (minutes of the export's time, read as UTC):
    // comparing numbers, not making a date of each of a million invitations.
    long[] starts = new long[MONTHS + 1];
    for (int i = 0; i <= MONTHS; i++) {
      starts[i] = first.plusMonths(i).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 60;
    }
    int[][] counts = new int[MONTHS][3];
    for (int o = 0; o < t.size(); o++) {
      long minute = t.sentAtMinute(o);
      if (minute < starts[0] || minute >= starts[MONTHS] || t.direction(o) != Direction.INCOMING) {
        continue;
      }
      int m = 0;
      while (minute >= starts[m + 1]) {
        m++;
      }
      counts[m][0]++;
      counts[m][1] += t.offender(o) ? 1 : 0;
      counts[m][2] += t.verdict(o) == Verdict.PERSONAL ? 1 : 0;
    }
    List<Month> months = new ArrayList<>(MONTHS);
    for (int i = 0; i < MONTHS; i++) {
      months.add(new Month(first.plusMonths(i), counts[i][0], counts[i][1], counts[i][2]));
    }
    return new Overview(Stats.of(t), List.copyOf(months), List.copyOf(templates));
  }

}
