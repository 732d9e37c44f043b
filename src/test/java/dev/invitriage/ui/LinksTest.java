package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {
  @TempDir Path dir;

  @Test
  void aLinkedInAddressPassesAsItIsOrPercentEncoded() {
    assertThat(Links.linkedIn("https://www.linkedin.com/in/dana-whitfield"))
        .isEqualTo("https://www.linkedin.com/in/dana-whitfield");
    assertThat(Links.linkedIn("  https://www.linkedin.com/in/dana-whitfield/  "))
        .isEqualTo("https://www.linkedin.com/in/dana-whitfield/");
    assertThat(Links.linkedIn("https://www.linkedin.com/in/j%C3%BCrgen-wei%C3%9F"))
        .isEqualTo("https://www.linkedin.com/in/j%C3%BCrgen-wei%C3%9F");
    assertThat(Links.linkedIn("https://www.linkedin.com/in/jürgen")).isEqualTo("https://www.linkedin.com/in/j%C3%BCrgen");
    assertThat(Links.linkedIn(Links.INVITATION_MANAGER)).isEqualTo(Links.INVITATION_MANAGER);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "www.linkedin.com/in/x", "http://www.linkedin.com/in/x", "https://linkedin.com.evil.example/in/x",
      "https://evil.example/https://www.linkedin.com/in/x", "https://www.linkedin.com.evil.example/in/x",
      "https://user@www.linkedin.com/in/x", "https://www.linkedin.com:8443/in/x", "https://www.linkedin.com/in/x?next=evil",
      "https://www.linkedin.com/in/x#frag", "javascript:alert(1)", "file:///etc/passwd", "https://www.linkedin.com/in/x y",
      "https://www.linkedin.com/in/x\u001b]52;c;aGk=\u0007", "https://www.linkedin.com/in/x\nhttps://evil.example/",
      "https://www.linkedin.com/in/'$(reboot)'", "-https://www.linkedin.com/in/x"})
  void anythingElseIsRefused(String field) {
    assertThat(Links.linkedIn(field)).as(field).isNull();
  }

  @Test
  void osc52CarriesTheTextInBase64AndNothingElse() {
    String seq = new String(Links.osc52("https://www.linkedin.com/in/x"), StandardCharsets.US_ASCII);
    assertThat(seq).startsWith("\u001b]52;c;").endsWith("\u0007");
    String b64 = seq.substring("\u001b]52;c;".length(), seq.length() - 1);
    assertThat(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8)).isEqualTo("https://www.linkedin.com/in/x");
  }

  @Test
  void theBrowserGetsTheAddressAsOneArgumentAndAFailureIsReportedLater() throws Exception {
    Path got = dir.resolve("got.txt");
    Path ok = script("ok", "printf '%s\\n' \"$@\" > '" + got + "'\n");
    List<String> later = new java.util.concurrent.CopyOnWriteArrayList<>();
    String line = Links.browser(Map.of("BROWSER", ok.toString(), "PATH", "/usr/bin:/bin"))
        .open("https://www.linkedin.com/in/x", later::add);
    assertThat(line).isEqualTo("opening https://www.linkedin.com/in/x");
    waitUntil(() -> Files.exists(got) && Files.size(got) > 0);
    assertThat(Files.readAllLines(got)).containsExactly("https://www.linkedin.com/in/x");

    Path failing = script("failing", "exit 3\n");
    Links.browser(Map.of("BROWSER", failing + " --new-tab", "PATH", "/usr/bin:/bin"))
        .open("https://www.linkedin.com/in/x", later::add);
    waitUntil(() -> !later.isEmpty());
    assertThat(later).singleElement().asString().contains("failing").contains("exit 3");
  }

  @Test
  void withNoBrowserAtAllItSaysSo() {
    String line = Links.browser(Map.of("PATH", dir.toString())).open("https://www.linkedin.com/in/x", s -> { });
    assertThat(line).startsWith("no browser found (set $BROWSER)");
  }

  private Path script(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> done) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.call()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
      Thread.sleep(10);
    }
  }
}
