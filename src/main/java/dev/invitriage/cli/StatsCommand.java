package dev.invitriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitriage.app.App;
import dev.invitriage.app.Overview;
import dev.invitriage.app.Stats;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.TemplateUse;
import dev.invitriage.domain.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code invitriage stats}: counts by direction, verdict, offender, decision and client. */
@Command(name = "stats",
    description = "Count invitations by direction, verdict, offender, decision and client.")
final class StatsCommand extends BaseCommand {
  enum Format {
    TEXT,
    JSON
  }

  @Option(names = "--format", paramLabel = "F", defaultValue = "text",
      description = "text (default) or json: json adds what the stats screen (S) shows, incoming invitations by month"
          + " over the last 12 and the 10 most-sent templates.")
  Format format = Format.TEXT;

  @Override
  public Integer call() throws JsonProcessingException {
    if (format == Format.JSON) {
      Overview o;
      try (App app = openApp()) {
        o = app.overview();
      }
      out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(o)));
      return ExitCodes.OK;
    }
    Stats s;
    try (App app = openApp()) {
      s = app.stats();
    }
    // Joined, not printf'd: java.util.Formatter loads the locale's number data, 8 ms of a start.
    PrintWriter out = out();
    out.println("invitations  " + s.total() + " (incoming " + s.direction(Direction.INCOMING) + ", outgoing "
        + s.direction(Direction.OUTGOING) + ")");
    out.println("verdicts     personal " + s.verdict(Verdict.PERSONAL) + " · default " + s.verdict(Verdict.DEFAULT)
        + " · generic " + s.verdict(Verdict.GENERIC) + " · empty " + s.verdict(Verdict.EMPTY)
        + " · template " + s.verdict(Verdict.TEMPLATE) + " (incoming)");
    out.println("offenders    " + s.offenders());
    out.println("decisions    pending " + s.decision(Decision.PENDING) + " · accept " + s.decision(Decision.ACCEPT)
        + " · ignore " + s.decision(Decision.IGNORE) + " · later " + s.decision(Decision.LATER) + " (incoming)");
    out.println("clients      " + invitations(s.clients()) + " from or to clients");
    out.println("connections  " + invitations(s.connections()) + " from or to existing connections");
    out.println("notes        " + invitations(s.withNotes()) + " with a note");
    return ExitCodes.OK;
  }

  private static String invitations(int n) {
    return n + (n == 1 ? " invitation" : " invitations");
  }

  /** The figures as JSON: names in lower case, counts as numbers, months oldest first. */
  static Map<String, Object> json(Overview o) {
    Stats s = o.stats();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("invitations", s.total());
    json.put("incoming", s.direction(Direction.INCOMING));
    json.put("outgoing", s.direction(Direction.OUTGOING));
    Map<String, Object> verdicts = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      verdicts.put(v.name().toLowerCase(Locale.ROOT), s.verdict(v));
    }
    json.put("verdicts", verdicts);
    json.put("offenders", s.offenders());
    Map<String, Object> decisions = new LinkedHashMap<>();
    for (Decision d : Decision.values()) {
      decisions.put(d.word(), s.decision(d));
    }
    json.put("decisions", decisions);
    json.put("clients", s.clients());
    json.put("connections", s.connections());
    json.put("notes", s.withNotes());
    List<Map<String, Object>> months = new ArrayList<>();
    for (Overview.Month m : o.months()) {
      Map<String, Object> month = new LinkedHashMap<>();
      month.put("month", m.month().toString());
      month.put("incoming", m.incoming());
      month.put("offenders", m.offenders());
      month.put("personal", m.personal());
      months.add(month);
    }
    json.put("months", months);
    List<Map<String, Object>> templates = new ArrayList<>();
    for (TemplateUse u : o.templates()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("text", u.text());
      t.put("senders", u.senders());
      t.put("invitations", u.invitations());
      templates.add(t);
    }
    json.put("templates", templates);
    return json;
  }
}
