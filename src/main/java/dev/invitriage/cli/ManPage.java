package dev.invitriage.cli;

import dev.invitriage.ui.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The manual page, {@code invitriage(1)}, written in troff from the same picocli model that
 * {@code --help} prints, so that the two cannot drift apart; the sections picocli does not hold
 * (keys, files, environment, exit status) come from their own single sources here.
 */
final class ManPage {
  private final StringBuilder out = new StringBuilder();

  private ManPage() {}

  /** The page for the command line {@code root}, which has every subcommand. */
  static String of(CommandLine root, String version) {
    ManPage page = new ManPage();
    page.write(root.getCommandSpec(), version);
    return page.out.toString();
  }

  private void write(CommandSpec root, String version) {
    line(".TH INVITRIAGE 1 \"\" " + quoted("invitriage " + version) + " \"User Commands\"");
    section("NAME");
    text("invitriage \\- " + escape(lowerFirst(join(root.usageMessage().description()))));
    section("SYNOPSIS");
    line(".B invitriage");
    line("[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR]]");
    section("DESCRIPTION");
    paragraph("A keyboard-driven, full-screen terminal inbox for LinkedIn connection invitations."
        + " It imports a LinkedIn data export and judges every invitation's note: an invitation"
        + " whose note is empty, LinkedIn's default text, generic (greetings and a stock request to"
        + " connect only) or a mass-sent template is an offender, shown in red, unless the sender"
        + " is on the client list. A note that says something real is personal.");
    paragraph("With no command, opens the full-screen inbox on the store (as \\fBinvitriage tui\\fR).");
    section("OPTIONS");
    options(root);
    section("COMMANDS");
    for (CommandLine sub : root.subcommands().values()) {
      command(sub.getCommandSpec());
    }
    keys();
    files();
    environment();
    exitStatus();
    section("SEE ALSO");
    text("java(1). Your LinkedIn data export: Settings, Data privacy, Get a copy of your data.");
  }

  /** A subcommand, then its own subcommands ({@code client add}, {@code db check}). */
  private void command(CommandSpec spec) {
    if (spec.usageMessage().hidden()) {
      return;
    }
    line(".SS " + quoted(spec.qualifiedName() + synopsisArguments(spec)));
    paragraph(escape(join(spec.usageMessage().description())));
    options(spec);
    for (String footer : spec.usageMessage().footer()) {
      if (!footer.isBlank()) {
        paragraph(escape(footer));
      }
    }
    for (CommandLine sub : spec.subcommands().values()) {
      command(sub.getCommandSpec());
    }
  }

  private static String synopsisArguments(CommandSpec spec) {
    StringBuilder s = new StringBuilder();
    if (!visibleOptions(spec).isEmpty()) {
      s.append(" [OPTIONS]");
    }
    if (!spec.subcommands().isEmpty()) {
      s.append(" COMMAND");
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        String label = p.paramLabel() + (p.isMultiValue() ? "..." : "");
        s.append(' ').append(p.arity().min == 0 ? "[" + label + "]" : label);
      }
    }
    return s.toString();
  }

  private void options(CommandSpec spec) {
    for (OptionSpec option : visibleOptions(spec)) {
      line(".TP");
      StringBuilder names = new StringBuilder();
      for (String name : option.names()) {
        if (names.length() > 0) {
          names.append(", ");
        }
        names.append("\\fB").append(escape(name)).append("\\fR");
      }
      if (option.typeInfo().isBoolean() && option.arity().max == 0) {
        line(names.toString());
      } else {
        line(names + " \\fI" + escape(option.paramLabel()) + "\\fR");
      }
      text(escape(description(option)));
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        line(".TP");
        line("\\fI" + escape(p.paramLabel()) + "\\fR");
        text(escape(description(p)));
      }
    }
  }

  /** Options of this command, not the inherited copies of the root's nor --help and --version. */
  private static List<OptionSpec> visibleOptions(CommandSpec spec) {
    List<OptionSpec> visible = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      boolean standard = option.usageHelp() || option.versionHelp();
      if (!option.hidden() && !option.inherited() && !(standard && spec.parent() != null)) {
        visible.add(option);
      }
    }
    return visible;
  }

  private static String description(ArgSpec arg) {
    String d = join(arg.description());
    return d.replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue()))
        .replace("${COMPLETION-CANDIDATES}", candidates(arg));
  }

  private static String candidates(ArgSpec arg) {
    List<String> all = new ArrayList<>();
    if (arg.completionCandidates() != null) {
      arg.completionCandidates().forEach(all::add);
    }
    return String.join(", ", all);
  }

  private void keys() {
    section("KEYS");
    paragraph("In the full-screen inbox (rebind any of them in"
        + " \\fI$XDG_CONFIG_HOME/invitriage/keys.properties\\fR; \\fB?\\fR shows the keys in use):");
    for (Action action : Action.values()) {
      line(".TP");
      line("\\fB" + escape(String.join(", ", action.defaultKeys())) + "\\fR");
      text(escape(action.description()));
    }
  }

  private void files() {
    section("FILES");
    entry("$XDG_DATA_HOME/invitriage/inbox.db",
        "The store (default \\fI~/.local/share/invitriage/inbox.db\\fR), with its journal and lock"
            + " beside it; \\fIinbox.db.bak\\fR, the store as it was before the last import or upgrade,"
            + " which opens as a store of its own; \\fIinbox.db.import\\fR while an import writes it.");
    entry("$XDG_CONFIG_HOME/invitriage/config.properties",
        "Settings, one \\fIname\\fR = \\fIvalue\\fR a line; \\fBinvitriage config\\fR prints each"
            + " with its effective value and where it came from.");
    entry("$XDG_CONFIG_HOME/invitriage/keys.properties", "Key bindings of the full-screen inbox.");
    entry("$XDG_CONFIG_HOME/invitriage/default-phrases.txt",
        "Your own default texts, one a line (see \\fBinvitriage phrases\\fR).");
    entry("$XDG_CACHE_HOME/invitriage/",
        "The launcher's class-data-sharing archives (on Java 25 and newer, AOT caches): one for the short commands,"
            + " one for the full-screen inbox, one for the server, import, export and list; safe to delete at any time.");
  }

  private void environment() {
    section("ENVIRONMENT");
    entry("BROWSER", "The browser the inbox's \\fBo\\fR and \\fBO\\fR open LinkedIn in (its first ':' entry;"
        + " %s stands for the address); else \\fBxdg\\-open\\fR, else \\fBopen\\fR.");
    entry("INVITRIAGE_DB", "The store, when \\fB\\-\\-db\\fR is not given.");
    entry("INVITRIAGE_JAVA_OPTS", "Extra options for the Java virtual machine, passed by the launcher.");
    entry("INVITRIAGE_SHOW_COMMAND", "When set, the launcher prints the Java command it would run, a word a line, and runs nothing.");
    entry("JAVA_HOME", "The Java installation to use (17 or newer); else \\fBjava\\fR on the PATH.");
    entry("NO_COLOR", "When set and not empty, no colour is used.");
    entry("XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME",
        "Base directories, by the XDG rules (defaults \\fI~/.local/share\\fR, \\fI~/.config\\fR,"
            + " \\fI~/.cache\\fR).");
  }

  private void exitStatus() {
    section("EXIT STATUS");
    entry(String.valueOf(ExitCodes.OK), "Success.");
    entry(String.valueOf(ExitCodes.USAGE), "Bad command line: unknown option, missing argument, unknown id.");
    entry(String.valueOf(ExitCodes.BAD_INPUT), "An input file or text is malformed; nothing from it was stored.");
    entry("69", "No Java 17 or newer was found (the launcher).");
    entry(String.valueOf(ExitCodes.INTERNAL), "An internal error (a bug in invitriage).");
    entry(String.valueOf(ExitCodes.IO), "Reading or writing failed, including a full disk.");
    entry(String.valueOf(ExitCodes.IN_USE), "Another invitriage process has the store open; try again later.");
    entry(String.valueOf(ExitCodes.CONFIG), "A bad line or value in config.properties (or a bad INVITRIAGE_ variable): nothing else ran.");
  }

  private void entry(String tag, String troffText) {
    line(".TP");
    line("\\fB" + escape(tag) + "\\fR");
    text(troffText);
  }

  private void section(String name) {
    line(".SH " + name);
  }

  private void paragraph(String troffText) {
    line(".PP");
    text(troffText);
  }

  /** Text lines; a line that would start with a control character is guarded. */
  private void text(String troffText) {
    for (String l : troffText.split("\n", -1)) {
      line(l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l);
    }
  }

  private void line(String l) {
    out.append(l).append('\n');
  }

  private static String join(String[] lines) {
    return String.join(" ", lines).strip();
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  private static String quoted(String s) {
    return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
  }

  /** Plain text as troff: backslashes escaped, hyphens as minus signs (options stay copyable). */
  static String escape(String s) {
    return s.replace("\\", "\\e").replace("-", "\\-").replace("`", "\\(ga").replace("'", "\\(aq");
  }
}
