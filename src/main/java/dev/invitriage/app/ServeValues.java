package dev.invitriage.app;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of the SSH server's address and idle timeout, one for the settings file and the
 * environment ({@code serve.listen}, {@code serve.idle-timeout}) and for {@code serve}'s flags.
 */
public final class ServeValues {
  private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([^\\]]+)\\]|([^:\\[\\]]*)):(\\d{1,5})");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

  private ServeValues() {}

  /**
   * {@code HOST:PORT}, {@code [IPv6]:PORT}, {@code :PORT} or a bare port, on the loopback address
   * when no host is given; port 0 is any free one. Null when {@code s} is none of these.
   */
  public static InetSocketAddress address(String s) {
    String v = s.strip();
    String host = "127.0.0.1";
    String port = v;
    Matcher m = HOST_PORT.matcher(v);
    if (m.matches()) {
      host = m.group(1) != null ? m.group(1) : m.group(2).isEmpty() ? host : m.group(2);
      port = m.group(3);
    }
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      return null;
    }
    return InetSocketAddress.createUnresolved(host, Integer.parseInt(port));
  }

  /** {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d} (any case), never zero; null otherwise. */
  public static Duration duration(String s) {
    Matcher m = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
