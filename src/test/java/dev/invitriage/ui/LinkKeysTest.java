package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.app.App;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** o and O lead to LinkedIn through the settings' {@link Links}, and only to a checked address. */
class LinkKeysTest {
  @TempDir Path dir;

  private final List<String> opened = new CopyOnWriteArrayList<>();
  private final Links recording = (url, later) -> {
    opened.add(url);
    return "opening " + url;
  };

  private Path store() throws Exception {
    Path csv = dir.resolve("Invitations.csv");
    Files.writeString(csv, InboxUiRenderingTest.HEADER
        + "Ada Real,Pat User,\"11/20/26, 8:56 PM\",Hi Pat - we met at the Kafka meetup,INCOMING,https://www.linkedin.com/in/ada-real,https://www.linkedin.com/in/pat\n"
        + "Eve Phish,Pat User,\"11/19/26, 8:56 PM\",Hi Pat - we met at the Kafka meetup too,INCOMING,https://evil.example/in/eve,https://www.linkedin.com/in/pat\n"
        + "No Link,Pat User,\"11/18/26, 8:56 PM\",Hi Pat - we met at the Rust meetup,INCOMING,,\n",
        StandardCharsets.UTF_8);
    Path store = dir.resolve("inbox.db");
    try (App app = UiDriver.openApp(store)) {
      app.importFiles(List.of(csv), false, s -> { });
    }
    return store;
  }

  /** The inbox on the three invitations, opening links through {@link #recording}. */
  private UiDriver start() throws Exception {
    UiSettings settings = UiDriver.settings(KeyMap.defaults(), Theme.bundled("dark"), dir).withLinks(recording);
    return new UiDriver(store(), 80, 24).start(settings);
  }

  @Test
  void oOpensTheProfileAndBigOTheInvitationManager() throws Exception {
    try (UiDriver ui = start()) {
      ui.waitFor("Pending 1/3");
      ui.type("o").waitFor("opening https://www.linkedin.com/in/ada-real");
      ui.type("O").waitFor("opening " + Links.INVITATION_MANAGER);
      assertThat(opened).containsExactly("https://www.linkedin.com/in/ada-real", Links.INVITATION_MANAGER);
      ui.quit();
    }
  }

  @Test
  void anAddressOffLinkedInOrNoneIsRefusedOnTheMessageLineAndNeverOpened() throws Exception {
    try (UiDriver ui = start()) {
      ui.waitFor("Pending 1/3");
      ui.type("j").waitFor("Pending 2/3");
      ui.type("o").waitFor("not a LinkedIn address, not opened");
      ui.type("j").waitFor("Pending 3/3");
      ui.type("o").waitFor("no profile link for this invitation");
      assertThat(opened).isEmpty();
      ui.quit();
    }
  }
}
