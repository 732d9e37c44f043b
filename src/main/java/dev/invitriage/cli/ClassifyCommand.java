package dev.invitriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitriage.classify.Classifier;
import dev.invitriage.domain.Classification;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invitriage classify [TEXT]}: shows the verdict a message would get. */
@Command(name = "classify", mixinStandardHelpOptions = true,
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
    Classification c = Classifier.create(phrases().phrases()).classify(message, sender);
    if (format == Format.JSON) {
      Map<String, String> json = new LinkedHashMap<>();
      json.put("verdict", c.verdict().name());
      json.put("reason", c.reason());
      out().println(new ObjectMapper().writeValueAsString(json));
    } else {
      out().println(c.verdict() + "\t" + TerminalText.sanitize(c.reason()));
    }
    return ExitCodes.OK;
  }
}
