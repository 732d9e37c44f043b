package dev.invitriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invitriage serve} refuses to start, with one line and exit 65, on an unusable keys file. */
class ServeCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run serve(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString(),
        "XDG_DATA_HOME", dir.resolve("data").toString()), new ByteArrayInputStream(new byte[0]), false, 0, Clock.systemUTC());
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("serve", "--db", dir.resolve("inbox.db").toString()));
    if (!java.util.List.of(extra).contains("--listen")) {
      args.addAll(java.util.List.of("--listen", "127.0.0.1:0"));
    }
    args.addAll(java.util.List.of(extra));
    int code = Cli.run(ctx, new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  Path keys(String text, String mode) throws Exception {
    Path f = dir.resolve("config/invitriage/authorized_keys");
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  @Test
  void refusesToStartWithoutTheAuthorizedKeysFile() {
    Run r = serve();
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("invitriage: " + dir.resolve("config/invitriage/authorized_keys") + ": not found").hasLineCount(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void refusesToStartWithAnEmptyAuthorizedKeysFile() throws Exception {
    keys("", "rw-------");
    Run r = serve();
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(": no keys:").hasLineCount(1);
  }

  @Test
  void refusesToStartWithAGroupWritableAuthorizedKeysFile() throws Exception {
    keys("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice\n", "rw-rw-r--");
    Run r = serve();
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("writable by group or others").hasLineCount(1);
  }

  @Test
  void aBadListenAddressIsAUsageError() {
    Run r = serve("--listen", "localhost");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("invitriage: --listen localhost: expected HOST:PORT");
  }
}
