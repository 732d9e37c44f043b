package dev.invitriage.ui;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How the inbox leads the user to LinkedIn, where decisions are finally acted on: the one place a
 * web address leaves the program. On this machine a browser is started ({@code $BROWSER}, else
 * {@code xdg-open}, else {@code open}) without waiting for it and with nothing of its output on
 * the screen; over SSH, where a browser would open on the server, the address is put on the
 * client's clipboard with an OSC 52 sequence. Only a checked LinkedIn address is ever handed on
 * ({@link #linkedIn}): the profile field comes from an export anybody could have edited.
 */
public interface Links {
  /** LinkedIn's page for acting on invitations. */
  String INVITATION_MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/";

  /**
   * Leads the user to {@code url}, already checked by {@link #linkedIn}. Returns the status line
   * to show at once; {@code later} receives a line when the outcome is known only afterwards (a
   * browser command that failed), from another thread.
   */
  String open(String url, Consumer<String> later);

  /** Nothing opens anywhere (tests, and screens with nowhere to lead). */
  Links NONE = (url, later) -> "cannot open links here: " + url;

  private static Pattern safeUrl() {
    return Pattern.compile("https://www\\.linkedin\\.com/[A-Za-z0-9\\-._~%/]*");
  }

  /**
   * The address as it may be opened, or null when it is anything but an https address on
   * www.linkedin.com made of plain path characters (letters beyond ASCII are percent-encoded
   * first). No query, fragment, user, port or other host passes.
   */
  static String linkedIn(String field) {
    String s = field == null ? "" : field.strip();
    if (s.isEmpty() || s.length() > 2048) {
      return null;
    }
    try {
      URI uri = new URI(s);
      if (!"https".equals(uri.getScheme()) || !"www.linkedin.com".equals(uri.getHost()) || uri.getPort() != -1
          || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        return null;
      }
      String ascii = new URI("https", "www.linkedin.com", uri.getPath(), null).toASCIIString();
      return safeUrl().matcher(ascii).matches() ? ascii : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** A browser on this machine: {@code $BROWSER} when set, else the first of xdg-open and open on the PATH. */
  static Links browser(Map<String, String> env) {
    return (url, later) -> {
      List<String> command = browserCommand(env, url);
      if (command == null) {
        return "no browser found (set $BROWSER): " + url;
      }
      try {
        // Nothing of the browser reaches the screen, and it cannot read the keys meant for us.
        Process p = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        p.onExit().thenAccept(done -> {
          if (done.exitValue() != 0) {
            later.accept(command.get(0) + " failed (exit " + done.exitValue() + ") opening " + url);
          }
        });
        return "opening " + url;
      } catch (IOException e) {
        return "cannot start " + command.get(0) + ": " + e.getMessage();
      }
    };
  }

  /**
   * The command that opens {@code url}: {@code $BROWSER}'s first entry (entries are separated by
   * ':'; words by spaces; {@code %s} stands for the address, else it comes last), else xdg-open or
   * open found on {@code $PATH}; null when there is none.
   */
  private static List<String> browserCommand(Map<String, String> env, String url) {
    String browser = env.getOrDefault("BROWSER", "").strip();
    if (!browser.isEmpty()) {
      String first = browser.split(":", -1)[0].strip();
      List<String> words = new ArrayList<>();
      boolean placed = false;
      for (String w : first.split("\\s+")) {
        if (w.contains("%s")) {
          words.add(w.replace("%s", url));
          placed = true;
        } else if (!w.isEmpty()) {
          words.add(w);
        }
      }
      if (!words.isEmpty()) {
        if (!placed) {
          words.add(url);
        }
        return words;
      }
    }
    for (String opener : List.of("xdg-open", "open")) {
      for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, opener))) {
          return List.of(Path.of(dir, opener).toString(), url);
        }
      }
    }
    return null;
  }

  /**
   * Over SSH: the address goes to the client's clipboard as one OSC 52 sequence written by {@code
   * terminal} (raw bytes to the client's terminal, which draws nothing for it).
   */
  static Links clipboard(Consumer<byte[]> terminal) {
    return (url, later) -> {
      terminal.accept(osc52(url));
      return "copied to your clipboard: " + url;
    };
  }

  /** ESC ] 52 ; c ; base64(text) BEL: "set the clipboard", which terminals that allow it obey. */
  static byte[] osc52(String text) {
    String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return ("\u001b]52;c;" + b64 + "\u0007").getBytes(StandardCharsets.US_ASCII);
  }
}
