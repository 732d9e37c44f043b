package dev.invitriage.domain;

/**
 * The one exception every layer throws for a problem the user must hear about. Its message is the
 * whole one-line explanation (without the {@code invitriage:} prefix); its kind picks the exit code.
 */
public class InvitriageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, which decides the exit code. */
  public enum Kind {
    /** The command line asked for something impossible (unknown id, unknown decision). */
    USAGE,
    /** An input file or text is malformed. */
    BAD_INPUT,
    /** Reading or writing a file failed, including a full disk. */
    IO,
    /** Another process holds the store. */
    IN_USE
  }

  private final Kind kind;

  public InvitriageException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public InvitriageException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static InvitriageException badInput(String message) {
    return new InvitriageException(Kind.BAD_INPUT, message);
  }

  public static InvitriageException io(String message, Throwable cause) {
    return new InvitriageException(Kind.IO, message, cause);
  }
}
