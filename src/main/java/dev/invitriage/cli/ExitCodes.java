package dev.invitriage.cli;

import dev.invitriage.domain.InvitriageException;

/** Every exit code invitriage uses, following BSD sysexits where one fits. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** Bad command line: unknown option, missing argument, unknown id. */
  public static final int USAGE = 2;
  /** EX_DATAERR: an input file or text is malformed; nothing from it was stored. */
  public static final int BAD_INPUT = 65;
  /** EX_SOFTWARE: a bug in invitriage. */
  public static final int INTERNAL = 70;
  /** EX_IOERR: reading or writing failed, including a full disk. */
  public static final int IO = 74;
  /** EX_TEMPFAIL: another invitriage process has the store open; try again later. */
  public static final int IN_USE = 75;
  /** EX_CONFIG: a bad line or value in the settings; nothing else ran. */
  public static final int CONFIG = 78;

  static int of(InvitriageException.Kind kind) {
    return switch (kind) {
      case USAGE -> USAGE;
      case BAD_INPUT -> BAD_INPUT;
      case IO -> IO;
      case IN_USE -> IN_USE;
    };
  }
}
