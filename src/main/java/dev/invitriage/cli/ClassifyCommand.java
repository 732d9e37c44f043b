package dev.invitriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitriage.classify.Classifier;
import dev.invitriage.classify.Explanation;
import dev.invitriage.domain.Classification;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invitriage classify [--explain] [TEXT]}: shows the verdict a message would get, and why. */
@Command(name = "classify",
    description = "Print the verdict and reason for a message (standard input when TEXT is not given). Does not open the store.")
final class ClassifyCommand extends BaseCommand {
  /** Output formats of {@code classify}. */
  enum Format {
    TEXT,
    JSON
  }

  @Parameters(arity = "0..1", paramLabel = "TEXT") String text;

  @Option(names = "--sender", paramLabel = "NAME", defaultValue = "", description = "The sender's name, to recognise greetings and signatures naming them.")
  String sender = "";

  @Option(names = "--recipient", paramLabel = "NAME", defaultValue = "", description = "The recipient's name (yours), to recognise greetings naming them.")
  String recipient = "";

  @Option(names = "--explain", description = "Also print the note cut into its pieces (greeting, default text, pleasantry, request, sign-off, signature, name, content), each labelled.")
  boolean explain;

  @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text (default: VERDICT<TAB>reason) or json.")
  Format format = Format.TEXT;

  @Override
  public Integer call() throws IOException {
    String message = text;
    if (message == null) {
      try {
        message = new String(context().in().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw InvitriageException.io("cannot read standard input: " + e.getMessage(), e);
      }
    }
    Explanation e = Classifier.create(phrases().phrases()).explain(message, sender, recipient);
    Classification c = e.classification();
    if (format == Format.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("verdict", c.verdict().name());
      json.put("reason", c.reason());
      if (explain) {
        List<Map<String, String>> pieces = new ArrayList<>();
        for (Explanation.Piece p : e.pieces()) {
          Map<String, String> piece = new LinkedHashMap<>();
          piece.put("kind", p.kind());
          piece.put("text", p.text());
          piece.put("detail", p.detail());
          pieces.add(piece);
        }
        json.put("pieces", pieces);
      }
      out().println(new ObjectMapper().writeValueAsString(json));
      return ExitCodes.OK;
    }
    out().println(c.verdict() + "\t" + TerminalText.sanitize(c.reason()));
    if (explain) {
      int width = 0;
      for (Explanation.Piece p : e.pieces()) {
        width = Math.max(width, p.kind().length());
      }
      for (Explanation.Piece p : e.pieces()) {
        String detail = p.detail().isEmpty() ? "" : "  (" + p.detail() + ")";
        out().println("  " + TerminalText.sanitize(String.format("%-" + width + "s  %s%s", p.kind(), p.text(), detail)));
      }
    }
    return ExitCodes.OK;
  }
}
