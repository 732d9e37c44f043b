package dev.invitriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.invitriage.formats.ExportFormat;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import picocli.CommandLine;

/**
 * A command line read without picocli ({@link PlainCommandLine}) must mean what picocli reads in
 * it, or be left to picocli: the inbox, {@code stats} and {@code import} run as picocli would have
 * run them.
 */
class PlainCommandLineTest {

  /**
   * Command lines a user might type, near the plain forms and across their edges: command words
   * and options, each option with a value of any kind, or none.
   */
  @Provide
  Arbitrary<List<String>> commandLines() {
    Arbitrary<String> option = Arbitraries.of("--db", "--theme", "--format", "--debug", "--db=x.db", "--help", "-V", "--",
        "-o", "--output", "--offenders", "--search", "--direction");
    Arbitrary<String> value = Arbitraries.of("inbox.db", "dir/x.db", "light", "json", "text", "JSON", "csv", "-x", "@args", "",
        "tui", "stats", "list", "import", "export", "export.zip", "out.csv", "all", "incoming", "outgoing", "ALL");
    Arbitrary<List<String>> optionWithValue = Combinators.combine(option, value).as(List::of);
    Arbitrary<List<String>> word = Arbitraries.of("stats", "tui", "list", "import", "export", "inbox.db", "export.zip",
        "Invitations.csv", "--skip-bad", "-", "--offenders").map(List::of);
    Arbitrary<List<String>> alone = option.map(List::of);
    return Arbitraries.frequencyOf(Tuple.of(6, optionWithValue), Tuple.of(3, word), Tuple.of(1, alone))
        .list().ofMaxSize(4)
        .map(pieces -> pieces.stream().flatMap(List::stream).toList());
  }

  @Property(tries = 3000)
  void aPlainCommandLineMeansWhatPicocliReadsInIt(@ForAll("commandLines") List<String> words) {
    String[] args = words.toArray(String[]::new);
    PlainCommandLine plain = PlainCommandLine.parse(args);
    if (plain == null) {
      return; // picocli reads it: nothing to compare
    }
    CommandLine cl = Cli.commandLine(context(), sink(), sink(), args);
    assertThatCode(() -> cl.parseArgs(args)).as("picocli on %s", words).doesNotThrowAnyException();
    CommandLine.ParseResult parsed = cl.getParseResult();
    RootCommand root = cl.getCommand();
    CommandLine.ParseResult sub = parsed.subcommand();
    String command = sub == null ? PlainCommandLine.TUI : sub.commandSpec().name();
    assertThat(plain.command()).as("command of %s", words).isEqualTo(command);
    assertThat(plain.db()).as("--db of %s", words).isEqualTo(root.db);
    assertThat(parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()).isFalse();
    if (sub == null) {
      assertThat(plain.theme()).as("theme of %s", words).isEqualTo(root.theme);
    } else if (sub.commandSpec().userObject() instanceof TuiCommand tui) {
      assertThat(plain.theme()).as("theme of %s", words).isEqualTo(tui.theme != null ? tui.theme : root.theme);
    } else if (sub.commandSpec().userObject() instanceof ImportCommand importing) {
      assertThat(plain.paths()).as("paths of %s", words).isEqualTo(importing.paths);
      assertThat(importing.skipBad).isFalse();
    } else if (sub.commandSpec().userObject() instanceof ExportCommand export) {
      assertThat(plain.format() == null ? null : ExportFormat.valueOf(plain.format().toUpperCase(Locale.ROOT)))
          .as("format of %s", words).isEqualTo(export.format);
      assertThat(plain.output()).as("output of %s", words).isEqualTo(export.output);
      assertThat(plain.direction() == null ? null
          : FilterOptions.DirectionChoice.valueOf(plain.direction().toUpperCase(Locale.ROOT)))
          .as("direction of %s", words).isEqualTo(export.filter.direction);
      FilterOptions.DirectionChoice all = FilterOptions.DirectionChoice.ALL;
      export.filter.direction = null;
      assertThat(export.filter.toFilter(all).matchesAll()).as("filter of %s", words).isTrue();
    } else {
      StatsCommand stats = (StatsCommand) sub.commandSpec().userObject();
      StatsCommand.Format format = plain.format() == null ? StatsCommand.Format.TEXT
          : StatsCommand.Format.valueOf(plain.format().toUpperCase(Locale.ROOT));
      assertThat(format).as("format of %s", words).isEqualTo(stats.format);
    }
  }

  @Example
  void theFormsAsTypedArePlain() {
    assertThat(PlainCommandLine.parse()).isEqualTo(new PlainCommandLine("tui", null, null, null));
    assertThat(PlainCommandLine.parse("--db", "x.db", "--theme", "light"))
        .isEqualTo(new PlainCommandLine("tui", Path.of("x.db"), "light", null));
    assertThat(PlainCommandLine.parse("--theme", "dark", "tui", "--theme", "light", "--db", "x.db"))
        .isEqualTo(new PlainCommandLine("tui", Path.of("x.db"), "light", null));
    assertThat(PlainCommandLine.parse("stats", "--db", "x.db", "--format", "json"))
        .isEqualTo(new PlainCommandLine("stats", Path.of("x.db"), null, "json"));
    assertThat(PlainCommandLine.parse("--db", "x.db", "import", "export.zip", "Connections.csv"))
        .isEqualTo(new PlainCommandLine("import", Path.of("x.db"), null, null,
            List.of(Path.of("export.zip"), Path.of("Connections.csv")), null, null));
    assertThat(PlainCommandLine.parse("import", "a.zip", "--db", "x.db", "b"))
        .isEqualTo(new PlainCommandLine("import", Path.of("x.db"), null, null, List.of(Path.of("a.zip"), Path.of("b")), null, null));
    assertThat(PlainCommandLine.parse("--db", "x.db", "export", "-o", "out.csv"))
        .isEqualTo(new PlainCommandLine("export", Path.of("x.db"), null, null, List.of(), Path.of("out.csv"), null));
    assertThat(PlainCommandLine.parse("export", "--direction", "all", "-o", "out.csv"))
        .isEqualTo(new PlainCommandLine("export", null, null, null, List.of(), Path.of("out.csv"), "all"));
    assertThat(PlainCommandLine.parse("export", "--direction", "incoming"))
        .isEqualTo(new PlainCommandLine("export", null, null, null, List.of(), null, "incoming"));
    assertThat(PlainCommandLine.parse("export", "--format", "json", "--db", "x.db"))
        .isEqualTo(new PlainCommandLine("export", Path.of("x.db"), null, "json"));
    assertThat(PlainCommandLine.parse("export", "--output", "out.json", "--format", "json"))
        .isEqualTo(new PlainCommandLine("export", null, null, "json", List.of(), Path.of("out.json"), null));
  }

  @Example
  void everyOtherShapeIsLeftToPicocli() {
    List<String[]> picocli = List.of(new String[] {"--db", "x", "stats", "--format", "JSON"},
        new String[] {"--db", "x", "stats", "--format", "xml"}, new String[] {"--db", "x", "stats", "--debug"},
        new String[] {"--db", "x", "stats", "--db", "x"}, new String[] {"--db=x", "stats"}, new String[] {"stats", "--db"},
        new String[] {"stats", "--db", "-x"}, new String[] {"stats", "--db", "@args"},
        new String[] {"--db", "x", "--format", "json", "stats"}, new String[] {"--db", "x", "stats", "stats"},
        new String[] {"--db", "x", "stats", "--help"}, new String[] {"--db", "x", "list"}, new String[] {"--theme", "tui"},
        new String[] {"tui", "--theme", "a", "--theme", "b"}, new String[] {"stats", "--theme", "light"},
        new String[] {"--help"}, new String[] {"--version"}, new String[] {"tui", "stats"},
        new String[] {"import"}, new String[] {"import", "a.zip", "--skip-bad"}, new String[] {"import", "-"},
        new String[] {"import", "a.zip", "stats"}, new String[] {"import", ""}, new String[] {"--theme", "x", "import", "a"},
        new String[] {"import", "--", "a.zip"}, new String[] {"import", "@args"}, new String[] {"import", "a", "--db"},
        new String[] {"export", "--offenders"}, new String[] {"export", "--format", "JSON"},
        new String[] {"export", "--format", "xml"}, new String[] {"export", "-o"}, new String[] {"export", "-o", "-"},
        new String[] {"export", "-o", "a", "--output", "b"}, new String[] {"export", "-oout.csv"},
        new String[] {"export", "--output=out.csv"}, new String[] {"--theme", "x", "export"},
        new String[] {"export", "out.csv"}, new String[] {"export", "--search", "ana"}, new String[] {"export", "--help"},
        new String[] {"export", "--direction", "ALL"}, new String[] {"export", "--direction", "both"},
        new String[] {"export", "--direction", "all", "--direction", "all"}, new String[] {"stats", "--direction", "all"},
        new String[] {"export", "--direction", "all", "--offenders"});
    for (String[] args : picocli) {
      assertThat(PlainCommandLine.parse(args)).as(String.join(" ", args)).isNull();
    }
  }

  private static Context context() {
    return new Context(Map.of(), InputStream.nullInputStream(), false, 0, Clock.systemUTC());
  }

  private static PrintWriter sink() {
    return new PrintWriter(Writer.nullWriter());
  }
}
