package dev.invitriage.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxUiSmokeTest {
  @TempDir Path dir;

  @Test
  void opensOnThePendingViewAndQuitsWithQ() {
    Path store = dir.resolve("inbox.db");
    UiDriver.importSample(store);
    try (UiDriver ui = new UiDriver(store, 80, 24).start()) {
      ui.waitFor("1 Pending");
      System.err.println(ui.screen());
      ui.quit();
    }
  }
}
