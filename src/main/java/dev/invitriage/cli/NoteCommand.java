package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invitriage note ID [TEXT]}: shows or sets the personal context note of an invitation. */
@Command(name = "note",
    description = {
      "Set the personal context note of an invitation (an empty TEXT removes it),",
      "edit it in $EDITOR with --edit, or print it when neither is given."
    })
final class NoteCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The invitation (any unique id prefix).")
  String id;

  @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "The note.")
  String text;

  @Option(names = "--edit", description = "Edit the note in $VISUAL or $EDITOR (default vi).")
  boolean edit;

  @Override
  public Integer call() {
    if (edit && text != null) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "give either TEXT or --edit, not both");
    }
    try (App app = openApp()) {
      InvitationId invitation = app.resolve(id);
      String current = app.entry(invitation).note();
      if (!edit && text == null) {
        if (!current.isEmpty()) {
          out().println(TerminalText.sanitizeMultiline(current));
        }
        return ExitCodes.OK;
      }
      String updated = edit ? editInEditor(current) : text;
      if (updated.equals(current)) {
        out().println("note unchanged");
        return ExitCodes.OK;
      }
      app.inbox().setNote(invitation, updated);
      out().println(updated.isEmpty() ? "note removed" : "note saved");
    }
    return ExitCodes.OK;
  }

  private String editInEditor(String current) {
    String editor = context().env().getOrDefault("VISUAL", context().env().getOrDefault("EDITOR", "vi"));
    Path tmp = null;
    try {
      tmp = Files.createTempFile("invitriage-note-", ".txt");
      Files.writeString(tmp, current, StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
      command.add(tmp.toString());
      Process p = new ProcessBuilder(command).inheritIO().start();
      int code = p.waitFor();
      if (code != 0) {
        throw new InvitriageException(InvitriageException.Kind.IO, "editor '" + editor + "' exited with code " + code + "; note unchanged");
      }
      String edited = Files.readString(tmp, StandardCharsets.UTF_8);
      // Editors add a final newline; it is not part of the note.
      return edited.endsWith("\n") ? edited.substring(0, edited.length() - 1) : edited;
    } catch (IOException e) {
      throw InvitriageException.io("cannot run editor '" + editor + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvitriageException(InvitriageException.Kind.IO, "interrupted while editing; note unchanged");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // A leftover temp file in the temp folder is harmless.
        }
      }
    }
  }
}
