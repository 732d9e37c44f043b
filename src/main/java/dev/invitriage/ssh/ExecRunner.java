package dev.invitriage.ssh;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Runs one allowed command line for an SSH {@code exec} request (the command-line interface,
 * supplied by whoever starts the server) and returns its exit status.
 */
@FunctionalInterface
public interface ExecRunner {
  /**
   * @param args the words of the command line, the first one allowed
   * @param env the session's environment (TERM, COLUMNS and LINES when it has a PTY)
   * @param terminal whether the output goes to a terminal (the session has a PTY)
   */
  int run(List<String> args, Map<String, String> env, boolean terminal, PrintWriter out, PrintWriter err);
}
