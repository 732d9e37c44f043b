package dev.invitriage.app;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's own default phrases: texts that count as LinkedIn's default besides the built-in
 * ones. One phrase a line in a plain UTF-8 file; blank lines and lines starting with {@code #} are
 * comments and are kept as they are when phrases are added or removed.
 */
public final class PhraseBook {
  private final Path file;

  public PhraseBook(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** The phrases in file order; none when the file does not exist. */
  public List<String> phrases() {
    List<String> out = new ArrayList<>();
    for (String line : lines()) {
      if (isPhrase(line)) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** Adds a phrase at the end; returns false when it is already there. */
  public boolean add(String phrase) {
    String p = phrase.strip();
    if (p.isEmpty() || p.startsWith("#") || p.contains("\n") || p.contains("\r")) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "a phrase must be one non-empty line not starting with #");
    }
    if (phrases().contains(p)) {
      return false;
    }
    List<String> lines = lines();
    if (lines.isEmpty()) {
      lines.add("# Texts invitriage treats as LinkedIn's default invitation, one a line.");
    }
    lines.add(p);
    write(lines);
    return true;
  }

  /** Removes a phrase given by its text or by its number in {@link #phrases()} (from 1). */
  public String remove(String phraseOrNumber) {
    List<String> phrases = phrases();
    String target = phraseOrNumber.strip();
    if (target.matches("\\d{1,9}")) {
      int n = Integer.parseInt(target);
      if (n < 1 || n > phrases.size()) {
        throw new InvitriageException(InvitriageException.Kind.USAGE, "no phrase number " + n + " (there are " + phrases.size() + ")");
      }
      target = phrases.get(n - 1);
    } else if (!phrases.contains(target)) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "no such phrase: " + target);
    }
    List<String> lines = lines();
    for (int i = 0; i < lines.size(); i++) {
      if (isPhrase(lines.get(i)) && lines.get(i).strip().equals(target)) {
        lines.remove(i);
        break;
      }
    }
    write(lines);
    return target;
  }

  private static boolean isPhrase(String line) {
    String s = line.strip();
    return !s.isEmpty() && !s.startsWith("#");
  }

  private List<String> lines() {
    try {
      return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return new ArrayList<>();
    } catch (CharacterCodingException e) {
      throw InvitriageException.badInput(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private void write(List<String> lines) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot write: " + e.getMessage(), e);
    }
  }
}
