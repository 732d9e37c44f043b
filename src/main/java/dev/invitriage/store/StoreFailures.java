package dev.invitriage.store;

import dev.invitriage.domain.InvitriageException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** How a failing disk, a damaged journal or MapDB's own exceptions become one-line errors. */
final class StoreFailures {
  private StoreFailures() {}

  /** I/O action that may fail with a checked exception. */
  interface IoAction<T> {
    T run() throws IOException;
  }

  /** Runs {@code action}; a failure is an error naming {@code path} and {@code what} was being done. */
  static <T> T io(IoAction<T> action, Path path, String what) {
    try {
      return action.run();
    } catch (IOException e) {
      throw InvitriageException.io(path + ": " + what + ": " + describe(e), e);
    } catch (Bytes.CorruptRecordException e) {
      throw InvitriageException.badInput(path + ": " + what + ": " + e.getMessage());
    }
  }

  /** True when MapDB failed because reading or writing a file failed, not because of its content. */
  static boolean isIoFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException && !(t instanceof EOFException)) {
        return true;
      }
    }
    return false;
  }

  /** A library or JDK exception as a short phrase for a one-line error. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    if (root instanceof NoSuchFileException) {
      return "no such file";
    }
    if (msg != null && msg.contains("No space left on device")) {
      return "no space left on device";
    }
    return msg == null || msg.isBlank() ? words(root.getClass().getSimpleName()) : msg;
  }

  /**
   * An exception's name as words, for an error without a message: {@code
   * BufferUnderflowException} says "buffer underflow" (a user reads a line, not a Java type).
   */
  static String words(String className) {
    String name = className.replaceFirst("(Exception|Error)$", "");
    return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
  }
}
