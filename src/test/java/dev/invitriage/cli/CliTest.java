package dev.invitriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.app.Settings;
import dev.invitriage.classify.Classifier;
import dev.invitriage.domain.Classification;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.Verdict;
import dev.invitriage.store.MapDbInbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  static final String HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
  /** Escape sequences and controls around a real note (so that it stays personal). */
  static final String HOSTILE = "Hi \u001b]52;c;aGk=\u0007 there \u001b[2J we met at FOSDEM \u009b31m \u202e";

  @TempDir Path home;
  CliRunner cli;
  Path invitations;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(home);
    invitations = home.resolve("Invitations.csv");
    Files.writeString(invitations, HEADER
        + "Pat User,Sam Out,\"11/2/26, 9:15 AM\",,OUTGOING,https://www.linkedin.com/in/pat-user,https://www.linkedin.com/in/sam-out\n"
        + "Ana Lima,Pat User,\"11/20/26, 8:56 PM\",I'd like to add you to my professional network on LinkedIn. - Ana,INCOMING,https://www.linkedin.com/in/ana-lima,https://www.linkedin.com/in/pat-user\n"
        + "Bo Chen,Pat User,\"11/19/26, 10:01 AM\",,INCOMING,https://www.linkedin.com/in/bo-chen,https://www.linkedin.com/in/pat-user\n"
        + "Cara Diaz,Pat User,\"11/18/26, 12:05 AM\",\"Hi Pat, we met at the Lisbon Java meetup last week, would love to stay in touch.\",INCOMING,https://www.linkedin.com/in/cara-diaz,https://www.linkedin.com/in/pat-user\n"
        + "\"Evil, Esq.\",Pat User,\"11/17/26, 1:00 PM\",\"" + HOSTILE + "\",INCOMING,https://www.linkedin.com/in/evil,https://www.linkedin.com/in/pat-user\n",
        StandardCharsets.UTF_8);
  }

  CliRunner.Result importSample() {
    CliRunner.Result r = cli.run("import", invitations.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  JsonNode listJson(String... filters) throws IOException {
    List<String> args = new ArrayList<>(List.of("list", "--format", "json"));
    args.addAll(List.of(filters));
    CliRunner.Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("from_name").asText()));
    return out;
  }

  String idOf(String fromName) throws IOException {
    for (JsonNode n : listJson("--direction", "all")) {
      if (n.get("from_name").asText().equals(fromName)) {
        return n.get("id").asText();
      }
    }
    throw new AssertionError("no invitation from " + fromName);
  }

  @Test
  void importPrintsTheSummaryLine() {
    assertThat(importSample().out())
        .isEqualTo("imported 5 invitations (5 new, 0 already known), 0 connections from Invitations.csv\n");
  }

  @Test
  void reimportingAddsNothingNew() {
    importSample();
    assertThat(cli.run("import", invitations.toString()).out())
        .isEqualTo("imported 5 invitations (0 new, 5 already known), 0 connections from Invitations.csv\n");
  }

  @Test
  void aBrokenFileFailsWithOneLineAndExit65AndStoresNothing() throws IOException {
    Files.writeString(invitations, HEADER + "Ana,Pat,\"11/20/26, 8:56 PM\",hello,INCOMING,a,b\nBo,Pat,\"unterminated,INCOMING\n");
    CliRunner.Result r = cli.run("import", invitations.toString());
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.err()).startsWith("invitriage: Invitations.csv:").doesNotContain("Exception").hasLineCount(1);
    assertThat(listJson("--direction", "all")).isEmpty();
  }

  @Test
  void aMissingFileIsBadInput() {
    CliRunner.Result r = cli.run("import", home.resolve("nope.csv").toString());
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.err()).startsWith("invitriage: ").contains("nope.csv").hasLineCount(1);
  }

  @Test
  void offendersAreDefaultAndEmptyIncomingOnly() throws IOException {
    importSample();
    assertThat(names(listJson("--offenders"))).containsExactlyInAnyOrder("Ana Lima", "Bo Chen");
    assertThat(names(listJson("--verdict", "personal"))).contains("Cara Diaz").doesNotContain("Ana Lima");
  }

  @Test
  void listDefaultsToIncomingNewestFirst() throws IOException {
    importSample();
    assertThat(names(listJson())).containsExactly("Ana Lima", "Bo Chen", "Cara Diaz", "Evil, Esq.");
    assertThat(names(listJson("--direction", "outgoing"))).containsExactly("Pat User");
  }

  @Test
  void aDecisionByIdPrefixIsRecordedAndUndone() throws IOException {
    importSample();
    String id = idOf("Ana Lima");
    CliRunner.Result r = cli.run("decide", id.substring(0, 10), "accept");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(names(listJson("--decision", "accept"))).containsExactly("Ana Lima");
    JsonNode ana = listJson("--decision", "accept").get(0);
    assertThat(ana.get("decided_at").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(cli.run("undo").out()).isEqualTo("undid: accept 1 invitation\n");
    assertThat(listJson("--decision", "accept")).isEmpty();
    assertThat(cli.run("redo").out()).isEqualTo("redid: accept 1 invitation\n");
    assertThat(names(listJson("--decision", "accept"))).containsExactly("Ana Lima");
  }

  @Test
  void decidingSeveralIdsIsOneChange() throws IOException {
    importSample();
    assertThat(cli.run("decide", idOf("Ana Lima"), idOf("Bo Chen"), "ignore").out()).isEqualTo("ignore: 2 invitations\n");
    cli.run("undo");
    assertThat(listJson("--decision", "ignore")).isEmpty();
  }

  @Test
  void anUnknownIdOrDecisionIsAUsageError() throws IOException {
    importSample();
    CliRunner.Result unknown = cli.run("decide", "ffffffffffff", "accept");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("invitriage: no invitation with id ffffffffffff\n");
    CliRunner.Result badWord = cli.run("decide", idOf("Ana Lima"), "maybe");
    assertThat(badWord.code()).isEqualTo(2);
    assertThat(badWord.err()).contains("unknown decision 'maybe'");
    assertThat(cli.run("decide", "zz", "accept").code()).isEqualTo(2);
  }

  @Test
  void aNoteIsSetPrintedAndRemoved() throws IOException {
    importSample();
    String id = idOf("Bo Chen");
    assertThat(cli.run("note", id, "Met at KubeCon, ask about Berlin").out()).isEqualTo("note saved\n");
    assertThat(cli.run("note", id).out()).isEqualTo("Met at KubeCon, ask about Berlin\n");
    assertThat(cli.run("note", id, "").out()).isEqualTo("note removed\n");
    assertThat(cli.run("note", id).out()).isEmpty();
  }

  @Test
  void noteEditRunsTheEditorOnTheCurrentNote() throws IOException {
    importSample();
    String id = idOf("Bo Chen");
    cli.run("note", id, "old");
    Path script = home.resolve("editor.sh");
    Files.writeString(script, "#!/bin/sh\nprintf 'edited from %s\\n' \"$(cat \"$1\")\" > \"$1\"\n");
    script.toFile().setExecutable(true);
    cli.env.put("EDITOR", script.toString());
    assertThat(cli.run("note", id, "--edit").out()).isEqualTo("note saved\n");
    assertThat(cli.run("note", id).out()).isEqualTo("edited from old\n");
  }

  @Test
  void aClientIsNeverAnOffender() throws IOException {
    importSample();
    CliRunner.Result add = cli.run("client", "add", "--name", "Ana Lima", "--url", "https://linkedin.com/in/ana-lima/");
    assertThat(add.out()).isEqualTo("added client 1: Ana Lima\n");
    assertThat(names(listJson("--offenders"))).containsExactly("Bo Chen");
    assertThat(names(listJson("--client"))).containsExactly("Ana Lima");
    assertThat(cli.run("client", "list").out()).contains("Ana Lima").contains("https://linkedin.com/in/ana-lima/");
    assertThat(cli.run("client", "edit", "1", "--company", "Acme").out()).isEqualTo("updated client 1: Ana Lima\n");
    assertThat(cli.run("client", "remove", "https://www.linkedin.com/in/ana-lima").out()).isEqualTo("removed client 1: Ana Lima\n");
    assertThat(names(listJson("--offenders"))).containsExactlyInAnyOrder("Ana Lima", "Bo Chen");
    assertThat(cli.run("client", "remove", "7").code()).isEqualTo(2);
  }

  @Test
  void clientsAreImportedFromACsv() throws IOException {
    Path clients = home.resolve("clients.csv");
    Files.writeString(clients, "name,profile_url,company,note\nBo Chen,https://www.linkedin.com/in/bo-chen,Chen GmbH,retainer\n");
    importSample();
    assertThat(cli.run("client", "import", clients.toString()).out()).isEqualTo("imported 1 clients from clients.csv\n");
    assertThat(names(listJson("--offenders"))).containsExactly("Ana Lima");
  }

  @Test
  void aNoteThatSaysNothingIsGenericAndAnOffenderInListsStatsAndExports() throws IOException {
    Files.writeString(invitations,
        "Dan Roe,Pat User,\"11/16/26, 9:00 AM\",\"Hi Pat, let's connect! Best, Dan\",INCOMING,"
            + "https://www.linkedin.com/in/dan-roe,https://www.linkedin.com/in/pat-user\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    importSample();

    JsonNode generic = listJson("--verdict", "generic");
    assertThat(names(generic)).containsExactly("Dan Roe");
    assertThat(generic.get(0).get("verdict").asText()).isEqualTo("GENERIC");
    assertThat(generic.get(0).get("reason").asText())
        .isEqualTo("generic: greeting + request to connect + sign-off + signature (en)");
    assertThat(generic.get(0).get("offender").asBoolean()).isTrue();
    assertThat(names(listJson("--offenders"))).contains("Dan Roe");
    assertThat(cli.run("stats").out()).contains("generic 1").contains("offenders    3");
  }

  @Test
  void classifyExplainsANoteAsLabelledPieces() throws IOException {
    CliRunner.Result r = cli.run("classify", "--explain", "--sender", "Ben Carter", "--recipient", "Will Brooks",
        "Will, I'd like to add you to my professional network on LinkedIn. Best, Ben");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly(
        "DEFAULT\tdefault text (en, classic) with greeting, sign-off and signature",
        "  name          will",
        "  default text  id like to add you to my professional network on linkedin  (en, classic)",
        "  sign-off      best  (en)",
        "  signature     ben");

    JsonNode json = new ObjectMapper().readTree(
        cli.run("classify", "--explain", "--format", "json", "Hi Marta, let's connect!").out());
    assertThat(json.get("verdict").asText()).isEqualTo("GENERIC");
    assertThat(json.get("pieces").get(2).get("kind").asText()).isEqualTo("request to connect");
    assertThat(json.get("pieces").get(2).get("text").asText()).isEqualTo("lets connect");
  }

  @Test
  void classifyPrintsVerdictTabReason() throws IOException {
    CliRunner.Result r = cli.run("classify", "Hi Anna, I'd like to add you to my professional network on LinkedIn. - John");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("DEFAULT\t").contains("(en, classic)");
    cli.stdin = "Loved your talk at JavaOne about virtual threads!";
    assertThat(cli.run("classify").out()).startsWith("PERSONAL\t");
    JsonNode json = new ObjectMapper().readTree(cli.run("classify", "--format", "json", "").out());
    assertThat(json.get("verdict").asText()).isEqualTo("EMPTY");
    assertThat(json.get("reason").asText()).isNotBlank();
  }

  @Test
  void userPhrasesAreManagedAndCount() {
    assertThat(cli.run("classify", "Let us grow together").out()).startsWith("PERSONAL");
    assertThat(cli.run("phrases", "add", "Let us grow together").out()).isEqualTo("added\n");
    assertThat(cli.run("phrases", "list").out()).isEqualTo("  1  Let us grow together\n");
    assertThat(cli.run("classify", "Let us grow together!").out()).startsWith("DEFAULT");
    assertThat(cli.run("phrases", "remove", "1").out()).isEqualTo("removed: Let us grow together\n");
    assertThat(new PhraseBook(cli.home().resolve("config/invitriage/default-phrases.txt")).phrases()).isEmpty();
  }

  @Test
  void addingAPhraseRejudgesTheStoredInvitations() throws IOException {
    Files.writeString(invitations, HEADER
        + "Dee Dee,Pat User,\"11/20/26, 8:56 PM\",Let us grow together,INCOMING,https://www.linkedin.com/in/dee,https://www.linkedin.com/in/pat-user\n");
    importSample();
    assertThat(names(listJson("--offenders"))).isEmpty();
    cli.run("phrases", "add", "Let us grow together");
    CliRunner.Result r = cli.run("list", "--offenders", "--format", "json");
    assertThat(names(new ObjectMapper().readTree(r.out()))).containsExactly("Dee Dee");
    assertThat(r.err()).contains("1 verdict(s) changed");
  }

  @Test
  void aStoreJudgedByEarlierRulesIsJudgedAgainOnFirstOpenAndSaysSo() throws IOException {
    Files.writeString(invitations,
        "Gil Ray,Pat User,\"11/16/26, 9:00 AM\",\"Hi Pat, let's connect!\",INCOMING,"
            + "https://www.linkedin.com/in/gil-ray,https://www.linkedin.com/in/pat-user\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    importSample();
    // The store as the rules before GENERIC left it: the same judging, GENERIC called personal.
    Classifier current = Classifier.create(List.of());
    MessageClassifier earlier = new MessageClassifier() {
      @Override
      public Classification classify(String message, String sender, String recipient) {
        Classification c = current.classify(message, sender, recipient);
        return c.verdict() == Verdict.GENERIC ? new Classification(Verdict.PERSONAL, "personal") : c;
      }

      @Override
      public String templateKey(String message, String sender, String recipient) {
        return current.templateKey(message, sender, recipient);
      }

      @Override
      public String fingerprint() {
        return "rules 2";
      }
    };
    List<String> notices = new ArrayList<>();
    try (MapDbInbox store = MapDbInbox.open(cli.db(), earlier, notices::add)) {
      assertThat(notices).containsExactly("1 verdict(s) changed since the classifier or your phrases changed");
    }

    CliRunner.Result r = cli.run("list", "--verdict", "generic", "--format", "json");

    assertThat(r.code()).isZero();
    assertThat(names(new ObjectMapper().readTree(r.out()))).containsExactly("Gil Ray");
    assertThat(r.err()).contains("1 verdict(s) changed");
    assertThat(cli.run("list", "--verdict", "generic").err()).doesNotContain("changed"); // once
  }

  @Test
  void aConnectionMatchedByNameSurvivesExportAndReimport() throws IOException {
    // An invitation without a URL is a connection by its unique name; another, with the URL,
    // to the same person. Re-importing must not make the name ambiguous.
    Files.writeString(invitations, HEADER
        + "Zed Ray,Pat User,\"11/20/26, 8:56 PM\",,INCOMING,,https://www.linkedin.com/in/pat-user\n"
        + "Pat User,Zed Ray,\"11/19/26, 8:56 PM\",,OUTGOING,https://www.linkedin.com/in/pat-user,"
        + "https://www.linkedin.com/in/zed-ray\n", StandardCharsets.UTF_8);
    Path connections = home.resolve("Connections.csv");
    Files.writeString(connections, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "Zed,Ray,https://www.linkedin.com/in/zed-ray,,,,16 Dec 2024\n", StandardCharsets.UTF_8);
    assertThat(cli.run("import", invitations.toString(), connections.toString()).code()).isZero();
    Path csv = home.resolve("out.csv");
    cli.run("export", "--direction", "all", "-o", csv.toString());
    String first = Files.readString(csv);
    assertThat(first.lines().filter(l -> l.contains(",true,"))).hasSize(2); // both are connections

    assertThat(reexported(csv, "--direction", "all")).isEqualTo(first);
  }

  /**
   * {@code csv} imported into a fresh, empty store and exported again with {@code exportArgs}; the
   * fresh store's runner stays at {@code home/fresh}.
   */
  private String reexported(Path csv, String... exportArgs) throws IOException {
    CliRunner fresh = new CliRunner(home.resolve("fresh"));
    assertThat(fresh.run("import", csv.toString()).code()).isZero();
    Path again = home.resolve("again.csv");
    List<String> args = new ArrayList<>(List.of("export", "-o", again.toString()));
    args.addAll(List.of(exportArgs));
    assertThat(fresh.run(args.toArray(String[]::new)).code()).isZero();
    return Files.readString(again);
  }

  @Test
  void anExportWithoutFiltersIsTheWholeStoreBothDirectionsAndComesBackByteForByte() throws IOException {
    importSample();
    cli.run("decide", idOf("Ana Lima"), "accept");
    cli.run("note", idOf("Cara Diaz"), "met at KubeCon");
    cli.run("client", "add", "--name", "Bo Chen", "--url", "https://www.linkedin.com/in/bo-chen");
    Path csv = home.resolve("whole.csv");
    CliRunner.Result r = cli.run("export", "-o", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("exported 5 invitations");
    String first = Files.readString(csv);
    assertThat(first.lines().skip(1)).hasSize(5).anyMatch(l -> l.contains(",OUTGOING,"));
    assertThat(cli.run("list", "--format", "csv").out().lines().skip(1))
        .as("list keeps showing incoming only").hasSize(4);

    assertThat(reexported(csv)).isEqualTo(first);
    assertThat(new CliRunner(home.resolve("fresh")).run("export", "--format", "json").out())
        .isEqualTo(cli.run("export", "--format", "json").out());
  }

  @Test
  void exportAndReimportLosesNothing() throws IOException {
    importSample();
    cli.run("decide", idOf("Ana Lima"), "ignore");
    cli.run("note", idOf("Cara Diaz"), "=cmd|' /C calc'!A0, \"quoted\"\nsecond line");
    cli.run("client", "add", "--name", "Bo Chen", "--url", "https://www.linkedin.com/in/bo-chen");
    Path csv = home.resolve("out.csv");
    CliRunner.Result r = cli.run("export", "--direction", "all", "-o", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String first = Files.readString(csv);
    assertThat(first).startsWith("id,direction,from_name,from_url,to_name,to_url,sent_at,message,verdict,reason,offender,client,connection,decision,decided_at,note");
    assertThat(first).doesNotContain(",=cmd");

    assertThat(reexported(csv, "--direction", "all")).isEqualTo(first);

    CliRunner.Result json = cli.run("export", "--direction", "all", "--format", "json");
    assertThat(new ObjectMapper().readTree(json.out())).hasSize(5);
  }

  @Test
  void statsCountsByDirectionVerdictAndDecision() throws IOException {
    importSample();
    String out = cli.run("stats").out();
    assertThat(out).contains("invitations  5 (incoming 4, outgoing 1)");
    assertThat(out).contains("offenders    2");
    assertThat(out).contains("pending 4");
    assertThat(out).contains("notes        0 invitations with a note");
    String id = listJson().get(0).get("id").asText();
    assertThat(cli.run("note", id, "met in Lisbon").code()).isZero();
    assertThat(cli.run("stats").out()).contains("notes        1 invitation with a note");
  }

  /**
   * {@code stats} as it is typed runs without picocli (Cli.runDirectly): it must print and exit
   * as picocli's run of the same words does (which shapes are plain: PlainCommandLineTest).
   */
  @Test
  void statsRunWithoutPicocliActsAsPicocliDoes() throws IOException {
    importSample();
    String db = cli.db().toString();
    String missing = home.resolve("no-such-dir").resolve("x").toString();
    Files.writeString(home.resolve("no-such-dir"), "a file where a folder should be");
    List<String[]> direct = List.of(new String[] {"--db", db, "stats"}, new String[] {"stats", "--db", db},
        new String[] {"stats", "--db", db, "--format", "json"}, new String[] {"--db", db, "stats", "--format", "text"},
        new String[] {"stats", "--db", missing});
    for (String[] args : direct) {
      assertThat(Cli.runDirectly(context(), settings(), sink(), sink(), args)).as(String.join(" ", args)).isNotNull();
      assertThat(cli.runRaw(args)).as(String.join(" ", args)).isEqualTo(viaPicocli(args));
    }
    String[] picocli = {"--db", db, "stats", "--format", "JSON"};
    assertThat(Cli.runDirectly(context(), settings(), sink(), sink(), picocli)).isNull();
  }

  /** {@code export} as it is typed runs without picocli too, with the same output and files. */
  @Test
  void exportRunWithoutPicocliActsAsPicocliDoes() throws IOException {
    importSample();
    String db = cli.db().toString();
    Path direct = home.resolve("direct.csv");
    Path viaPicocli = home.resolve("picocli.csv");
    Files.writeString(home.resolve("no-such-dir"), "a file where a folder should be");
    String unwritable = home.resolve("no-such-dir").resolve("x.csv").toString();
    List<String[]> forms = List.of(new String[] {"--db", db, "export"}, new String[] {"export", "--db", db, "--format", "json"},
        new String[] {"export", "--db", db, "--format", "csv"}, new String[] {"export", "--db", db, "-o", unwritable},
        new String[] {"export", "--db", db, "--direction", "incoming", "--format", "json"},
        new String[] {"--db", db, "export", "--direction", "outgoing"}, new String[] {"export", "--db", db, "--direction", "all"});
    for (String[] args : forms) {
      assertThat(Cli.runDirectly(context(), settings(), sink(), sink(), args)).as(String.join(" ", args)).isNotNull();
      assertThat(cli.runRaw(args)).as(String.join(" ", args)).isEqualTo(viaPicocli(args));
    }
    for (String format : List.of("csv", "json")) {
      CliRunner.Result plain = cli.runRaw("--db", db, "export", "--format", format, "-o", direct.toString());
      CliRunner.Result picocli = viaPicocli("--db", db, "export", "--format", format, "--output", viaPicocli.toString());
      assertThat(plain.code()).isZero().isEqualTo(picocli.code());
      assertThat(plain.err()).isEqualTo(picocli.err().replace(viaPicocli.toString(), direct.toString()));
      assertThat(Files.readString(direct)).isEqualTo(Files.readString(viaPicocli)).isNotEmpty();
    }
  }

  private Settings settings() {
    return Settings.load(cli.env);
  }

  private Context context() {
    // CliRunner's clock: stats --format json counts the months up to the clock's.
    return new Context(cli.env, InputStream.nullInputStream(), false, 0,
        Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
  }

  private static PrintWriter sink() {
    return new PrintWriter(Writer.nullWriter());
  }

  /** What picocli's run of {@code args} prints and returns, as {@link CliRunner#runRaw} reports it. */
  private CliRunner.Result viaPicocli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out);
    PrintWriter e = new PrintWriter(err);
    int code = Cli.runWithPicocli(context(), settings(), o, e, args);
    o.flush();
    e.flush();
    return new CliRunner.Result(code, out.toString(), err.toString());
  }

  @Test
  void statsAsJsonAddsTheLastTwelveMonthsAndTheMostSentTemplates() throws IOException {
    String template = "Hi Pat, our AI platform triples outbound pipeline for SaaS founders in 90 days, guaranteed";
    Files.writeString(invitations, HEADER
        + "Ana One,Pat,\"11/20/26, 8:56 PM\",\"" + template + "\",INCOMING,https://www.linkedin.com/in/ana,https://www.linkedin.com/in/pat\n"
        + "Bo Two,Pat,\"11/02/26, 8:56 PM\",\"" + template + "\",INCOMING,https://www.linkedin.com/in/bo,https://www.linkedin.com/in/pat\n"
        + "Cy Three,Pat,\"10/15/26, 8:56 PM\",\"" + template + "\",INCOMING,https://www.linkedin.com/in/cy,https://www.linkedin.com/in/pat\n"
        + "Di Four,Pat,\"10/01/26, 8:56 PM\",\"Pat, we spoke at the Kafka summit about your talk on retries\",INCOMING,https://www.linkedin.com/in/di,https://www.linkedin.com/in/pat\n"
        + "Ed Five,Pat,\"12/24/25, 8:56 PM\",,INCOMING,https://www.linkedin.com/in/ed,https://www.linkedin.com/in/pat\n"
        + "Old Six,Pat,\"11/24/25, 8:56 PM\",,INCOMING,https://www.linkedin.com/in/old,https://www.linkedin.com/in/pat\n"
        + "Pat,Out Seven,\"11/21/26, 8:56 PM\",,OUTGOING,https://www.linkedin.com/in/pat,https://www.linkedin.com/in/out\n");
    CliRunner.Result imported = cli.run("import", invitations.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    CliRunner.Result r = cli.run("stats", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("invitations").asInt()).isEqualTo(7);
    assertThat(json.get("incoming").asInt()).isEqualTo(6);
    assertThat(json.get("verdicts").get("template").asInt()).isEqualTo(3);
    assertThat(json.get("verdicts").get("personal").asInt()).isEqualTo(1);
    assertThat(json.get("offenders").asInt()).isEqualTo(5);
    assertThat(json.get("decisions").get("pending").asInt()).isEqualTo(6);
    // Twelve months ending with the clock's (2026-11): November 2025 falls outside.
    JsonNode months = json.get("months");
    assertThat(months).hasSize(12);
    assertThat(months.get(0).get("month").asText()).isEqualTo("2025-12");
    assertThat(months.get(11).get("month").asText()).isEqualTo("2026-11");
    assertThat(months.get(11).get("incoming").asInt()).isEqualTo(2);
    assertThat(months.get(11).get("offenders").asInt()).isEqualTo(2);
    assertThat(months.get(10).get("incoming").asInt()).isEqualTo(2);
    assertThat(months.get(10).get("personal").asInt()).isEqualTo(1);
    assertThat(months.get(0).get("incoming").asInt()).isEqualTo(1);
    int counted = 0;
    for (JsonNode m : months) {
      counted += m.get("incoming").asInt();
    }
    assertThat(counted).isEqualTo(5);
    JsonNode templates = json.get("templates");
    assertThat(templates).hasSize(1);
    assertThat(templates.get(0).get("text").asText()).isEqualTo(template);
    assertThat(templates.get(0).get("senders").asInt()).isEqualTo(3);
    assertThat(templates.get(0).get("invitations").asInt()).isEqualTo(3);
  }

  @Test
  void offendersAreRedOnATerminalUnlessNoColor() {
    importSample();
    cli.terminal = true;
    String coloured = cli.run("list").out();
    assertThat(coloured.lines().filter(l -> l.startsWith("\u001b[31m!"))).hasSize(2);
    cli.env.put("NO_COLOR", "1");
    String plain = cli.run("list").out();
    assertThat(plain).doesNotContain("\u001b");
    assertThat(plain.lines().filter(l -> l.startsWith("! "))).hasSize(2);
  }

  @Test
  void hostileTextNeverReachesTheTerminalRaw() {
    importSample();
    for (String[] args : List.of(new String[] {"list"}, new String[] {"list", "--search", "evil"}, new String[] {"stats"})) {
      String out = cli.run(args).out();
      assertThat(out.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x202e)).isEmpty();
    }
    assertThat(cli.run("list", "--search", "evil").out()).contains("Evil, Esq.").contains("␛");
  }

  @Test
  void tablesFitTheTerminalWidth() {
    importSample();
    cli.env.put("COLUMNS", "80");
    assertThat(cli.run("list").out().lines()).allSatisfy(l -> assertThat(dev.invitriage.text.TextColumns.width(l)).isLessThanOrEqualTo(80));
  }

  @Test
  void theSummaryNamesInvitationsBeforeConnections() {
    CliRunner.Result r = cli.run("import", java.nio.file.Path.of("sample-data").toAbsolutePath().toString());
    assertThat(r.out()).isEqualTo("imported 74 invitations (74 new, 0 already known), 43 connections from Invitations.csv, Connections.csv\n");
  }

  @Test
  void anExportIntoANamedPipeWritesIntoThePipeAndLeavesIt() throws Exception {
    importSample();
    Path pipe = home.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(pipe);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    CliRunner.Result r = cli.run("export", "-o", pipe.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS).lines()).hasSize(6).first().asString().startsWith("id,");
    // Renamed over, the pipe would be a file now (as /dev/null was, exported into as root).
    assertThat(pipe).exists();
    assertThat(Files.isRegularFile(pipe)).isFalse();
    try (var siblings = Files.list(home)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void anExportThroughALinkReplacesWhatItNamesAndKeepsTheLink() throws IOException {
    importSample();
    Path real = home.resolve("real.csv");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(home.resolve("link.csv"), real);
    CliRunner.Result r = cli.run("export", "-o", link.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("id,").hasLineCount(6);
  }

  @Test
  void anUnwritableExportTargetIsAnIoErrorAndLeavesNothing() {
    importSample();
    CliRunner.Result r = cli.run("export", "-o", home.resolve("no/such/dir/out.csv").toString());
    assertThat(r.code()).isEqualTo(74);
    assertThat(r.err()).startsWith("invitriage: ").contains("out.csv").hasLineCount(1);
    assertThat(home.resolve("no")).doesNotExist();
  }

  @Test
  void helpAndVersionNeverTouchTheStore() {
    CliRunner.Result help = cli.run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("import").contains("export").contains("Exit codes");
    CliRunner.Result version = cli.run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("invitriage ");
    assertThat(cli.run("list", "--help").code()).isZero();
    assertThat(Files.exists(cli.db())).isFalse();
  }

  @Test
  void anUnknownOptionIsExit2WithAHint() {
    CliRunner.Result r = cli.run("list", "--colour");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("invitriage: Unknown option: '--colour'").contains("invitriage list --help");
  }

  @Test
  void aStoreInUseIsExit75AndUntouched() throws IOException {
    importSample();
    try (MapDbInbox held = MapDbInbox.open(cli.db(), Classifier.create(List.of()), n -> {})) {
      byte[] before = Files.readAllBytes(cli.db());
      CliRunner.Result r = cli.run("decide", "0000", "accept");
      assertThat(r.code()).isEqualTo(75);
      assertThat(r.err()).isEqualTo("invitriage: " + cli.db() + " is in use by another invitriage process\n");
      assertThat(Files.readAllBytes(cli.db())).isEqualTo(before);
    }
  }

  @Test
  void theStoreLocationFollowsTheEnvironment() {
    cli.env.put("INVITRIAGE_DB", home.resolve("env.db").toString());
    assertThat(cli.runRaw("import", invitations.toString()).code()).isZero();
    assertThat(home.resolve("env.db")).exists();
    cli.env.remove("INVITRIAGE_DB");
    assertThat(cli.runRaw("import", invitations.toString()).code()).isZero();
    assertThat(home.resolve("data/invitriage/inbox.db")).exists();
  }
}
